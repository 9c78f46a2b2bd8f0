/**
 * Regenerates the binary fixtures in test/fixtures/ (run with `npm run fixtures`). The files are
 * committed; this script documents exactly how each one was made and can rebuild them. Images come from
 * sharp, HEIC from Debian's heif-enc (package libheif-examples, with its x265 encoder), videos from
 * Debian's ffmpeg (both must be on PATH). `npm run fixtures -- heif` rebuilds only the HEIF family. Every output is overwritten, so running it twice
 * is harmless; the inputs are fixed patterns, so the results only change with encoder versions.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp, { type Sharp } from 'sharp';

const FIXTURES = resolve(import.meta.dirname, '..', 'test', 'fixtures');

type Rgba = readonly [number, number, number, number];
const RED: Rgba = [255, 0, 0, 255];
const GREEN: Rgba = [0, 160, 0, 255];
const BLUE: Rgba = [0, 0, 255, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

function rawImage(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgba,
): Sharp {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      data.set(pixel(x, y), (y * width + x) * 4);
    }
  }
  return sharp(data, { raw: { width, height, channels: 4 } });
}

async function rawImageBuffer(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgba,
): Promise<Buffer> {
  return rawImage(width, height, pixel).png().toBuffer();
}

/** A smooth colour gradient: compresses well and survives JPEG without surprises. */
const gradient =
  (width: number, height: number) =>
  (x: number, y: number): Rgba => [
    Math.round((255 * x) / (width - 1)),
    Math.round((255 * y) / (height - 1)),
    128,
    255,
  ];

/** Left half opaque `colour`, right half fully transparent (black underneath, to catch a black flatten). */
const leftOpaqueRightTransparent =
  (width: number, colour: Rgba) =>
  (x: number): Rgba =>
    x < width / 2 ? colour : TRANSPARENT;

/** Top-left quadrant red, the rest blue: shows where the image's top-left corner ended up. */
const redTopLeftQuadrant =
  (width: number, height: number) =>
  (x: number, y: number): Rgba =>
    x < width / 2 && y < height / 2 ? RED : BLUE;

const solid = (colour: Rgba) => (): Rgba => colour;

async function generateImages(): Promise<void> {
  await rawImage(64, 48, leftOpaqueRightTransparent(64, RED))
    .png()
    .toFile(fixturePath('png-alpha.png'));

  await rawImage(64, 48, leftOpaqueRightTransparent(64, GREEN))
    .webp({ lossless: true })
    .toFile(fixturePath('webp-lossless.webp'));

  const redFrame = await rawImageBuffer(64, 48, solid(RED));
  const blueFrame = await rawImageBuffer(64, 48, solid(BLUE));
  await sharp([redFrame, blueFrame], { join: { animated: true } })
    .webp({ lossless: true, loop: 0, delay: [200, 200] })
    .toFile(fixturePath('webp-animated.webp'));
  await sharp([redFrame, blueFrame], { join: { animated: true } })
    .gif({ loop: 0, delay: [200, 200] })
    .toFile(fixturePath('gif-animated.gif'));

  // An independent encoder: ffmpeg's MJPEG writer emits JFIF APP0 itself, so this file proves that an
  // already conforming JPEG is passed through byte for byte, not just that we recognise our own splice.
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x120:rate=1',
    '-frames:v',
    '1',
    '-pix_fmt',
    'yuvj420p',
    '-q:v',
    '3',
    '-flags',
    '+bitexact',
    '-fflags',
    '+bitexact',
    fixturePath('jpeg-baseline-jfif.jpg'),
  ]);

  await rawImage(160, 120, gradient(160, 120))
    .jpeg({ quality: 85 })
    .toFile(fixturePath('jpeg-baseline-nojfif.jpg'));

  await rawImage(160, 120, gradient(160, 120))
    .toColourspace('b-w')
    .jpeg({ quality: 85 })
    .toFile(fixturePath('jpeg-greyscale.jpg'));

  await rawImage(160, 120, gradient(160, 120))
    .jpeg({ quality: 85, progressive: true })
    .toFile(fixturePath('jpeg-progressive.jpg'));

  await rawImage(64, 48, redTopLeftQuadrant(64, 48))
    .toColourspace('cmyk')
    .jpeg({ quality: 90 })
    .toFile(fixturePath('jpeg-cmyk.jpg'));

  // Orientation 6: stored landscape, displayed rotated 90° clockwise (a phone held upright).
  await rawImage(64, 48, redTopLeftQuadrant(64, 48))
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toFile(fixturePath('jpeg-exif-orientation.jpg'));
  await rawImage(64, 48, redTopLeftQuadrant(64, 48))
    .jpeg({ quality: 90, progressive: true })
    .withMetadata({ orientation: 6 })
    .toFile(fixturePath('jpeg-progressive-exif-orientation.jpg'));

  // Passes the magic-byte check (SOI, then a DQT marker) but the header is noise: sharp cannot read it.
  await writeFile(
    fixturePath('jpeg-corrupt.jpg'),
    Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43]),
      pseudoRandomBytes(512, 7),
    ]),
  );

  // A valid header and the first part of the scan, as left by an interrupted upload: the metadata reads
  // fine, only decoding the pixels finds the damage.
  const complete = await readFile(fixturePath('jpeg-baseline-nojfif.jpg'));
  await writeFile(
    fixturePath('jpeg-truncated.jpg'),
    complete.subarray(0, Math.floor(complete.length * 0.6)),
  );
}

