import sharp from 'sharp';
import { CardRenderer } from './card-renderer.js';

const BOX = { width: 64, height: 64 };

const solid = (width: number, height: number) =>
  sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 0, b: 0 } },
  });

describe('CardRenderer.inlineImage (template images fetched from config URLs)', () => {
  const renderer = new CardRenderer({ maxPixels: 1_000_000 });
  afterAll(() => renderer.onModuleDestroy());

  it.each([
    ['JPEG', () => solid(100, 80).jpeg().toBuffer()],
    ['PNG', () => solid(100, 80).png().toBuffer()],
    ['WebP', () => solid(100, 80).webp().toBuffer()],
    ['GIF', () => solid(100, 80).gif().toBuffer()],
  ])('inlines a %s', async (_format, bytes) => {
    expect(await renderer.inlineImage(await bytes(), BOX)).toMatch(
      /^data:image\/(jpeg|png);base64,/,
    );
  });

  it.each([
    [
      'SVG',
      () =>
        Promise.resolve(
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
          ),
        ),
    ],
    ['TIFF', () => solid(100, 80).tiff().toBuffer()],
    ['AVIF', () => solid(100, 80).avif().toBuffer()],
  ])(
    'draws a placeholder for a %s, which sharp could decode',
    async (_format, bytes) => {
      const encoded = await bytes();
      await expect(sharp(encoded).metadata()).resolves.toBeDefined();
      expect(await renderer.inlineImage(encoded, BOX)).toBeNull();
    },
  );

  it('draws a placeholder for an image above IMAGE_MAX_PIXELS', async () => {
    const large = await solid(1001, 1000).png().toBuffer();
    expect(await renderer.inlineImage(large, BOX)).toBeNull();
  });
});
