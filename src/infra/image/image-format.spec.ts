import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  IMAGE_SIGNATURE_BYTES,
  detectHeifFormat,
  detectImageFormat,
} from './image-format.js';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures');

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(
    values.map((value) =>
      typeof value === 'string'
        ? Buffer.from(value, 'latin1')
        : Buffer.from([value]),
    ),
  );

/**
 * An ISO-BMFF `ftyp` box (major brand, minor version 0, compatible brands) and the start of a `meta`
 * box, as HEIF files begin. `declaredSize` overrides the box's size field.
 */
function ftyp(
  major: string,
  compatible: string[] = [],
  declaredSize?: number,
): Buffer {
  const brands = Buffer.from(
    [major, ...compatible].map((brand) => brand.padEnd(4, ' ')).join(''),
    'latin1',
  );
  const box = Buffer.alloc(16 + compatible.length * 4);
  box.writeUInt32BE(declaredSize ?? box.length, 0);
  box.write('ftyp', 4, 'latin1');
  brands.copy(box, 8, 0, 4);
  brands.copy(box, 16, 4);
  return Buffer.concat([box, bytes(0, 0, 0, 0x22, 'meta', 0, 0, 0, 0)]);
}

describe('detectImageFormat', () => {
  it.each([
    ['JPEG with DQT first', bytes(0xff, 0xd8, 0xff, 0xdb), 'jpeg'],
    [
      'JPEG with JFIF',
      bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'JFIF'),
      'jpeg',
    ],
    [
      'PNG',
      bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR'),
      'png',
    ],
    ['GIF87a', bytes('GIF87a', 0x40, 0x00), 'gif'],
    ['GIF89a', bytes('GIF89a', 0x40, 0x00), 'gif'],
    ['WebP', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8L'), 'webp'],
  ])('recognises %s', (_name, head, expected) => {
    expect(detectImageFormat(head)).toBe(expected);
  });

  it.each([
    ['an empty buffer', bytes()],
    ['SOI without a following marker', bytes(0xff, 0xd8, 0x00)],
    ['a truncated PNG signature', bytes(0x89, 'PNG', 0x0d, 0x0a)],
    ['a RIFF AVI', bytes('RIFF', 0x24, 0, 0, 0, 'AVI LIST')],
    ['a RIFF header cut before its form type', bytes('RIFF', 0x24, 0, 0, 0)],
    ['GIF with an unknown version', bytes('GIF90a')],
    ['text', bytes('WEBVTT\n\n')],
  ])('returns null for %s', (_name, head) => {
    expect(detectImageFormat(head)).toBeNull();
  });
});

describe('detectImageFormat: the HEIF family by its ftyp brands', () => {
  it.each([
    // Major brands that name the codec.
    ['heic', ['mif1', 'heic'], 'heic'],
    ['heix', ['mif1'], 'heic'],
    ['hevc', ['msf1'], 'heic'],
    ['hevx', ['msf1'], 'heic'],
    ['heim', ['mif1', 'heic'], 'heic'],
    ['heis', ['mif1'], 'heic'],
    ['avif', ['mif1', 'avif', 'miaf', 'MA1B'], 'avif'],
    ['avis', ['msf1', 'avis'], 'avif'],
    // Generic major brands, narrowed by the compatible brands.
    ['mif1', [], 'heif'],
    ['mif1', ['miaf'], 'heif'],
    ['msf1', ['iso8'], 'heif'],
    ['mif1', ['avif', 'miaf'], 'avif'],
    ['msf1', ['avis'], 'avif'],
    ['mif1', ['heic'], 'heic'],
    ['msf1', ['hevc'], 'heic'],
  ])('major %s with %j is %s', (major, compatible, expected) => {
    expect(detectImageFormat(ftyp(major, compatible))).toBe(expected);
  });

  it.each([
    ['an MP4 video', ftyp('isom', ['iso2', 'avc1', 'mp41'])],
    ['a QuickTime movie', ftyp('qt', ['qt'])],
    ['an M4A with a HEIF-looking compatible brand', ftyp('M4A', ['mif1'])],
    ['an ftyp box shorter than its mandatory fields', ftyp('heic', [], 12)],
    ['a head cut inside the major brand', ftyp('heic').subarray(0, 10)],
  ])('returns null for %s', (_name, head) => {
    expect(detectImageFormat(head)).toBeNull();
  });

  it('reads compatible brands only within the ftyp box', () => {
    // Declared 16 bytes long: the "avif" after it belongs to the next box, not to the brands.
    const head = Buffer.concat([
      ftyp('mif1', [], 16).subarray(0, 16),
      Buffer.from('avif', 'latin1'),
    ]);
    expect(detectHeifFormat(head)).toBe('heif');
  });

  it('sees an iPhone-sized brand list within IMAGE_SIGNATURE_BYTES', () => {
    const brands = ['MiHE', 'MiPr', 'miaf', 'MiHB', 'mif1', 'heic'];
    const head = ftyp('mif1', brands).subarray(0, IMAGE_SIGNATURE_BYTES);
    expect(detectImageFormat(head)).toBe('heic');
  });

  it.each([
    ['heic-exif-orientation.heic', 'heic'],
    ['avif-exif-orientation.avif', 'avif'],
  ])('recognises the fixture %s as %s', async (fixture, expected) => {
    const head = (await readFile(resolve(FIXTURES, fixture))).subarray(
      0,
      IMAGE_SIGNATURE_BYTES,
    );
    expect(detectImageFormat(head)).toBe(expected);
  });
});