/**
 * The HEIF family. sharp writes AVIF itself (and turns an EXIF orientation into an `irot` box, as a
 * camera would); HEVC needs heif-enc, which copies the JPEG's EXIF and ICC profile but not its
 * orientation, so the rotation is added to the container afterwards (addHeifRotation).
 */
async function generateHeifImages(workDirectory: string): Promise<void> {
  // iPhone-like: stored landscape in Display P3, with camera EXIF (make, model, GPS, orientation 6)
  // and an `irot` of 270° counter-clockwise, i.e. displayed turned 90° clockwise (a phone held
  // upright). HEIF readers must apply `irot` and ignore the EXIF tag: applying both turns it twice.
  const source = join(workDirectory, 'heic-source.jpg');
  await rawImage(64, 48, redTopLeftQuadrant(64, 48))
    .withExif({
      IFD0: { Make: 'Apple', Model: 'iPhone 15 Pro' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 29/1' },
    })
    .withMetadata({ orientation: 6 })
    .withIccProfile('p3')
    .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
    .toFile(source);
  const unrotated = join(workDirectory, 'unrotated.heic');
  execFileSync('heif-enc', ['-q', '80', '-o', unrotated, source], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const heic = addHeifRotation(await readFile(unrotated), 3);
  await writeFile(fixturePath('heic-exif-orientation.heic'), heic);

  // The container is whole but the picture's coded data is zeroed: the header reads, decoding fails.
  const corrupt = Buffer.from(heic);
  const picture = heifItemExtent(corrupt, 1);
  corrupt.fill(0, picture.offset + 4, picture.offset + picture.length);
  await writeFile(fixturePath('heic-corrupt.heic'), corrupt);

  // Cut inside the image data, as an interrupted upload leaves it.
  const mdat = heic.indexOf(Buffer.from('mdat', 'latin1'));
  await writeFile(
    fixturePath('heic-truncated.heic'),
    heic.subarray(0, mdat + Math.floor((heic.length - mdat) / 2)),
  );

  await rawImage(64, 48, redTopLeftQuadrant(64, 48))
    .removeAlpha()
    .withMetadata({ orientation: 6 })
    .avif({ quality: 80, effort: 4 })
    .toFile(fixturePath('avif-exif-orientation.avif'));
}

interface IsoBox {
  type: string;
  start: number;
  size: number;
}

/** The boxes between `start` and `end` (32-bit sizes only, as heif-enc writes them). */
function isoBoxes(bytes: Buffer, start: number, end: number): IsoBox[] {
  const boxes: IsoBox[] = [];
  for (let offset = start; offset + 8 <= end;) {
    const size = bytes.readUInt32BE(offset);
    if (size < 8) {
      throw new Error(`unexpected box size ${size} at ${offset}`);
    }
    boxes.push({
      type: bytes.toString('latin1', offset + 4, offset + 8),
      start: offset,
      size,
    });
    offset += size;
  }
  return boxes;
}

/** A child box of `parent`; `skip` passes over the version and flags of a full box. */
function isoChild(
  bytes: Buffer,
  parent: IsoBox,
  type: string,
  skip = 0,
): IsoBox {
  const child = isoBoxes(
    bytes,
    parent.start + 8 + skip,
    parent.start + parent.size,
  ).find((box) => box.type === type);
  if (child === undefined) {
    throw new Error(`no ${type} box in ${parent.type}`);
  }
  return child;
}

/** Reads an iloc field of 0, 4 or 8 bytes. */
function readSized(bytes: Buffer, offset: number, size: number): number {
  if (size === 0) return 0;
  return size === 4
    ? bytes.readUInt32BE(offset)
    : Number(bytes.readBigUInt64BE(offset));
}

function writeSized(
  bytes: Buffer,
  offset: number,
  size: number,
  value: number,
): void {
  if (size === 4) bytes.writeUInt32BE(value, offset);
  else bytes.writeBigUInt64BE(BigInt(value), offset);
}

interface IlocItem {
  itemId: number;
  constructionMethod: number;
  baseOffset: { at: number; size: number };
  extents: Array<{ offsetAt: number; offsetSize: number; length: number }>;
}

/** The `iloc` entries of a HEIF file (versions 0–2), with where each offset is stored. */
function ilocItems(bytes: Buffer): IlocItem[] {
  const meta = isoBoxes(bytes, 0, bytes.length).find(
    (box) => box.type === 'meta',
  );
  if (meta === undefined) {
    throw new Error('no meta box');
  }
  const iloc = isoChild(bytes, meta, 'iloc', 4);
  const version = bytes[iloc.start + 8];
  let at = iloc.start + 12;
  const offsetSize = bytes[at] >> 4;
  const lengthSize = bytes[at] & 15;
  const baseOffsetSize = bytes[at + 1] >> 4;
  const indexSize = version >= 1 ? bytes[at + 1] & 15 : 0;
  at += 2;
  const count = version < 2 ? bytes.readUInt16BE(at) : bytes.readUInt32BE(at);
  at += version < 2 ? 2 : 4;
  const items: IlocItem[] = [];
  for (let index = 0; index < count; index += 1) {
    const itemId =
      version < 2 ? bytes.readUInt16BE(at) : bytes.readUInt32BE(at);
    at += version < 2 ? 2 : 4;
    const constructionMethod = version >= 1 ? bytes.readUInt16BE(at) & 15 : 0;
    at += (version >= 1 ? 2 : 0) + 2; // construction method, data reference index
    const baseOffset = { at, size: baseOffsetSize };
    at += baseOffsetSize;
    const extentCount = bytes.readUInt16BE(at);
    at += 2;
    const extents: IlocItem['extents'] = [];
    for (let extent = 0; extent < extentCount; extent += 1) {
      at += indexSize;
      extents.push({
        offsetAt: at,
        offsetSize,
        length: readSized(bytes, at + offsetSize, lengthSize),
      });
      at += offsetSize + lengthSize;
    }
    items.push({ itemId, constructionMethod, baseOffset, extents });
  }
  return items;
}

/** Where an item's (single-extent, file-stored) data lies. */
function heifItemExtent(
  bytes: Buffer,
  itemId: number,
): { offset: number; length: number } {
  const item = ilocItems(bytes).find((entry) => entry.itemId === itemId);
  if (item === undefined || item.constructionMethod !== 0) {
    throw new Error(`item ${itemId} is not stored in the file`);
  }
  const [extent] = item.extents;
  return {
    offset:
      readSized(bytes, item.baseOffset.at, item.baseOffset.size) +
      readSized(bytes, extent.offsetAt, extent.offsetSize),
    length: extent.length,
  };
}

/**
 * Adds an `irot` property (`quarterTurns` × 90° counter-clockwise) to the primary item of a HEIF file
 * laid out as heif-enc writes it (meta before mdat): appends the box to `ipco`, associates it with the
 * primary item in `ipma` (marked essential, as MIAF requires of transformations), grows the enclosing
 * boxes and moves every file offset in `iloc` past the inserted bytes.
 */
function addHeifRotation(heif: Buffer, quarterTurns: number): Buffer {
  const bytes = Buffer.from(heif);
  const top = isoBoxes(bytes, 0, bytes.length);
  const meta = top.find((box) => box.type === 'meta');
  const mdat = top.find((box) => box.type === 'mdat');
  if (meta === undefined || mdat === undefined || mdat.start < meta.start) {
    throw new Error('expected a meta box before the mdat box');
  }
  const pitm = isoChild(bytes, meta, 'pitm', 4);
  const primary =
    bytes[pitm.start + 8] === 0
      ? bytes.readUInt16BE(pitm.start + 12)
      : bytes.readUInt32BE(pitm.start + 12);
  const iprp = isoChild(bytes, meta, 'iprp', 4);
  const ipco = isoChild(bytes, iprp, 'ipco');
  const ipma = isoChild(bytes, iprp, 'ipma');
  const irot = Buffer.from([
    0,
    0,
    0,
    9,
    ...Buffer.from('irot'),
    quarterTurns & 3,
  ]);
  const propertyIndex =
    isoBoxes(bytes, ipco.start + 8, ipco.start + ipco.size).length + 1;

  const ipmaVersion = bytes[ipma.start + 8];
  const wideIndices = (bytes[ipma.start + 11] & 1) === 1;
  let at = ipma.start + 12;
  const entryCount = bytes.readUInt32BE(at);
  at += 4;
  let countAt = -1;
  let associationAt = -1;
  for (let entry = 0; entry < entryCount; entry += 1) {
    const itemId =
      ipmaVersion < 1 ? bytes.readUInt16BE(at) : bytes.readUInt32BE(at);
    at += ipmaVersion < 1 ? 2 : 4;
    const associations = bytes[at];
    const countOffset = at;
    at += 1 + associations * (wideIndices ? 2 : 1);
    if (itemId === primary) {
      countAt = countOffset;
      associationAt = at;
    }
  }
  if (countAt < 0) {
    throw new Error(`the primary item ${primary} has no properties`);
  }
  const association = wideIndices
    ? Buffer.from([0x80 | (propertyIndex >> 8), propertyIndex & 0xff])
    : Buffer.from([0x80 | propertyIndex]);
  const growth = irot.length + association.length;

  for (const item of ilocItems(bytes)) {
    if (item.constructionMethod !== 0) {
      continue; // idat-relative offsets do not move
    }
    if (item.baseOffset.size > 0) {
      const { at: baseAt, size } = item.baseOffset;
      writeSized(bytes, baseAt, size, readSized(bytes, baseAt, size) + growth);
    } else {
      for (const { offsetAt, offsetSize } of item.extents) {
        writeSized(
          bytes,
          offsetAt,
          offsetSize,
          readSized(bytes, offsetAt, offsetSize) + growth,
        );
      }
    }
  }
  bytes[countAt] += 1;
  bytes.writeUInt32BE(meta.size + growth, meta.start);
  bytes.writeUInt32BE(iprp.size + growth, iprp.start);
  bytes.writeUInt32BE(ipco.size + irot.length, ipco.start);
  bytes.writeUInt32BE(ipma.size + association.length, ipma.start);
  const ipcoEnd = ipco.start + ipco.size;
  return Buffer.concat([
    bytes.subarray(0, ipcoEnd),
    irot,
    bytes.subarray(ipcoEnd, associationAt),
    association,
    bytes.subarray(associationAt),
  ]);
}

/** Deterministic bytes with no 0xFF, so the "JPEG" never reaches a valid marker. */
function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = (state >> 16) % 255;
  }
  return bytes;
}

