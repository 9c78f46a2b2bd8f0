import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import decodeHeifToTiff from './heif-decode.worker.js';
import { HeifDecoder, HeifDecoderError } from './heif-decoder.js';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures');

describe('HeifDecoder and its worker (libheif in WebAssembly)', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'heif-decoder-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const task = (
    overrides: Partial<Parameters<typeof decodeHeifToTiff>[0]>,
  ) => ({
    inputPath: join(FIXTURES, 'heic-exif-orientation.heic'),
    outputPath: join(directory, 'decoded.tif'),
    maxPixels: 100_000_000,
    primaryIndex: 0,
    icc: null,
    ...overrides,
  });

  it('writes the primary image, turned upright, as a TIFF sharp reads', async () => {
    const result = await decodeHeifToTiff(task({}));

    expect(result).toEqual({ decoded: true, width: 48, height: 64 });
    expect(
      await sharp(join(directory, 'decoded.tif')).metadata(),
    ).toMatchObject({ format: 'tiff', width: 48, height: 64, channels: 4 });
  });

  it("checks the pixel limit against libheif's own dimensions before decoding", async () => {
    const result = await decodeHeifToTiff(task({ maxPixels: 3_000 }));

    expect(result).toEqual({
      decoded: false,
      reason: 'the image is 48×64, over the limit of 3000 pixels',
    });
    expect(await readdir(directory)).toEqual([]);
  });

  it('runs in a worker thread and reports I/O problems as HeifDecoderError', async () => {
    const decoder = new HeifDecoder();
    try {
      await expect(decoder.decodeToTiff(task({}))).resolves.toMatchObject({
        decoded: true,
      });
      await expect(
        decoder.decodeToTiff(
          task({ outputPath: join(directory, 'missing', 'decoded.tif') }),
        ),
      ).rejects.toBeInstanceOf(HeifDecoderError);
    } finally {
      await decoder.close();
    }
  });
});
