import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { Storage } from '../src/infra/storage/storage.port.js';
import { MediaProcessingService } from '../src/modules/processing/media-processing.service.js';
import {
  fixture,
  putBytes,
  waitForStatus,
  type MediaObject,
  type UploadContentType,
} from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const JFIF_START = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
]);

describe('processing pipeline through the HTTP API (local storage, real sharp and ffprobe)', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  /** Presigns, PUTs the fixture and waits for processing to end. */
  async function upload(
    name: string,
    contentType: UploadContentType,
    original?: Buffer,
  ): Promise<{ media: MediaObject; original: Buffer }> {
    original ??= await fixture(name);
    const { data, error } = await t.client(ws.apiKey).POST('/v1/media/upload', {
      body: { filename: name, contentType, sizeBytes: original.length },
    });
    expect(error).toBeUndefined();
    expect(
      (await putBytes(data!.uploadUrl, data!.uploadHeaders, original)).status,
    ).toBe(200);
    return {
      media: await waitForStatus(t.client(ws.apiKey), data!.mediaId),
      original,
    };
  }

  async function served(media: MediaObject): Promise<Buffer> {
    const response = await fetch(media.publicUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(media.contentType);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(media.sizeBytes);
    return bytes;
  }

  async function pixel(jpeg: Buffer, x: number, y: number): Promise<number[]> {
    const { data, info } = await sharp(jpeg)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const offset = (y * info.width + x) * info.channels;
    return [...data.subarray(offset, offset + 3)];
  }

  const near = (actual: number[], expected: number[], tolerance = 12) =>
    actual.every((value, i) => Math.abs(value - expected[i]) <= tolerance);

  describe('images become baseline JFIF JPEG (except GIF)', () => {
    it('PNG with alpha: converted, transparent pixels white, same key and URL', async () => {
      const { media } = await upload('png-alpha.png', 'image/png');
      expect(media).toMatchObject({
        status: 'READY',
        contentType: 'image/jpeg',
        width: 64,
        height: 48,
        storagePath: `${ws.workspace.id}/${media.id}/png-alpha.png`,
        metadata: {
          source: 'upload',
          normalization: { outcome: 'converted', sourceFormat: 'png' },
        },
      });
      const jpeg = await served(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      expect(near(await pixel(jpeg, 56, 24), [255, 255, 255])).toBe(true);
      expect(near(await pixel(jpeg, 8, 24), [255, 0, 0], 40)).toBe(true);
      expect((await sharp(jpeg).metadata()).isProgressive).toBe(false);
    });

    it('lossless WebP: converted onto white', async () => {
      const { media } = await upload('webp-lossless.webp', 'image/webp');
      expect(media).toMatchObject({
        status: 'READY',
        contentType: 'image/jpeg',
        width: 64,
        height: 48,
      });
      const jpeg = await served(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      expect(near(await pixel(jpeg, 56, 24), [255, 255, 255])).toBe(true);
    });

    it('animated WebP: the first frame', async () => {
      const { media } = await upload('webp-animated.webp', 'image/webp');
      const jpeg = await served(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      expect(near(await pixel(jpeg, 32, 24), [255, 0, 0], 40)).toBe(true);
    });

    // The generated client learns the HEIF types when the OpenAPI schema is regenerated.
    const HEIC: UploadContentType = 'image/heic';
    const AVIF: UploadContentType = 'image/avif';

    it('iPhone HEIC: converted to an upright sRGB JFIF JPEG without its EXIF (camera, GPS)', async () => {
      const { media, original } = await upload(
        'heic-exif-orientation.heic',
        HEIC,
      );
      expect(media).toMatchObject({
        status: 'READY',
        contentType: 'image/jpeg',
        width: 48,
        height: 64,
        metadata: {
          normalization: { outcome: 'converted', sourceFormat: 'heic' },
        },
      });
      expect(original.includes('iPhone 15 Pro')).toBe(true);
      const jpeg = await served(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      const stored = await sharp(jpeg).metadata();
      expect(stored).toMatchObject({
        format: 'jpeg',
        width: 48,
        height: 64,
        isProgressive: false,
      });
      expect(stored.exif).toBeUndefined();
      expect(jpeg.includes('iPhone')).toBe(false);
      // The red quadrant, stored top-left in Display P3, ends top-right in sRGB red.
      expect(near(await pixel(jpeg, 36, 12), [255, 0, 0], 16)).toBe(true);
    });

    it('AVIF: converted by sharp itself, upright', async () => {
      const { media } = await upload('avif-exif-orientation.avif', AVIF);
      expect(media).toMatchObject({
        status: 'READY',
        contentType: 'image/jpeg',
        width: 48,
        height: 64,
        metadata: {
          normalization: { outcome: 'converted', sourceFormat: 'avif' },
        },
      });
      const jpeg = await served(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      expect(near(await pixel(jpeg, 36, 12), [255, 0, 0], 16)).toBe(true);
    });

    it('corrupt HEIC: FAILED with what the decoder said, not served', async () => {
      const { media } = await upload('heic-corrupt.heic', HEIC);
      expect(media).toMatchObject({
        status: 'FAILED',
        metadata: {
          normalization: { outcome: 'failed', sourceFormat: 'heic' },
        },
      });
      expect(
        (media.metadata.normalization as { reason: string }).reason,
      ).toMatch(/^The image could not be decoded: .*Decoder plugin/);
      expect((await fetch(media.publicUrl)).status).toBe(404);
    });

    it('GIF: untouched byte for byte', async () => {
      const { media, original } = await upload('gif-animated.gif', 'image/gif');
      expect(media).toMatchObject({
        status: 'READY',
        contentType: 'image/gif',
        width: 64,
        height: 48,
        sizeBytes: original.length,
        metadata: { normalization: { outcome: 'skipped' } },
      });
      expect((await served(media)).equals(original)).toBe(true);
    });

    it('baseline JFIF JPEG: kept byte for byte', async () => {
      const { media, original } = await upload(
        'jpeg-baseline-jfif.jpg',
        'image/jpeg',
      );
      expect(media.metadata).toMatchObject({
        normalization: { outcome: 'unchanged' },
      });
      expect((await served(media)).equals(original)).toBe(true);
    });

    it('baseline JPEG without JFIF: only the 18-byte APP0 spliced in after SOI', async () => {
      const { media, original } = await upload(
        'jpeg-baseline-nojfif.jpg',
        'image/jpeg',
      );
      expect(
        original.subarray(0, 4).equals(Buffer.from([0xff, 0xd8, 0xff, 0xdb])),
      ).toBe(true);
      const jpeg = await served(media);
      expect(media).toMatchObject({
        sizeBytes: original.length + 18,
        metadata: { normalization: { outcome: 'jfif_injected' } },
      });
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      expect(jpeg.subarray(20).equals(original.subarray(2))).toBe(true);
    });

    it.each([
      ['jpeg-progressive.jpg', 160, 120],
      ['jpeg-cmyk.jpg', 64, 48],
    ])('%s: re-encoded to baseline sRGB', async (name, width, height) => {
      const { media } = await upload(name, 'image/jpeg');
      expect(media).toMatchObject({
        status: 'READY',
        contentType: 'image/jpeg',
        width,
        height,
      });
      expect(media.metadata).toMatchObject({
        normalization: { outcome: 'reencoded' },
      });
      const jpeg = await served(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      const metadata = await sharp(jpeg).metadata();
      expect(metadata).toMatchObject({ isProgressive: false, space: 'srgb' });
    });

    it('baseline JPEG carrying GPS and camera EXIF: kept without them, pixels untouched', async () => {
      const photo = await sharp({
        create: { width: 40, height: 30, channels: 3, background: '#3060a0' },
      })
        .jpeg({ quality: 90 })
        .withExif({
          IFD0: { Make: 'ExampleCam', Model: 'Serial-4711' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 29/1' },
        })
        .toBuffer();
      expect((await sharp(photo).metadata()).exif).toBeDefined();
      const { media } = await upload('gps.jpg', 'image/jpeg', photo);
      expect(media).toMatchObject({
        status: 'READY',
        width: 40,
        height: 30,
        metadata: { normalization: { outcome: 'metadata_removed' } },
      });
      const jpeg = await served(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      expect((await sharp(jpeg).metadata()).exif).toBeUndefined();
      expect(jpeg.includes('Serial-4711')).toBe(false);
      // The scan is the original's, byte for byte: nothing was re-encoded.
      const scan = (bytes: Buffer) =>
        bytes.subarray(bytes.indexOf(Buffer.from([0xff, 0xda])));
      expect(scan(jpeg).equals(scan(photo))).toBe(true);
    });

    it('EXIF-rotated JPEG is stored upright, without its EXIF', async () => {
      const { media } = await upload('jpeg-exif-orientation.jpg', 'image/jpeg');
      expect(media).toMatchObject({
        status: 'READY',
        width: 48,
        height: 64,
        metadata: {
          normalization: {
            outcome: 'reencoded',
            reasons: ['oriented'],
          },
        },
      });
      const jpeg = await served(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      const stored = await sharp(jpeg).metadata();
      expect(stored).toMatchObject({ width: 48, height: 64 });
      expect(stored.orientation).toBeUndefined();
    });

    it('undecodable JPEG: unusable bytes, FAILED with the reason, not served', async () => {
      const { media } = await upload('jpeg-corrupt.jpg', 'image/jpeg');
      expect(media).toMatchObject({
        status: 'FAILED',
        metadata: { normalization: { outcome: 'failed' } },
      });
      const reason = (media.metadata.normalization as { reason: string })
        .reason;
      expect(reason).toMatch(/^The image could not be decoded: /);
      expect(media.validationResults).toMatchObject({
        processing: { valid: false, errors: [reason] },
      });
      expect((await fetch(media.publicUrl)).status).toBe(404);
      expect(await t.app.get(Storage).head(media.storagePath!)).toBeNull();
    });
  });

  describe('videos are probed (never loaded into memory)', () => {
    it('landscape H.264 MP4', async () => {
      const { media } = await upload('video-landscape.mp4', 'video/mp4');
      expect(media).toMatchObject({
        status: 'READY',
        contentType: 'video/mp4',
        videoCodec: 'h264',
        videoWidth: 320,
        videoHeight: 180,
      });
      expect(media.videoDuration).toBeCloseTo(2, 0);
      expect(media.metadata.video).toMatchObject({
        fps: 25,
        audioCodec: 'aac',
        container: 'mp4',
        rotation: 0,
      });
    });

    it('portrait phone video (rotation in the display matrix) reports width < height', async () => {
      const { media } = await upload('video-portrait-rotated.mp4', 'video/mp4');
      expect(media).toMatchObject({
        status: 'READY',
        videoWidth: 180,
        videoHeight: 320,
      });
      expect(media.metadata.video).toMatchObject({ rotation: 90 });
    });

    it.each([
      ['video.mov', 'video/quicktime', 'mov', 'h264'],
      ['video.webm', 'video/webm', 'webm', 'vp9'],
      ['video.avi', 'video/x-msvideo', 'avi', 'mpeg4'],
    ] as const)('%s', async (name, contentType, container, codec) => {
      const { media } = await upload(name, contentType);
      expect(media).toMatchObject({
        status: 'READY',
        contentType,
        videoCodec: codec,
      });
      expect(media.metadata.video).toMatchObject({ container });
    });

    it.each([
      ['video-truncated.mp4', 'video/mp4', /ffprobe|moov|read/i],
      ['not-a-video.mp4', 'video/mp4', /text\/plain.*declared as video\/mp4/],
    ] as const)(
      '%s fails with the reason in validationResults.processing',
      async (name, contentType, reason) => {
        const { media } = await upload(name, contentType);
        expect(media.status).toBe('FAILED');
        const processing = (
          media.validationResults as {
            processing: { valid: boolean; errors: string[] };
          }
        ).processing;
        expect(processing.valid).toBe(false);
        expect(processing.errors.join(' ')).toMatch(reason);
        expect((await fetch(media.publicUrl)).status).toBe(404);
      },
    );
  });

  describe('other types', () => {
    it.each([
      ['document.pdf', 'application/pdf'],
      ['caption.vtt', 'text/vtt'],
      ['caption.srt', 'application/x-subrip'],
    ] as const)(
      '%s is READY with its bytes served unchanged',
      async (name, contentType) => {
        const { media, original } = await upload(name, contentType);
        expect(media).toMatchObject({
          status: 'READY',
          contentType,
          sizeBytes: original.length,
        });
        expect((await served(media)).equals(original)).toBe(true);
      },
    );

    it('bytes of another category than declared fail', async () => {
      const { media } = await upload('document.pdf', 'image/png');
      expect(media.status).toBe('FAILED');
      expect(JSON.stringify(media.validationResults)).toContain(
        'application/pdf',
      );
      // Unusable bytes are not kept; the item keeps the reason.
      expect(await t.app.get(Storage).head(media.storagePath!)).toBeNull();
    });
  });

  it('processing again leaves the same result', async () => {
    const { media } = await upload('png-alpha.png', 'image/png');
    const first = await served(media);
    const dataSource = t.app.get(DataSource);
    await dataSource.query(
      `UPDATE media SET status = 'PROCESSING' WHERE id = $1`,
      [media.id],
    );
    await t.app.get(MediaProcessingService).process({ mediaId: media.id });
    const { data: again } = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: media.id } } });
    expect(again).toMatchObject({
      status: 'READY',
      contentType: 'image/jpeg',
      sizeBytes: media.sizeBytes,
      width: 64,
      height: 48,
    });
    expect((await served(again!)).equals(first)).toBe(true);
  });
});
