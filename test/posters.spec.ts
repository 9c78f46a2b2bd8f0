import { access } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
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

type PosterMedia = MediaObject & {
  posterUrl: string | null;
  metadata: { poster?: Record<string, unknown> };
};

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Presigns, PUTs the fixture and waits for processing to end. */
async function upload(
  t: TestApp,
  ws: TestWorkspace,
  name: string,
  contentType: UploadContentType,
): Promise<PosterMedia> {
  const bytes = await fixture(name);
  const { data, error } = await t.client(ws.apiKey).POST('/v1/media/upload', {
    body: { filename: name, contentType, sizeBytes: bytes.length },
  });
  expect(error).toBeUndefined();
  expect(
    (await putBytes(data!.uploadUrl, data!.uploadHeaders, bytes)).status,
  ).toBe(200);
  return (await waitForStatus(
    t.client(ws.apiKey),
    data!.mediaId,
  )) as PosterMedia;
}

async function fetchPoster(media: PosterMedia): Promise<Buffer> {
  expect(media.posterUrl).toEqual(expect.any(String));
  const response = await fetch(media.posterUrl!);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('image/jpeg');
  return Buffer.from(await response.arrayBuffer());
}

describe('video poster frames (local storage, real ffprobe and ffmpeg)', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  it.each([
    ['video-landscape.mp4', 'video/mp4', 320, 180],
    ['video-portrait-rotated.mp4', 'video/mp4', 180, 320],
    ['video.mov', 'video/quicktime', 320, 180],
    ['video.webm', 'video/webm', 320, 180],
    ['video.avi', 'video/x-msvideo', 160, 90],
  ] as const)(
    '%s: a baseline JFIF JPEG poster in display orientation, served by its URL',
    async (name, contentType, width, height) => {
      const media = await upload(t, ws, name, contentType);
      expect(media).toMatchObject({
        status: 'READY',
        videoWidth: width,
        videoHeight: height,
        metadata: { poster: { outcome: 'created', frame: 'first_non_black' } },
      });
      expect(media.posterUrl).toBe(
        `${t.baseUrl}/files/${ws.workspace.id}/${media.id}/-poster.jpg`,
      );

      const jpeg = await fetchPoster(media);
      expect(jpeg.subarray(0, 11).equals(JFIF_START)).toBe(true);
      const meta = await sharp(jpeg).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width, height });
      expect(meta.isProgressive).toBe(false);
    },
  );

  it('the rotated phone recording gets a portrait poster', async () => {
    const media = await upload(
      t,
      ws,
      'video-portrait-rotated.mp4',
      'video/mp4',
    );
    const meta = await sharp(await fetchPoster(media)).metadata();
    expect(meta.width!).toBeLessThan(meta.height!);
  });

  it('non-videos have posterUrl null', async () => {
    const media = await upload(t, ws, 'png-alpha.png', 'image/png');
    expect(media).toMatchObject({ status: 'READY', posterUrl: null });
    expect(media.metadata.poster).toBeUndefined();
  });

  it('processing again leaves the same poster at the same URL', async () => {
    const media = await upload(t, ws, 'video.webm', 'video/webm');
    const first = await fetchPoster(media);
    await t.app
      .get(DataSource)
      .query(`UPDATE media SET status = 'PROCESSING' WHERE id = $1`, [
        media.id,
      ]);
    await t.app.get(MediaProcessingService).process({ mediaId: media.id });

    const { data } = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: media.id } } });
    const again = data as PosterMedia;
    expect(again).toMatchObject({
      status: 'READY',
      posterUrl: media.posterUrl,
      metadata: { poster: media.metadata.poster },
    });
    expect((await fetchPoster(again)).equals(first)).toBe(true);
  });

  it('deleting the item deletes the poster', async () => {
    const media = await upload(t, ws, 'video-landscape.mp4', 'video/mp4');
    const posterFile = join(
      t.storageDir,
      ws.workspace.id,
      media.id,
      '-poster.jpg',
    );
    expect(await exists(posterFile)).toBe(true);

    const { response } = await t
      .client(ws.apiKey)
      .DELETE('/v1/media/{id}', { params: { path: { id: media.id } } });
    expect(response.status).toBe(200);

    expect(await exists(posterFile)).toBe(false);
    expect((await fetch(media.posterUrl!)).status).toBe(404);
  });
});

describe('a video whose poster cannot be made', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp({ FFMPEG_PATH: '/nonexistent/ffmpeg' });
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  it('still ends READY, without a poster, and says why', async () => {
    const media = await upload(t, ws, 'video-landscape.mp4', 'video/mp4');
    expect(media).toMatchObject({
      status: 'READY',
      videoWidth: 320,
      videoHeight: 180,
      posterUrl: null,
      metadata: {
        poster: {
          outcome: 'failed',
          reason: expect.stringContaining('ffmpeg could not be started'),
        },
      },
    });
    expect(
      await exists(
        join(t.storageDir, ws.workspace.id, media.id, '-poster.jpg'),
      ),
    ).toBe(false);
  });
});