function ffmpeg(args: string[]): void {
  execFileSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', ...args],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

function ffprobeJson(path: string): {
  streams: Array<{ side_data_list?: Array<{ rotation?: number }> }>;
} {
  const output = execFileSync(
    'ffprobe',
    ['-v', 'error', '-print_format', 'json', '-show_streams', path],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as ReturnType<typeof ffprobeJson>;
}

const TEST_PATTERN = (size: string, seconds: number) => [
  '-f',
  'lavfi',
  '-i',
  `testsrc2=size=${size}:rate=25:duration=${seconds}`,
];
const TONE = (seconds: number) => [
  '-f',
  'lavfi',
  '-i',
  `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
];
const BITEXACT = ['-fflags', '+bitexact', '-flags', '+bitexact'];
const H264_AAC = [
  '-c:v',
  'libx264',
  '-preset',
  'veryfast',
  '-pix_fmt',
  'yuv420p',
  '-threads',
  '1',
  '-c:a',
  'aac',
  '-b:a',
  '48k',
];

async function generateVideos(workDirectory: string): Promise<void> {
  ffmpeg([
    ...TEST_PATTERN('320x180', 2),
    ...TONE(2),
    ...H264_AAC,
    '-movflags',
    '+faststart',
    ...BITEXACT,
    fixturePath('video-landscape.mp4'),
  ]);

  // ffmpeg 5.1 turns a `rotate` stream tag into a display matrix only on stream copy, and reads the
  // tag as counter-clockwise degrees: `rotate=270` yields ffprobe `rotation: -90`, which is the matrix
  // a phone writes for a portrait recording (displayed turned 90° clockwise). Verified below so a
  // different ffmpeg cannot silently produce another orientation.
  const unrotated = join(workDirectory, 'unrotated.mp4');
  ffmpeg([
    ...TEST_PATTERN('320x180', 1),
    ...TONE(1),
    ...H264_AAC,
    ...BITEXACT,
    unrotated,
  ]);
  const rotated = fixturePath('video-portrait-rotated.mp4');
  ffmpeg([
    '-i',
    unrotated,
    '-c',
    'copy',
    '-metadata:s:v:0',
    'rotate=270',
    '-movflags',
    '+faststart',
    ...BITEXACT,
    rotated,
  ]);
  const rotation =
    ffprobeJson(rotated).streams[0]?.side_data_list?.[0]?.rotation;
  if (rotation !== -90) {
    throw new Error(
      `expected a -90° display matrix in ${rotated}, ffprobe reports ${String(rotation)}`,
    );
  }

  ffmpeg([
    ...TEST_PATTERN('320x180', 1),
    ...TONE(1),
    ...H264_AAC,
    '-f',
    'mov',
    ...BITEXACT,
    fixturePath('video.mov'),
  ]);

  ffmpeg([
    ...TEST_PATTERN('320x180', 1),
    ...TONE(1),
    '-c:v',
    'libvpx-vp9',
    '-b:v',
    '200k',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-threads',
    '1',
    '-c:a',
    'libopus',
    '-b:a',
    '32k',
    ...BITEXACT,
    fixturePath('video.webm'),
  ]);

  ffmpeg([
    ...TEST_PATTERN('160x90', 1),
    '-c:v',
    'mpeg4',
    '-q:v',
    '8',
    '-an',
    ...BITEXACT,
    fixturePath('video.avi'),
  ]);

  // Without +faststart the moov box (the index) is written last; cutting the file in half loses it,
  // which is what an interrupted upload of a camera recording looks like.
  const moovAtEnd = join(workDirectory, 'moov-at-end.mp4');
  ffmpeg([
    ...TEST_PATTERN('320x180', 2),
    ...TONE(2),
    ...H264_AAC,
    ...BITEXACT,
    moovAtEnd,
  ]);
  const complete = await readFile(moovAtEnd);
  await writeFile(
    fixturePath('video-truncated.mp4'),
    complete.subarray(0, Math.floor(complete.length / 2)),
  );

  await writeFile(
    fixturePath('not-a-video.mp4'),
    'This is a plain text file with an .mp4 name.\nIt contains no video at all.\n',
  );
}

async function generateTextAndDocuments(): Promise<void> {
  await writeFile(
    fixturePath('caption.vtt'),
    [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:01.500',
      'Bonjour — welcome to the demo.',
      '',
      '00:00:01.500 --> 00:00:03.000',
      'Second cue, with ünïcödé.',
      '',
    ].join('\n'),
  );
  await writeFile(
    fixturePath('caption.srt'),
    [
      '1',
      '00:00:00,000 --> 00:00:01,500',
      'Bonjour — welcome to the demo.',
      '',
      '2',
      '00:00:01,500 --> 00:00:03,000',
      'Second cue, with ünïcödé.',
      '',
    ].join('\r\n'),
  );
  await writeFile(fixturePath('document.pdf'), minimalPdf('Fixture PDF'));
}

/** A one-page PDF 1.4 with a correct cross-reference table, built by hand so it has no producer noise. */
function minimalPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 36 96 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets
    .map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)
    .join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function main(): Promise<void> {
  await mkdir(FIXTURES, { recursive: true });
  const workDirectory = join(FIXTURES, '.work');
  await mkdir(workDirectory, { recursive: true });
  // `npm run fixtures -- heif` (or images, videos, text): only those groups.
  const only = new Set(process.argv.slice(2));
  const wanted = (group: string) => only.size === 0 || only.has(group);
  try {
    if (wanted('images')) await generateImages();
    if (wanted('heif')) await generateHeifImages(workDirectory);
    if (wanted('videos')) await generateVideos(workDirectory);
    if (wanted('text')) await generateTextAndDocuments();
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
  console.log(`fixtures written to ${FIXTURES}`);
}

await main();
