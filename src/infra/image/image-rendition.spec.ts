import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import {
  changesAfterRender,
  planImageRendition,
  type ImageRenderPlan,
} from '../../modules/renditions/image-plan.js';
import { evaluateMedia } from '../../modules/validation/evaluate-media.js';
import type { RenditionFit } from '../../modules/media/rendition.entity.js';
import type { Platform } from '../../modules/validation/platforms.js';
import { ImageRenditionAdapter, shrink } from './image-rendition.js';
import { jpegHeaderMarkers } from '../../testing/jpeg.js';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures');
const JFIF_PREFIX = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
]);

type Rgb = [number, number, number];

async function pixelAt(path: string, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(path)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset], data[offset + 1], data[offset + 2]];
}

function expectColourNear(actual: Rgb, expected: Rgb, tolerance = 24) {
  actual.forEach((channel, index) => {
    expect(Math.abs(channel - expected[index])).toBeLessThanOrEqual(tolerance);
  });
}

/** Left third red, middle third green, right third blue: shows what a pad or crop kept. */
function stripes(width: number, height: number) {
  const data = Buffer.alloc(width * height * 3);
  for (let x = 0; x < width; x += 1) {
    const colour: Rgb =
      x < width / 3
        ? [255, 0, 0]
        : x < (2 * width) / 3
          ? [0, 160, 0]
          : [0, 0, 255];
    for (let y = 0; y < height; y += 1) {
      data.set(colour, (y * width + x) * 3);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

describe('ImageRenditionAdapter.renderRendition (real sharp)', () => {
  const renderer = new ImageRenditionAdapter();
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'image-rendition-'));
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  /** Plans for `platform` from the input's facts, renders, and checks the output against the rules. */
  async function renditionFor(
    inputPath: string,
    platform: Platform,
    fit: RenditionFit,
    name: string,
  ) {
    const input = await sharp(inputPath, { autoOrient: true }).metadata();
    const facts = {
      kind: 'image' as const,
      format: input.format === 'jpeg' ? 'jpeg' : input.format,
      sizeBytes: (await stat(inputPath)).size,
      width: input.autoOrient.width,
      height: input.autoOrient.height,
    };
    expect(evaluateMedia(facts, platform).valid).toBe(false);
    const plan = planImageRendition(facts, platform, fit);
    if (plan.kind !== 'render') {
      throw new Error(plan.reason);
    }
    const outputPath = join(directory, `${name}.rendition.jpg`);
    const rendered = await renderer.renderRendition(
      inputPath,
      outputPath,
      plan,
    );
    const output = await readFile(outputPath);
    expect(output.subarray(0, 11)).toEqual(JFIF_PREFIX);
    const metadata = await sharp(output).metadata();
    expect(metadata).toMatchObject({
      format: 'jpeg',
      isProgressive: false,
      space: 'srgb',
      width: rendered.width,
      height: rendered.height,
    });
    expect(rendered.sizeBytes).toBe(output.length);
    const verdict = evaluateMedia(
      {
        kind: 'image',
        format: 'jpeg',
        sizeBytes: output.length,
        width: metadata.width,
        height: metadata.height,
      },
      platform,
    );
    expect(verdict.errors).toEqual([]);
    return { plan, rendered, output, outputPath, metadata };
  }

  describe('a 3:1 PNG for Instagram (4:5 – 1.91:1, 320 – 1440 px wide)', () => {
    let inputPath: string;

    beforeAll(async () => {
      inputPath = join(directory, 'wide.png');
      await stripes(3000, 1000).png().toFile(inputPath);
    });

    it('pad: the whole picture, white bars above and below', async () => {
      const { plan, rendered, outputPath } = await renditionFor(
        inputPath,
        'INSTAGRAM',
        'pad',
        'wide-pad',
      );

      expect(plan.changes).toEqual([
        'converted png → jpeg',
        'padded 3:1 → 1.91:1',
        'scaled 3000×1571 → 1440×754',
      ]);
      expect(rendered).toMatchObject({
        width: 1440,
        height: 754,
        quality: 90,
        qualitySearched: false,
        downscaledFrom: null,
      });
      expect(rendered.width / rendered.height).toBeLessThanOrEqual(1.91);
      expectColourNear(await pixelAt(outputPath, 720, 4), [255, 255, 255], 4);
      expectColourNear(await pixelAt(outputPath, 720, 750), [255, 255, 255], 4);
      expectColourNear(await pixelAt(outputPath, 4, 377), [255, 0, 0]);
      expectColourNear(await pixelAt(outputPath, 1435, 377), [0, 0, 255]);
    });

    it('crop: the centre fills the frame, the outer stripes are cut', async () => {
      const { rendered, outputPath } = await renditionFor(
        inputPath,
        'INSTAGRAM',
        'crop',
        'wide-crop',
      );

      expect(rendered).toMatchObject({ width: 1440, height: 754 });
      expectColourNear(await pixelAt(outputPath, 720, 4), [0, 160, 0]);
      // Cropping 3000 → 1910 keeps x 545–2455: red still at the left edge, blue at the right.
      expectColourNear(await pixelAt(outputPath, 4, 4), [255, 0, 0]);
      expectColourNear(await pixelAt(outputPath, 1435, 750), [0, 0, 255]);
    });
  });

  it('fits a large noisy photo (worst case for JPEG) under Bluesky’s 1,000,000 bytes', async () => {
    const inputPath = join(directory, 'noise.jpg');
    await sharp(randomBytes(4000 * 3000 * 3), {
      raw: { width: 4000, height: 3000, channels: 3 },
    })
      .jpeg({ quality: 92 })
      .toFile(inputPath);

    const { plan, rendered, output } = await renditionFor(
      inputPath,
      'BLUESKY',
      'pad',
      'noise',
    );

    expect(output.length).toBeLessThanOrEqual(1_000_000);
    expect(rendered.qualitySearched).toBe(true);
    // Noise does not fit 1 MB at 12 megapixels at any quality: the frame shrinks, aspect kept.
    expect(rendered.downscaledFrom).toEqual({ width: 4000, height: 3000 });
    expect(rendered.width / rendered.height).toBeCloseTo(4 / 3, 2);
    expect(rendered.quality).toBeGreaterThanOrEqual(40);
    expect(changesAfterRender(plan, rendered)).toContain(
      `scaled 4000×3000 → ${rendered.width}×${rendered.height} to fit 1,000,000 bytes`,
    );
  });

  it('turns an EXIF-rotated progressive JPEG with GPS tags upright, keeping no EXIF', async () => {
    const inputPath = join(directory, 'rotated-gps.jpg');
    await sharp(join(FIXTURES, 'jpeg-progressive-exif-orientation.jpg'), {
      autoOrient: false,
    })
      .withExif({
        IFD0: { Make: 'ExampleCam', Model: 'Serial-4711' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 29/1' },
      })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90, progressive: true })
      .toFile(inputPath);
    const input = await sharp(inputPath).metadata();
    expect(input).toMatchObject({ orientation: 6, isProgressive: true });
    expect((await readFile(inputPath)).includes('Serial-4711')).toBe(true);

    const { plan, rendered, output, outputPath, metadata } = await renditionFor(
      inputPath,
      'INSTAGRAM',
      'pad',
      'rotated-gps',
    );

    // Displayed 48×64 (3:4, taller than Instagram's 4:5), padded, then upscaled to 320 px wide.
    expect(plan.changes).toEqual([
      'padded 1:1.33 → 4:5',
      'scaled 52×64 → 320×394',
    ]);
    expect(rendered).toMatchObject({ width: 320, height: 394 });
    expect(metadata.orientation).toBeUndefined();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(output.includes('Serial-4711')).toBe(false);
    expect(output.includes('ExampleCam')).toBe(false);
    // APP0 (JFIF) is the only application segment: no APP1 (EXIF/XMP), APP2 (ICC), APP13 (IPTC).
    expect(
      jpegHeaderMarkers(output).filter(
        (marker) => marker >= 0xe0 && marker <= 0xef,
      ),
    ).toEqual([0xe0]);
    // Stored top-left (red) is displayed top-right.
    expectColourNear(await pixelAt(outputPath, 300, 20), [255, 0, 0], 40);
    expectColourNear(await pixelAt(outputPath, 20, 20), [0, 0, 255], 40);
  });

  it('renders a GIF for Instagram (no GIF) as a JPEG of its first frame', async () => {
    const { plan, rendered, outputPath } = await renditionFor(
      join(FIXTURES, 'gif-animated.gif'),
      'INSTAGRAM',
      'crop',
      'gif',
    );

    expect(plan.changes).toEqual([
      'converted gif → jpeg (first frame)',
      'scaled 64×48 → 320×240',
    ]);
    expect(rendered).toMatchObject({ width: 320, height: 240 });
    expect((await sharp(outputPath).metadata()).pages).toBeUndefined();
    // The first frame is red, the second blue.
    expectColourNear(await pixelAt(outputPath, 160, 120), [255, 0, 0]);
  });

  it('scales a 4000×3000 photo down to TikTok’s 1080p', async () => {
    const inputPath = join(directory, 'stripes.jpg');
    await stripes(4000, 3000).jpeg({ quality: 90 }).toFile(inputPath);

    const { plan, rendered } = await renditionFor(
      inputPath,
      'TIKTOK',
      'pad',
      'tiktok',
    );

    expect(plan.changes).toEqual(['scaled 4000×3000 → 1440×1080']);
    expect(rendered).toMatchObject({ width: 1440, height: 1080 });
  });

  it('converts a CMYK JPEG to sRGB and writes no ICC profile', async () => {
    const plan: ImageRenderPlan = {
      kind: 'render',
      changes: [],
      width: 64,
      height: 48,
      fit: 'none',
      format: 'jpeg',
      maxBytes: null,
    };
    const outputPath = join(directory, 'cmyk.jpg');
    await renderer.renderRendition(
      join(FIXTURES, 'jpeg-cmyk.jpg'),
      outputPath,
      plan,
    );

    const metadata = await sharp(outputPath).metadata();
    expect(metadata).toMatchObject({ space: 'srgb', channels: 3 });
    expect(metadata.icc).toBeUndefined();
    expect((await pixelAt(outputPath, 8, 8))[0]).toBeGreaterThan(200);
  });

  it('refuses to write over its own input', async () => {
    const input = join(FIXTURES, 'png-alpha.png');
    await expect(
      renderer.renderRendition(input, input, {
        width: 10,
        height: 10,
        fit: 'none',
        format: 'jpeg',
        maxBytes: null,
      }),
    ).rejects.toThrow('distinct from its input');
  });

  it('leaves no output behind when the input cannot be decoded', async () => {
    const outputPath = join(directory, 'corrupt.jpg');
    await expect(
      renderer.renderRendition(join(FIXTURES, 'jpeg-corrupt.jpg'), outputPath, {
        width: 10,
        height: 10,
        fit: 'none',
        format: 'jpeg',
        maxBytes: 1_000_000,
      }),
    ).rejects.toThrow();
    await expect(stat(outputPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('shrink', () => {
  it.each([
    [{ width: 1440, height: 754 }, 0.85, { width: 1224, height: 641 }],
    [{ width: 754, height: 1440 }, 0.85, { width: 640, height: 1222 }],
    [{ width: 1000, height: 1000 }, 0.5, { width: 500, height: 500 }],
    [{ width: 3, height: 1 }, 0.1, { width: 1, height: 1 }],
  ])('%o × %s → %o', (frame, scale, expected) => {
    expect(shrink(frame, scale)).toEqual(expected);
  });

  it('never moves the aspect ratio away from square', () => {
    for (let width = 100; width < 2000; width += 37) {
      for (const height of [width / 1.91, width * 1.25, width / 3]) {
        const frame = { width, height: Math.round(height) };
        const ratio = frame.width / frame.height;
        const shrunk = shrink(frame, 0.85);
        const shrunkRatio = shrunk.width / shrunk.height;
        if (ratio >= 1) {
          expect(shrunkRatio).toBeLessThanOrEqual(ratio);
        } else {
          expect(shrunkRatio).toBeGreaterThanOrEqual(ratio);
        }
      }
    }
  });
});
