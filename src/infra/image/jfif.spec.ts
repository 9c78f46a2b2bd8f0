import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import {
  InvalidJpegError,
  JFIF_APP0_SEGMENT,
  JfifHeaderInjector,
  injectJfifHeader,
  inspectJfifHeader,
} from './jfif.js';

const JFIF_PREFIX = [
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
];
const DQT_FIRST = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00, 0x08, 0x06, 0x06, 0x07, 0x06, 0xff,
  0xd9,
]);
const EXIF_FIRST = Buffer.from([
  0xff, 0xd8, 0xff, 0xe1, 0x00, 0x08, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0xff,
  0xd9,
]);
const ALREADY_JFIF = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  JFIF_APP0_SEGMENT,
  Buffer.from([0xff, 0xdb, 0x00, 0x03, 0x00, 0xff, 0xd9]),
]);

function expectedSplice(jpeg: Buffer): Buffer {
  return Buffer.concat([
    jpeg.subarray(0, 2),
    Buffer.from(JFIF_APP0_SEGMENT),
    jpeg.subarray(2),
  ]);
}

function thrownReason(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof InvalidJpegError ? error.reason : 'other error';
  }
  return undefined;
}

describe('JFIF_APP0_SEGMENT', () => {
  it('is the 18-byte block the spec prescribes', () => {
    expect([...JFIF_APP0_SEGMENT]).toEqual([
      0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00,
      0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    ]);
  });
});

describe('injectJfifHeader', () => {
  it('inserts the APP0 block after SOI when the quantisation table comes first', () => {
    const result = injectJfifHeader(DQT_FIRST);
    expect([...result.subarray(0, 11)]).toEqual(JFIF_PREFIX);
    expect(result).toEqual(expectedSplice(DQT_FIRST));
    expect(result.length).toBe(DQT_FIRST.length + 18);
  });

  it('inserts the APP0 block before an EXIF APP1 segment', () => {
    const result = injectJfifHeader(EXIF_FIRST);
    expect(result).toEqual(expectedSplice(EXIF_FIRST));
    expect([...result.subarray(20, 24)]).toEqual([0xff, 0xe1, 0x00, 0x08]);
  });

  it('returns a JPEG that already starts with JFIF unchanged', () => {
    const result = injectJfifHeader(ALREADY_JFIF);
    expect(result.equals(ALREADY_JFIF)).toBe(true);
    expect(result.length).toBe(ALREADY_JFIF.length);
  });

  it('keeps a JFIF APP0 that carries a thumbnail (length above 16)', () => {
    const withThumbnail = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x13, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
      0x02, 0x00, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00,
    ]);
    expect(injectJfifHeader(withThumbnail).equals(withThumbnail)).toBe(true);
  });

  it('inserts JFIF before an APP0 that is JFXX, not JFIF', () => {
    const jfxxFirst = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x08, 0x4a, 0x46, 0x58, 0x58, 0x00, 0x10,
      0xff, 0xd9,
    ]);
    expect(injectJfifHeader(jfxxFirst)).toEqual(expectedSplice(jfxxFirst));
  });

  it('inserts JFIF before an APP0 with a garbage identifier', () => {
    const garbageApp0 = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x41, 0x56, 0x49, 0x31, 0x00, 0x00,
      0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xd9,
    ]);
    expect(injectJfifHeader(garbageApp0)).toEqual(expectedSplice(garbageApp0));
  });

  it('inserts JFIF when the APP0 says JFIF but is too short to be one', () => {
    const shortApp0 = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x07, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff,
      0xd9,
    ]);
    expect(injectJfifHeader(shortApp0)).toEqual(expectedSplice(shortApp0));
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const backing = Buffer.concat([Buffer.from([1, 2, 3]), DQT_FIRST]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 3, 14);
    expect(injectJfifHeader(view)).toEqual(expectedSplice(DQT_FIRST));
  });

  it('rejects bytes that are not a JPEG', () => {
    expect(thrownReason(() => injectJfifHeader(Buffer.from('GIF89a...')))).toBe(
      'not_jpeg',
    );
    expect(
      thrownReason(() =>
        injectJfifHeader(Buffer.from([0xff, 0xd8, 0x00, 0x01])),
      ),
    ).toBe('not_jpeg');
    expect(
      thrownReason(() =>
        injectJfifHeader(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
      ),
    ).toBe('not_jpeg');
  });

  it('rejects input that ends before the first segment', () => {
    expect(thrownReason(() => injectJfifHeader(Buffer.alloc(0)))).toBe(
      'truncated',
    );
    expect(
      thrownReason(() => injectJfifHeader(Buffer.from([0xff, 0xd8]))),
    ).toBe('truncated');
    expect(
      thrownReason(() => injectJfifHeader(Buffer.from([0xff, 0xd8, 0xff]))),
    ).toBe('truncated');
    expect(
      thrownReason(() =>
        injectJfifHeader(
          Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a]),
        ),
      ),
    ).toBe('truncated');
  });
});

describe('inspectJfifHeader', () => {
  it('asks for more bytes while the prefix is valid but incomplete', () => {
    expect(inspectJfifHeader(Buffer.from([0xff]), false)).toBe('undecided');
    expect(inspectJfifHeader(Buffer.from([0xff, 0xd8, 0xff]), false)).toBe(
      'undecided',
    );
    expect(
      inspectJfifHeader(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]), false),
    ).toBe('undecided');
  });

  it('decides after four bytes when the first segment is not APP0', () => {
    expect(
      inspectJfifHeader(Buffer.from([0xff, 0xd8, 0xff, 0xdb]), false),
    ).toBe('missing');
  });
});

describe('JfifHeaderInjector', () => {
  async function runThrough(chunks: Buffer[]) {
    const injector = new JfifHeaderInjector();
    const output = await buffer(Readable.from(chunks).pipe(injector));
    return { output, inserted: injector.jfifHeaderInserted };
  }

  it('splices the header even when the first segment arrives one byte at a time', async () => {
    const chunks = [...DQT_FIRST].map((byte) => Buffer.from([byte]));
    const { output, inserted } = await runThrough(chunks);
    expect(output).toEqual(expectedSplice(DQT_FIRST));
    expect(inserted).toBe(true);
  });

  it('passes a JFIF stream through unchanged', async () => {
    const { output, inserted } = await runThrough([
      ALREADY_JFIF.subarray(0, 5),
      ALREADY_JFIF.subarray(5),
    ]);
    expect(output.equals(ALREADY_JFIF)).toBe(true);
    expect(inserted).toBe(false);
  });

  it('fails the stream for input that is not a JPEG', async () => {
    await expect(
      runThrough([Buffer.from('not a jpeg at all')]),
    ).rejects.toThrow(InvalidJpegError);
  });

  it('fails the stream when it ends inside the first segment', async () => {
    await expect(
      runThrough([Buffer.from([0xff, 0xd8, 0xff, 0xe0])]),
    ).rejects.toMatchObject({ reason: 'truncated' });
  });
});
