import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  SNIFF_HEAD_BYTES,
  sniffContentType,
  sniffTextContentType,
} from './sniff-content.js';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures');

async function fixtureHead(name: string): Promise<Buffer> {
  const file = await open(resolve(FIXTURES, name), 'r');
  try {
    const head = Buffer.alloc(SNIFF_HEAD_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** An ISO-BMFF `ftyp` box with the given major brand, followed by an empty `mdat`. */
function ftyp(majorBrand: string, compatible: string[] = []): Buffer {
  const brands = [majorBrand, ...compatible].map((brand) =>
    Buffer.from(brand.padEnd(4, ' '), 'latin1'),
  );
  const header = Buffer.alloc(8);
  header.writeUInt32BE(16 + (brands.length - 1) * 4, 0);
  header.write('ftyp', 4, 'latin1');
  return Buffer.concat([
    header,
    brands[0],
    Buffer.from([0, 0, 2, 0]),
    ...brands.slice(1),
    Buffer.from([0, 0, 0, 8]),
    Buffer.from('mdat', 'latin1'),
  ]);
}

describe('sniffContentType on the fixtures', () => {
  it.each([
    ['png-alpha.png', 'image/png'],
    ['webp-lossless.webp', 'image/webp'],
    ['webp-animated.webp', 'image/webp'],
    ['gif-animated.gif', 'image/gif'],
    ['heic-exif-orientation.heic', 'image/heic'],
    ['heic-truncated.heic', 'image/heic'],
    ['avif-exif-orientation.avif', 'image/avif'],
    ['jpeg-baseline-jfif.jpg', 'image/jpeg'],
    ['jpeg-baseline-nojfif.jpg', 'image/jpeg'],
    ['jpeg-cmyk.jpg', 'image/jpeg'],
    ['video-landscape.mp4', 'video/mp4'],
    ['video-portrait-rotated.mp4', 'video/mp4'],
    ['video-truncated.mp4', 'video/mp4'],
    ['video.mov', 'video/quicktime'],
    ['video.webm', 'video/webm'],
    ['video.avi', 'video/x-msvideo'],
    ['document.pdf', 'application/pdf'],
    ['caption.vtt', 'text/vtt'],
    ['caption.srt', 'application/x-subrip'],
    ['not-a-video.mp4', 'text/plain'],
  ])('%s is %s', async (fixture, expected) => {
    expect(await sniffContentType(await fixtureHead(fixture))).toBe(expected);
  });
});

describe('sniffContentType on crafted bytes', () => {
  it.each([
    ['qt', 'video/quicktime'],
    ['isom', 'video/mp4'],
    ['mp41', 'video/mp4'],
    ['mp42', 'video/mp4'],
    ['avc1', 'video/mp4'],
    ['M4V', 'video/mp4'],
    ['M4VP', 'video/mp4'],
  ])('maps the ftyp major brand %s to %s', async (brand, expected) => {
    expect(await sniffContentType(ftyp(brand, ['isom']))).toBe(expected);
  });

  it.each([
    ['heic', ['mif1', 'heic'], 'image/heic'],
    ['heix', ['mif1'], 'image/heic'],
    // file-type says video/mp4 for these two, image/heic-sequence for hevc.
    ['heim', ['mif1', 'heic'], 'image/heic'],
    ['heis', ['mif1'], 'image/heic'],
    ['hevc', ['msf1'], 'image/heic'],
    ['mif1', ['miaf'], 'image/heif'],
    ['msf1', ['iso8'], 'image/heif'],
    ['avif', ['mif1', 'miaf'], 'image/avif'],
    ['avis', ['msf1'], 'image/avif'],
    // file-type says image/heif: the generic brand hides an AVIF.
    ['mif1', ['avif', 'miaf'], 'image/avif'],
  ])(
    'maps the HEIF ftyp brands %s + %j to %s',
    async (major, compatible, expected) => {
      expect(await sniffContentType(ftyp(major, compatible))).toBe(expected);
    },
  );

  it('returns a recognised but unsupported type so the caller can name it', async () => {
    expect(await sniffContentType(ftyp('M4A', ['isom']))).toBe('audio/x-m4a');
  });

  it('recognises JPEG, GIF and WebP from their signatures alone', async () => {
    expect(
      await sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0, 0x43, 0])),
    ).toBe('image/jpeg');
    expect(await sniffContentType(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBe(
      'image/gif',
    );
    expect(
      await sniffContentType(
        Buffer.concat([
          Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8L', 'latin1'),
          Buffer.alloc(20),
        ]),
      ),
    ).toBe('image/webp');
  });

  it('only looks at the first SNIFF_HEAD_BYTES bytes', async () => {
    const text = Buffer.concat([
      Buffer.from('a'.repeat(SNIFF_HEAD_BYTES)),
      Buffer.from([0]),
    ]);
    expect(await sniffContentType(text)).toBe('text/plain');
  });

  it('returns null for binary noise and for an empty buffer', async () => {
    const noise = Buffer.from(
      Array.from({ length: 256 }, (_, index) => (index * 73 + 11) % 256),
    );
    expect(await sniffContentType(noise)).toBeNull();
    expect(await sniffContentType(Buffer.alloc(0))).toBeNull();
  });
});

describe('sniffTextContentType', () => {
  it.each([
    ['WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n', 'text/vtt'],
    ['\uFEFFWEBVTT\r\n\r\n', 'text/vtt'],
    ['WEBVTT - with a header text\n', 'text/vtt'],
    ['WEBVTT', 'text/vtt'],
    ['1\n00:00:01,000 --> 00:00:02,500\nHello\n', 'application/x-subrip'],
    [
      '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nHi\r\n',
      'application/x-subrip',
    ],
    ['\n\n12\n0:00:01.000-->0:00:02.000\nLoose\n', 'application/x-subrip'],
    ['WEBVTTX is not a signature\n', 'text/plain'],
    ['Just some notes.\nNo cues here.\n', 'text/plain'],
    ['1\nnot a timing line\n', 'text/plain'],
    ['ünïcödé text', 'text/plain'],
  ])('%j is %s', (text, expected) => {
    expect(sniffTextContentType(Buffer.from(text, 'utf8'))).toBe(expected);
  });

  it('tolerates a multi-byte character cut off at the end of the window', () => {
    const cut = Buffer.from('WEBVTT\n\nCafé', 'utf8').subarray(0, -1);
    expect(sniffTextContentType(cut)).toBe('text/vtt');
  });

  it('rejects invalid UTF-8', () => {
    expect(
      sniffTextContentType(Buffer.from([0x57, 0x45, 0xc3, 0x28])),
    ).toBeNull();
  });

  it('rejects text containing NUL bytes (e.g. UTF-16)', () => {
    expect(
      sniffTextContentType(Buffer.from('\uFEFFWEBVTT', 'utf16le')),
    ).toBeNull();
  });
});
