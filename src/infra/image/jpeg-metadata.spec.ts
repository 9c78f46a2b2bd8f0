import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import { PrivateMetadataStripper } from './jpeg-metadata.js';

/** A marker segment: FF <marker>, its length, its body. */
function segment(marker: number, body: Buffer | string): Buffer {
  const bytes = Buffer.from(body);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(bytes.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), length, bytes]);
}

/** `jpeg` with `segments` spliced in right after its SOI. */
const withSegments = (jpeg: Buffer, ...segments: Buffer[]) =>
  Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);

async function strip(input: Buffer, chunkSize = input.length) {
  const stripper = new PrivateMetadataStripper();
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < input.length; offset += chunkSize) {
    chunks.push(input.subarray(offset, offset + chunkSize));
  }
  const output = await buffer(Readable.from(chunks).pipe(stripper));
  return { output, removed: stripper.metadataRemoved };
}

describe('PrivateMetadataStripper', () => {
  let plain: Buffer;
  beforeAll(async () => {
    plain = await sharp({
      create: { width: 32, height: 24, channels: 3, background: '#c04020' },
    })
      .jpeg()
      .toBuffer();
  });

  const exif = segment(0xe1, 'Exif\0\0GPSLatitude 48.8584 N, serial 1234');
  const xmp = segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>');
  const iptc = segment(0xed, 'Photoshop 3.0\0By-line: Jane Doe');
  const comment = segment(0xfe, 'shot at 12 Rue Example');
  const icc = segment(0xe2, 'ICC_PROFILE\0\x01\x01profile');
  const adobe = segment(0xee, 'Adobe\0\x64\0\0\0\0\x01');

  it.each([1, 3, 7, 4096])(
    'drops EXIF, XMP, IPTC and comments and keeps ICC and Adobe segments (chunks of %i bytes)',
    async (chunkSize) => {
      const input = withSegments(plain, exif, icc, xmp, iptc, comment, adobe);
      const { output, removed } = await strip(input, chunkSize);
      expect(output.equals(withSegments(plain, icc, adobe))).toBe(true);
      expect(removed).toBe(true);
      expect(output.includes('48.8584')).toBe(false);
      expect(output.includes('Jane Doe')).toBe(false);
      expect(await sharp(output).metadata()).toMatchObject({
        width: 32,
        height: 24,
      });
      expect((await sharp(output).metadata()).exif).toBeUndefined();
    },
  );

  it('passes a JPEG without private segments through byte for byte', async () => {
    const { output, removed } = await strip(plain, 5);
    expect(output.equals(plain)).toBe(true);
    expect(removed).toBe(false);
  });

  it('never looks inside the scan: bytes after SOS that look like markers stay', async () => {
    const sos = plain.indexOf(Buffer.from([0xff, 0xda]));
    const input = Buffer.concat([
      plain.subarray(0, -2),
      comment,
      plain.subarray(-2),
    ]);
    const { output } = await strip(input, 2);
    expect(sos).toBeGreaterThan(0);
    expect(output.equals(input)).toBe(true);
  });
});
