import sharp from 'sharp';
import { rgbaTiffHeader } from './tiff.js';

/** The IFD entries of a little-endian TIFF: tag → [type, count, value or offset]. */
function ifdEntries(tiff: Buffer): Map<number, [number, number, number]> {
  const ifd = tiff.readUInt32LE(4);
  const entries = new Map<number, [number, number, number]>();
  const count = tiff.readUInt16LE(ifd);
  for (let index = 0; index < count; index += 1) {
    const at = ifd + 2 + index * 12;
    const type = tiff.readUInt16LE(at + 2);
    const valueCount = tiff.readUInt32LE(at + 4);
    const value =
      type === 3 && valueCount === 1
        ? tiff.readUInt16LE(at + 8)
        : tiff.readUInt32LE(at + 8);
    entries.set(tiff.readUInt16LE(at), [type, valueCount, value]);
  }
  return entries;
}

/** A 2×2 RGBA image: red, green / blue, half-transparent white. */
const PIXELS = Buffer.from([
  255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 128,
]);

function expectNear(actual: number[], expected: number[], tolerance = 2) {
  actual.forEach((value, index) =>
    expect(Math.abs(value - expected[index])).toBeLessThanOrEqual(tolerance),
  );
}

describe('rgbaTiffHeader', () => {
  it('describes one uncompressed 8-bit RGBA strip that starts right after the header', () => {
    const header = rgbaTiffHeader({ width: 2, height: 2 });
    const entries = ifdEntries(Buffer.concat([header, PIXELS]));

    expect(header.subarray(0, 4)).toEqual(Buffer.from([0x49, 0x49, 42, 0]));
    expect(entries.get(256)?.[2]).toBe(2); // width
    expect(entries.get(257)?.[2]).toBe(2); // height
    expect(entries.get(259)?.[2]).toBe(1); // no compression
    expect(entries.get(262)?.[2]).toBe(2); // RGB
    expect(entries.get(273)?.[2]).toBe(header.length); // strip offset
    expect(entries.get(277)?.[2]).toBe(4); // samples per pixel
    expect(entries.get(279)?.[2]).toBe(16); // strip bytes
    expect(entries.get(338)?.[2]).toBe(2); // unassociated alpha
    expect(entries.has(34675)).toBe(false);
    const tags = [...entries.keys()];
    expect(tags).toEqual([...tags].sort((a, b) => a - b));
  });

  it('keeps every offset even when the ICC profile has an odd length', () => {
    const icc = Buffer.from('odd-length profile', 'latin1');
    const header = rgbaTiffHeader({ width: 2, height: 2, icc });
    const entries = ifdEntries(header);

    const [type, count, offset] = entries.get(34675)!;
    expect([type, count]).toEqual([7, icc.length]);
    expect(offset % 2).toBe(0);
    expect(header.subarray(offset, offset + icc.length)).toEqual(icc);
    expect(header.length % 2).toBe(0);
    expect(entries.get(273)?.[2]).toBe(header.length);
  });

  it('is read by sharp as the same pixels', async () => {
    const tiff = Buffer.concat([
      rgbaTiffHeader({ width: 2, height: 2 }),
      PIXELS,
    ]);
    const { data, info } = await sharp(tiff)
      .raw()
      .toBuffer({ resolveWithObject: true });

    expect(info).toMatchObject({ width: 2, height: 2, channels: 4 });
    expect(data.equals(PIXELS)).toBe(true);
  });

  it('carries the ICC profile, which sharp converts to sRGB', async () => {
    // sRGB red as Display P3 stores it; read with the P3 profile it is sRGB red again.
    const p3 = await sharp({
      create: { width: 2, height: 2, channels: 3, background: '#ff0000' },
    })
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const { icc } = await sharp(p3).metadata();
    const stored = await sharp(p3, { ignoreIcc: true })
      .ensureAlpha()
      .raw()
      .toBuffer();
    expectNear([...stored.subarray(0, 3)], [234, 51, 35]);

    const tiff = Buffer.concat([
      rgbaTiffHeader({ width: 2, height: 2, icc }),
      stored,
    ]);
    const srgb = await sharp(tiff).toColourspace('srgb').raw().toBuffer();
    expectNear([...srgb.subarray(0, 3)], [255, 0, 0]);
  });

  it.each([
    [0, 10],
    [10, 0],
    [1.5, 2],
  ])('refuses %s×%s', (width, height) => {
    expect(() => rgbaTiffHeader({ width, height })).toThrow(RangeError);
  });

  it('refuses what 32-bit offsets cannot address', () => {
    expect(() => rgbaTiffHeader({ width: 40_000, height: 30_000 })).toThrow(
      'does not fit a TIFF',
    );
  });
});
