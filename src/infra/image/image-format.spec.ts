import { detectImageFormat } from './image-format.js';

const bytes = (...values: Array<number | string>) =>
  Buffer.concat(
    values.map((value) =>
      typeof value === 'string'
        ? Buffer.from(value, 'latin1')
        : Buffer.from([value]),
    ),
  );

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
