import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { HeifDecoder, HeifDecoderError } from './heif-decoder.js';
import { ImageAdapter } from './image.adapter.js';
import type { ImageNormalisationResult } from './image-normalisation.js';
import { jpegHeaderMarkers } from '../../testing/jpeg.js';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures');
const JFIF_PREFIX = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
]);

/** ITU T.81 Annex K luminance table: what libjpeg scales by the quality setting. */
const ANNEX_K_LUMINANCE = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16,
  24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109,
  103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];

/** libjpeg's `jpeg_quality_scaling`, applied to the Annex K table. */
function annexKLuminanceAt(quality: number): number[] {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return ANNEX_K_LUMINANCE.map((base) =>
    Math.min(255, Math.max(1, Math.floor((base * scale + 50) / 100))),
  );
}

/** The 8-bit quantisation table 0 (luminance) of a JPEG, read from its DQT segments. */
function luminanceQuantisationTable(jpeg: Buffer): number[] {
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1];
    const length = jpeg.readUInt16BE(offset + 2);
    if (marker === 0xdb) {
      for (let table = offset + 4; table < offset + 2 + length; table += 65) {
        if (jpeg[table] === 0x00) {
          return [...jpeg.subarray(table + 1, table + 65)];
        }
      }
    }
    offset += 2 + length;
  }
  throw new Error('no 8-bit luminance quantisation table');
}

type Rgb = [number, number, number];

async function pixelAt(path: string, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(path)
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset], data[offset + 1], data[offset + 2]];
}

