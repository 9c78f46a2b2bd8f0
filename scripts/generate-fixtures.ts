/**
 * Regenerates the binary fixtures in test/fixtures/ (run with `npm run fixtures`). The files are
 * committed; this script documents exactly how each one was made and can rebuild them. Images come from
 * sharp, videos from Debian's ffmpeg (must be on PATH). Every output is overwritten, so running it twice
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
  try {
    await generateImages();
    await generateVideos(workDirectory);
    await generateTextAndDocuments();
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
  console.log(`fixtures written to ${FIXTURES}`);
}

await main();