function expectColourNear(actual: Rgb, expected: Rgb, tolerance = 12) {
  actual.forEach((channel, index) => {
    expect(Math.abs(channel - expected[index])).toBeLessThanOrEqual(tolerance);
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe('ImageAdapter.normaliseImageFile (real sharp over test/fixtures)', () => {
  const adapter = new ImageAdapter();
  afterAll(() => adapter.onModuleDestroy());
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'image-adapter-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function normalise(fixture: string) {
    const outputPath = join(directory, `${fixture}.out.jpg`);
    const result = await adapter.normaliseImageFile(
      join(FIXTURES, fixture),
      outputPath,
    );
    return { result, outputPath };
  }

  function writtenPath(result: ImageNormalisationResult): string {
    if (!('outputPath' in result)) {
      throw new Error(`expected a written JPEG, got ${JSON.stringify(result)}`);
    }
    return result.outputPath;
  }

  it.each([
    'png-alpha.png',
    'webp-lossless.webp',
    'webp-animated.webp',
    'jpeg-baseline-jfif.jpg',
    'jpeg-baseline-nojfif.jpg',
    'jpeg-greyscale.jpg',
    'jpeg-progressive.jpg',
    'jpeg-cmyk.jpg',
    'jpeg-exif-orientation.jpg',
    'jpeg-progressive-exif-orientation.jpg',
  ])(
    '%s comes out as a baseline JPEG that starts with JFIF APP0',
    async (fixture) => {
      const { result } = await normalise(fixture);
      const output = await readFile(writtenPath(result));

      expect(output.subarray(0, 11)).toEqual(JFIF_PREFIX);
      expect(result).toMatchObject({
        contentType: 'image/jpeg',
        sizeBytes: output.length,
      });
      const metadata = await sharp(output).metadata();
      expect(metadata.format).toBe('jpeg');
      expect(metadata.isProgressive).toBe(false);
      expect(['srgb', 'b-w']).toContain(metadata.space);
    },
  );

  it('encodes at quality 90: the Annex K tables scaled as libjpeg does for 90', async () => {
    const { outputPath } = await normalise('png-alpha.png');
    // DQT stores the table in zigzag order; the multiset of values identifies the scaling.
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    expect(
      sorted(luminanceQuantisationTable(await readFile(outputPath))),
    ).toEqual(sorted(annexKLuminanceAt(90)));
  });

  it('converts a PNG and turns its transparent pixels white', async () => {
    const { result, outputPath } = await normalise('png-alpha.png');

    expect(result).toEqual({
      outcome: 'converted',
      sourceFormat: 'png',
      contentType: 'image/jpeg',
      width: 64,
      height: 48,
      sizeBytes: expect.any(Number),
      outputPath,
    });
    const metadata = await sharp(outputPath).metadata();
    expect(metadata).toMatchObject({ width: 64, height: 48, hasAlpha: false });
    expectColourNear(await pixelAt(outputPath, 8, 24), [255, 0, 0]);
    expectColourNear(await pixelAt(outputPath, 56, 24), [255, 255, 255], 2);
  });

  it('converts a lossless WebP, flattening its transparency onto white', async () => {
    const { result, outputPath } = await normalise('webp-lossless.webp');

    expect(result).toMatchObject({
      outcome: 'converted',
      sourceFormat: 'webp',
      width: 64,
      height: 48,
    });
    expectColourNear(await pixelAt(outputPath, 8, 24), [0, 160, 0]);
    expectColourNear(await pixelAt(outputPath, 56, 24), [255, 255, 255], 2);
  });

  it('converts only the first frame of an animated WebP', async () => {
    const { result, outputPath } = await normalise('webp-animated.webp');

    expect(result).toMatchObject({
      outcome: 'converted',
      sourceFormat: 'webp',
      width: 64,
      height: 48,
    });
    const metadata = await sharp(outputPath).metadata();
    expect(metadata).toMatchObject({ width: 64, height: 48 });
    expect(metadata.pages).toBeUndefined();
    expectColourNear(await pixelAt(outputPath, 32, 24), [255, 0, 0]);
  });

  it('leaves a baseline JFIF JPEG byte-for-byte identical', async () => {
    const { result, outputPath } = await normalise('jpeg-baseline-jfif.jpg');

    expect(result).toEqual({
      outcome: 'unchanged',
      sourceFormat: 'jpeg',
      contentType: 'image/jpeg',
      width: 160,
      height: 120,
      sizeBytes: expect.any(Number),
      outputPath,
    });
    const input = await readFile(join(FIXTURES, 'jpeg-baseline-jfif.jpg'));
    const output = await readFile(outputPath);
    expect(output.equals(input)).toBe(true);
    expect(result).toMatchObject({ sizeBytes: input.length });
  });

  it('only splices JFIF into a baseline JPEG that lacks it (no re-encode)', async () => {
    const { result, outputPath } = await normalise('jpeg-baseline-nojfif.jpg');

    expect(result).toMatchObject({
      outcome: 'jfif_injected',
      width: 160,
      height: 120,
    });
    const input = await readFile(join(FIXTURES, 'jpeg-baseline-nojfif.jpg'));
    const output = await readFile(outputPath);
    expect(output.length).toBe(input.length + 18);
    expect(output.subarray(20).equals(input.subarray(2))).toBe(true);
  });

  it('keeps a baseline greyscale JPEG as greyscale', async () => {
    const { result, outputPath } = await normalise('jpeg-greyscale.jpg');

    expect(result).toMatchObject({ outcome: 'jfif_injected' });
    expect(await sharp(outputPath).metadata()).toMatchObject({
      space: 'b-w',
      channels: 1,
    });
  });

  it('re-encodes a progressive JPEG to baseline', async () => {
    const { result, outputPath } = await normalise('jpeg-progressive.jpg');

    expect(result).toMatchObject({
      outcome: 'reencoded',
      sourceFormat: 'jpeg',
      reencodeReasons: ['progressive'],
      width: 160,
      height: 120,
    });
    expect(await sharp(outputPath).metadata()).toMatchObject({
      isProgressive: false,
      space: 'srgb',
      chromaSubsampling: '4:2:0',
    });
  });

  it('re-encodes a CMYK JPEG to sRGB with its colours intact', async () => {
    const { result, outputPath } = await normalise('jpeg-cmyk.jpg');

    expect(result).toMatchObject({
      outcome: 'reencoded',
      reencodeReasons: ['not_srgb'],
      width: 64,
      height: 48,
    });
    expect(await sharp(outputPath).metadata()).toMatchObject({
      space: 'srgb',
      channels: 3,
      isProgressive: false,
    });
    // Pure sRGB blue is outside the CMYK gamut, so compare with sharp's own reading of the source.
    const source = join(FIXTURES, 'jpeg-cmyk.jpg');
    for (const [x, y] of [
      [8, 8],
      [56, 40],
    ]) {
      expectColourNear(
        await pixelAt(outputPath, x, y),
        await pixelAt(source, x, y),
        6,
      );
    }
    expect((await pixelAt(outputPath, 8, 8))[0]).toBeGreaterThan(200);
  });

  it('re-encodes an otherwise keepable JPEG with EXIF orientation: stored upright, no EXIF left', async () => {
    const { result, outputPath } = await normalise('jpeg-exif-orientation.jpg');

    expect(result).toMatchObject({
      outcome: 'reencoded',
      reencodeReasons: ['oriented'],
      width: 48,
      height: 64,
    });
    const metadata = await sharp(outputPath).metadata();
    expect(metadata).toMatchObject({ width: 48, height: 64 });
    expect(metadata.orientation).toBeUndefined();
    expect(metadata.exif).toBeUndefined();
  });

  it('rotates the pixels upright when re-encoding a JPEG with EXIF orientation', async () => {
    const { result, outputPath } = await normalise(
      'jpeg-progressive-exif-orientation.jpg',
    );

    expect(result).toMatchObject({
      outcome: 'reencoded',
      reencodeReasons: ['progressive', 'oriented'],
      width: 48,
      height: 64,
    });
    const metadata = await sharp(outputPath).metadata();
    expect(metadata).toMatchObject({ width: 48, height: 64 });
    expect(metadata.orientation).toBeUndefined();
    // Stored top-left (red) is displayed top-right after a 90° clockwise turn.
    expectColourNear(await pixelAt(outputPath, 40, 8), [255, 0, 0], 40);
    expectColourNear(await pixelAt(outputPath, 8, 8), [0, 0, 255], 40);
  });

  it('skips a GIF without writing anything', async () => {
    const { result, outputPath } = await normalise('gif-animated.gif');

    expect(result).toEqual({
      outcome: 'skipped',
      reason: 'gif',
      sourceFormat: 'gif',
      width: 64,
      height: 48,
    });
    expect(await exists(outputPath)).toBe(false);
  });

  it('reports an undecodable JPEG header as a failure instead of throwing', async () => {
    const { result, outputPath } = await normalise('jpeg-corrupt.jpg');

    expect(result).toEqual({
      outcome: 'failed',
      sourceFormat: 'jpeg',
      reason: expect.stringContaining('corrupt header'),
    });
    expect(await exists(outputPath)).toBe(false);
  });

  it('fails a JPEG whose header is fine but whose scan data is cut off', async () => {
    const { result, outputPath } = await normalise('jpeg-truncated.jpg');

    expect(result).toEqual({
      outcome: 'failed',
      sourceFormat: 'jpeg',
      reason: expect.stringContaining('premature end'),
    });
    expect(await exists(outputPath)).toBe(false);
  });

  it('fails a file that is not an image by its magic bytes', async () => {
    const { result } = await normalise('document.pdf');

    expect(result).toEqual({
      outcome: 'failed',
      sourceFormat: null,
      reason:
        'not a JPEG, PNG, GIF, WebP, HEIC/HEIF or AVIF image (by its magic bytes)',
    });
  });

  it('is idempotent: normalising its own output changes nothing', async () => {
    const first = await normalise('png-alpha.png');
    const secondOutput = join(directory, 'second.jpg');

    const second = await adapter.normaliseImageFile(
      writtenPath(first.result),
      secondOutput,
    );

    expect(second).toMatchObject({
      outcome: 'unchanged',
      width: 64,
      height: 48,
    });
    expect(
      (await readFile(secondOutput)).equals(await readFile(first.outputPath)),
    ).toBe(true);
  });

  it('throws on a missing input file (an I/O problem, not a bad image)', async () => {
    await expect(normalise('does-not-exist.png')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('refuses to write over its own input', async () => {
    const input = join(FIXTURES, 'png-alpha.png');
    await expect(adapter.normaliseImageFile(input, input)).rejects.toThrow(
      'distinct from its input',
    );
  });
});

describe('ImageAdapter.normaliseImageFile: HEIC/HEIF and AVIF', () => {
  const heifDecoder = new HeifDecoder();
  const adapter = new ImageAdapter({ heifDecoder });
  afterAll(() => adapter.onModuleDestroy());
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'image-adapter-heif-'));
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(directory, { recursive: true, force: true });
  });

  async function normalise(fixture: string, on = adapter) {
    const outputPath = join(directory, 'output.jpg');
    const result = await on.normaliseImageFile(
      join(FIXTURES, fixture),
      outputPath,
    );
    return { result, outputPath };
  }

  it.each([
    ['heic-exif-orientation.heic', 'heic'],
    ['avif-exif-orientation.avif', 'avif'],
  ])(
    '%s becomes an upright JFIF JPEG: irot applied once, EXIF orientation not applied again',
    async (fixture, sourceFormat) => {
      const { result, outputPath } = await normalise(fixture);

      expect(result).toEqual({
        outcome: 'converted',
        sourceFormat,
        contentType: 'image/jpeg',
        width: 48,
        height: 64,
        sizeBytes: expect.any(Number),
        outputPath,
      });
      const output = await readFile(outputPath);
      expect(output.subarray(0, 11)).toEqual(JFIF_PREFIX);
      expect(result).toMatchObject({ sizeBytes: output.length });
      expect(await sharp(output).metadata()).toMatchObject({
        format: 'jpeg',
        width: 48,
        height: 64,
        isProgressive: false,
        space: 'srgb',
      });
      // Stored top-left (red) is displayed top-right after the quarter turn clockwise.
      expectColourNear(await pixelAt(outputPath, 36, 12), [255, 0, 0], 16);
      expectColourNear(await pixelAt(outputPath, 12, 12), [0, 0, 255], 16);
      expectColourNear(await pixelAt(outputPath, 36, 50), [0, 0, 255], 16);
    },
  );

  it("keeps none of the HEIC's metadata: no EXIF (camera, GPS), no ICC, only JFIF APP0 before the tables", async () => {
    const source = await readFile(join(FIXTURES, 'heic-exif-orientation.heic'));
    expect(source.includes('iPhone 15 Pro')).toBe(true);
    const { outputPath } = await normalise('heic-exif-orientation.heic');
    const output = await readFile(outputPath);

    const metadata = await sharp(output).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(output.includes('iPhone')).toBe(false);
    expect(
      jpegHeaderMarkers(output).filter((m) => m >= 0xe0 && m <= 0xef),
    ).toEqual([0xe0]);
  });

  it('converts the Display P3 colours of an iPhone HEIC to sRGB instead of reading them as sRGB', async () => {
    // Stored as P3, the red quadrant is (234, 51, 35); taken for sRGB it would stay that dull red.
    const { outputPath } = await normalise('heic-exif-orientation.heic');
    expectColourNear(await pixelAt(outputPath, 36, 12), [255, 0, 0], 8);
  });

  it('encodes a HEIC with 4:2:0 chroma, as HEVC stored it', async () => {
    const { outputPath } = await normalise('heic-exif-orientation.heic');
    expect((await sharp(outputPath).metadata()).chromaSubsampling).toBe(
      '4:2:0',
    );
  });

  it('refuses a HEIC over the pixel limit from its container, before any decode', async () => {
    const decode = vi.spyOn(heifDecoder, 'decodeToTiff');
    const small = new ImageAdapter({ maxPixels: 3_000, heifDecoder });
    const { result, outputPath } = await normalise(
      'heic-exif-orientation.heic',
      small,
    );

    expect(result).toEqual({
      outcome: 'failed',
      sourceFormat: 'heic',
      reason: 'The image is 48×64 (3,072 pixels); at most 3,000 are accepted',
    });
    expect(decode).not.toHaveBeenCalled();
    expect(await exists(outputPath)).toBe(false);
  });

  it('fails a HEIC whose coded picture is corrupt, with what libheif said', async () => {
    const { result, outputPath } = await normalise('heic-corrupt.heic');

    expect(result).toEqual({
      outcome: 'failed',
      sourceFormat: 'heic',
      reason: expect.stringMatching(
        /^The image could not be decoded: .*Decoder plugin generated an error/,
      ),
    });
    expect(await exists(outputPath)).toBe(false);
    expect(await readdir(directory)).toEqual([]);
  });

  it('fails a truncated HEIC from its header, naming the problem and not the work file', async () => {
    const { result } = await normalise('heic-truncated.heic');

    expect(result).toEqual({
      outcome: 'failed',
      sourceFormat: 'heic',
      reason: expect.stringContaining('outside of file bounds'),
    });
    expect(JSON.stringify(result)).not.toContain(FIXTURES);
  });

  it('throws, rather than failing the image, when the decode worker cannot write its output', async () => {
    vi.spyOn(heifDecoder, 'decodeToTiff').mockRejectedValueOnce(
      new HeifDecoderError(new Error('ENOSPC: no space left on device')),
    );
    await expect(normalise('heic-exif-orientation.heic')).rejects.toThrow(
      HeifDecoderError,
    );
  });
});
