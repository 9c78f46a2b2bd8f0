import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { VideoAdapter } from '../src/infra/video/video.adapter.js';
import {
  evaluateMedia,
  type PlatformResult,
} from '../src/modules/validation/evaluate-media.js';
import { videoFactsFromInfo } from '../src/modules/validation/media-facts.js';
import type { Platform } from '../src/modules/validation/platforms.js';
import { isolatedDatabase } from './support/database.js';
import { startFileHost, type FileHost } from './support/file-host.js';
import { fixture, putBytes } from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';
import { waitFor } from './support/wait.js';

const run = promisify(execFile);

interface Rendition {
  id: string;
  platform: string;
  fit: 'pad' | 'crop';
  trim: boolean;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  progress: number;
  url: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  width: number | null;
  height: number | null;
  videoDuration?: number | null;
  changes: string[];
  validation: PlatformResult | null;
  error?: string;
}

/** Small clips made with ffmpeg's test sources: fast to transcode on a busy 2-core machine. */
async function makeClip(
  dir: string,
  name: string,
  {
    size,
    seconds,
    fps,
    video,
    audio,
    format,
  }: {
    size: string;
    seconds: number;
    fps: number;
    video: string[];
    audio: string[] | null;
    format: string;
  },
): Promise<Buffer> {
  const path = join(dir, name);
  await run('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${size}:rate=${fps}:duration=${seconds}`,
    ...(audio
      ? ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`]
      : []),
    ...video,
    ...(audio ?? ['-an']),
    '-f',
    format,
    '-y',
    path,
  ]);
  return readFile(path);
}

/** The order of an MP4's top-level boxes, e.g. ["ftyp", "moov", "mdat"]. */
function topLevelBoxes(bytes: Buffer): string[] {
  const boxes: string[] = [];
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (size === 1) {
      size = Number(bytes.readBigUInt64BE(offset + 8));
    }
    boxes.push(type);
    if (size < 8) break;
    offset += size;
  }
  return boxes;
}

describe('publish-ready renditions (real ffmpeg, sharp, PostgreSQL, Redis)', () => {
  // The relay hands on every event of its database: another file's app must not deliver ours.
  const database = isolatedDatabase('renditions');
  let t: TestApp;
  let ws: TestWorkspace;
  let other: TestWorkspace;
  let db: DataSource;
  let dir: string;
  let receiver: FileHost;
  const delivered: Array<Record<string, any>> = [];
  const clips: Record<string, Buffer> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'renditions-spec-'));
    receiver = await startFileHost({
      '/hook': (request: IncomingMessage, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          delivered.push(
            JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<
              string,
              any
            >,
          );
          response.writeHead(204).end();
        });
      },
    });
    t = await startTestApp({
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      DATABASE_URL: database.url,
    });
    db = t.app.get(DataSource);
    ws = await t.createWorkspace();
    other = await t.createWorkspace();
    const x264 = [
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-preset',
      'ultrafast',
    ];
    const aac = ['-c:a', 'aac', '-ac', '1'];
    clips.vp8 = await makeClip(dir, 'vp8.webm', {
      size: '320x240',
      seconds: 4,
      fps: 25,
      video: ['-c:v', 'libvpx', '-b:v', '200k'],
      audio: ['-c:a', 'libopus'],
      format: 'webm',
    });
    clips.fourByThree = await makeClip(dir, '4x3.mp4', {
      size: '480x360',
      seconds: 4,
      fps: 25,
      video: x264,
      audio: aac,
      format: 'mp4',
    });
    clips.long = await makeClip(dir, 'long.mp4', {
      size: '180x320',
      seconds: 70,
      fps: 24,
      video: x264,
      audio: aac,
      format: 'mp4',
    });
    clips.short = await makeClip(dir, 'short.mp4', {
      size: '320x240',
      seconds: 2,
      fps: 25,
      video: x264,
      audio: null,
      format: 'mp4',
    });
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
    await receiver?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function api(
    method: string,
    path: string,
    body?: unknown,
    options: { key?: string; headers?: Record<string, string> } = {},
  ) {
    const response = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${options.key ?? ws.apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Record<string, any>,
    };
  }

  /** presign → PUT; the item is left to process. */
  async function upload(
    filename: string,
    contentType: string,
    bytes: Buffer,
  ): Promise<string> {
    const presigned = await api('POST', '/v1/media/upload', {
      filename,
      contentType,
      sizeBytes: bytes.length,
    });
    expect(presigned.status).toBe(201);
    const put = await putBytes(
      presigned.body.uploadUrl as string,
      presigned.body.uploadHeaders as Record<string, string>,
      bytes,
    );
    expect(put.status).toBe(200);
    return presigned.body.mediaId as string;
  }

  async function ready(id: string): Promise<Record<string, any>> {
    const item = await waitFor(
      async () => (await api('GET', `/v1/media/${id}`)).body,
      (body) => body.status === 'READY' || body.status === 'FAILED',
    );
    expect(item.status).toBe('READY');
    return item;
  }

  const ask = (id: string, body: unknown, key?: string) =>
    api('POST', `/v1/media/${id}/renditions`, body, { key });

  async function finished(
    mediaId: string,
    renditionId: string,
  ): Promise<Rendition> {
    return waitFor(
      async () => {
        const { body } = await api('GET', `/v1/media/${mediaId}/renditions`);
        return (body.data as Rendition[]).find((r) => r.id === renditionId)!;
      },
      (rendition) =>
        rendition.status === 'ready' || rendition.status === 'failed',
      { intervalMs: 100 },
    );
  }

  /** The served file, probed and judged as `validate` would judge it. */
  async function checkServedVideo(rendition: Rendition, platform: Platform) {
    const response = await fetch(rendition.url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(rendition.sizeBytes);
    const path = join(dir, `${rendition.id}.mp4`);
    await writeFile(path, bytes);
    const info = await t.app.get(VideoAdapter).probe(path, 'mp4');
    expect(info.codec).toBe('h264');
    expect(info.pixelFormat).toBe('yuv420p');
    const boxes = topLevelBoxes(bytes);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    expect(
      evaluateMedia(videoFactsFromInfo(info, bytes.length), platform),
    ).toMatchObject({ valid: true });
    return info;
  }

  it('makes a VP8 WebM publishable on INSTAGRAM and YOUTUBE_SHORTS, and says what it changed', async () => {
    const id = await upload('clip.webm', 'video/webm', clips.vp8);
    await ready(id);

    const asked = await ask(id, { platforms: ['INSTAGRAM', 'YOUTUBE_SHORTS'] });
    expect(asked.status).toBe(202);
    const renditions = asked.body.renditions as Rendition[];
    expect(renditions.map((r) => [r.platform, r.fit, r.trim])).toEqual([
      ['INSTAGRAM', 'pad', true],
      ['YOUTUBE_SHORTS', 'pad', true],
    ]);
    for (const r of renditions) {
      expect(r.id).toMatch(/^rnd_[0-9a-z]{24}$/);
      expect(['queued', 'processing', 'ready']).toContain(r.status);
    }

    for (const [index, platform] of (
      ['INSTAGRAM', 'YOUTUBE_SHORTS'] as const
    ).entries()) {
      const done = await finished(id, renditions[index].id);
      expect(done).toMatchObject({
        status: 'ready',
        progress: 100,
        contentType: 'video/mp4',
        validation: { valid: true, errors: [] },
      });
      expect(done.changes).toContain('transcoded vp8 → h264');
      // Both platforms recommend 9:16: a re-encoded rendition is framed at it.
      expect(
        done.changes.some((change) => change.startsWith('padded 4:3 → 9:16')),
      ).toBe(true);
      expect(done.width! / done.height!).toBeCloseTo(9 / 16, 1);
      expect(done.url).toContain(`/${ws.workspace.id}/${id}/renditions/`);
      const info = await checkServedVideo(done, platform);
      expect(info.width).toBe(done.width);
      expect(info.height).toBe(done.height);
    }

    // GET /v1/media/{id} carries the same list.
    const item = await api('GET', `/v1/media/${id}`);
    expect(
      (item.body.renditions as Rendition[]).map((r) => r.id).sort(),
    ).toEqual(renditions.map((r) => r.id).sort());
  });

  it('answers a rendition of an original that already passes at once with the original URL', async () => {
    const id = await upload('4x3.mp4', 'video/mp4', clips.fourByThree);
    const item = await ready(id);

    const asked = await ask(id, { platforms: ['INSTAGRAM'] });
    expect(asked.status).toBe(202);
    const done = await finished(
      id,
      (asked.body.renditions as Rendition[])[0].id,
    );
    expect(done).toMatchObject({
      status: 'ready',
      url: item.publicUrl,
      changes: [],
      validation: { valid: true },
      width: 480,
      height: 360,
    });
  });

  it('crops a 4:3 video to 9:16 for YOUTUBE_SHORTS with fit crop, beside its pad rendition', async () => {
    const id = await upload('4x3.mp4', 'video/mp4', clips.fourByThree);
    await ready(id);

    const crop = (await ask(id, { platforms: ['YOUTUBE_SHORTS'], fit: 'crop' }))
      .body.renditions as Rendition[];
    const pad = (await ask(id, { platforms: ['YOUTUBE_SHORTS'] })).body
      .renditions as Rendition[];
    expect(crop[0].id).not.toBe(pad[0].id);
    const cropped = await finished(id, crop[0].id);
    expect(cropped.status).toBe('ready');
    expect(cropped.changes).toContain('cropped 4:3 → 9:16');
    await checkServedVideo(cropped, 'YOUTUBE_SHORTS');
  });

  it("trims a 70 s clip to INSTAGRAM_STORY's 60 s, and fails without trim, naming the limit", async () => {
    const id = await upload('long.mp4', 'video/mp4', clips.long);
    await ready(id);

    const [trimmed] = (await ask(id, { platforms: ['INSTAGRAM_STORY'] })).body
      .renditions as Rendition[];
    const [untrimmed] = (
      await ask(id, { platforms: ['INSTAGRAM_STORY'], trim: false })
    ).body.renditions as Rendition[];

    const done = await finished(id, trimmed.id);
    expect(done.status).toBe('ready');
    expect(done.changes).toContain('trimmed 70 s → 60 s');
    expect(done.videoDuration).toBeLessThanOrEqual(60);
    expect(done.videoDuration).toBeGreaterThan(59);
    const info = await checkServedVideo(done, 'INSTAGRAM_STORY');
    expect(info.durationSeconds).toBeLessThanOrEqual(60);

    const refused = await finished(id, untrimmed.id);
    expect(refused.status).toBe('failed');
    expect(refused.url).toBeNull();
    expect(refused.error).toMatch(/70 s.*60 s/);
  });

  it('fails a 2 s clip for INSTAGRAM: no rendition can lengthen a video', async () => {
    const id = await upload('short.mp4', 'video/mp4', clips.short);
    await ready(id);

    const [rendition] = (await ask(id, { platforms: ['INSTAGRAM'] })).body
      .renditions as Rendition[];
    const done = await finished(id, rendition.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/below INSTAGRAM's minimum of 3 s/);
  });

  it("pads a 3:1 PNG into INSTAGRAM's aspect range and squeezes a large photo under BLUESKY's 1,000,000 bytes", async () => {
    const wide = await sharp({
      create: { width: 1500, height: 500, channels: 3, background: '#3366cc' },
    })
      .png()
      .toBuffer();
    const noise = await sharp(
      Buffer.from(
        Array.from({ length: 2400 * 1600 * 3 }, () =>
          Math.floor(Math.random() * 256),
        ),
      ),
      {
        raw: { width: 2400, height: 1600, channels: 3 },
      },
    )
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(noise.length).toBeGreaterThan(1_000_000);
    const wideId = await upload('wide.png', 'image/png', wide);
    const photoId = await upload('photo.jpg', 'image/jpeg', noise);
    await ready(wideId);
    await ready(photoId);

    const [padded] = (await ask(wideId, { platforms: ['INSTAGRAM'] })).body
      .renditions as Rendition[];
    const [small] = (await ask(photoId, { platforms: ['BLUESKY'] })).body
      .renditions as Rendition[];

    const instagram = await finished(wideId, padded.id);
    expect(instagram).toMatchObject({
      status: 'ready',
      contentType: 'image/jpeg',
      validation: { valid: true },
    });
    expect(instagram.width! / instagram.height!).toBeCloseTo(1.91, 1);
    const served = Buffer.from(
      await (await fetch(instagram.url!)).arrayBuffer(),
    );
    expect(served.subarray(6, 11).toString('latin1')).toBe('JFIF\0');
    expect(await sharp(served).metadata()).toMatchObject({
      format: 'jpeg',
      width: instagram.width,
      height: instagram.height,
    });

    const bluesky = await finished(photoId, small.id);
    expect(bluesky.status).toBe('ready');
    expect(bluesky.sizeBytes).toBeLessThanOrEqual(1_000_000);
    expect(
      bluesky.changes.some((change) => change.startsWith('quality lowered')),
    ).toBe(true);
    const bytes = Buffer.from(await (await fetch(bluesky.url!)).arrayBuffer());
    expect(bytes.length).toBe(bluesky.sizeBytes);
  });

  it('returns the existing rendition when asked again, and honours Idempotency-Key', async () => {
    const id = await upload('4x3.mp4', 'video/mp4', clips.fourByThree);
    await ready(id);
    const key = `rendition-${Date.now()}`;
    const first = await api(
      'POST',
      `/v1/media/${id}/renditions`,
      { platforms: ['TIKTOK'] },
      { headers: { 'Idempotency-Key': key } },
    );
    const replay = await api(
      'POST',
      `/v1/media/${id}/renditions`,
      { platforms: ['TIKTOK'] },
      { headers: { 'Idempotency-Key': key } },
    );
    const again = await ask(id, { platforms: ['TIKTOK', 'X'] });

    expect(first.status).toBe(202);
    expect(replay.status).toBe(202);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const [tiktok, x] = again.body.renditions as Rendition[];
    expect(tiktok.id).toBe((first.body.renditions as Rendition[])[0].id);
    expect(x.platform).toBe('X');
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM media_renditions WHERE media_id = $1',
      [id],
    );
    expect(n).toBe(2);
  });

  it('accepts an item still waiting for its upload and makes the rendition once it is READY', async () => {
    const presigned = await api('POST', '/v1/media/upload', {
      filename: 'later.webm',
      contentType: 'video/webm',
      sizeBytes: clips.vp8.length,
    });
    const id = presigned.body.mediaId as string;
    const [waiting] = (await ask(id, { platforms: ['X'] })).body
      .renditions as Rendition[];
    expect(waiting.status).toBe('queued');

    await putBytes(
      presigned.body.uploadUrl as string,
      presigned.body.uploadHeaders as Record<string, string>,
      clips.vp8,
    );
    const done = await finished(id, waiting.id);
    expect(done.status).toBe('ready');
    await checkServedVideo(done, 'X');
  });

  it('refuses what no rendition can be made of, and changes nothing', async () => {
    const pdf = await upload(
      'doc.pdf',
      'application/pdf',
      await fixture('document.pdf'),
    );
    await ready(pdf);
    const external = await api('POST', '/v1/media/register', {
      url: 'https://cdn.example.com/clip.mp4',
      contentType: 'video/mp4',
    });
    const broken = await upload(
      'broken.mp4',
      'video/mp4',
      await fixture('not-a-video.mp4'),
    );
    await waitFor(
      async () => (await api('GET', `/v1/media/${broken}`)).body.status,
      (status) => status === 'FAILED',
    );
    const video = await upload('4x3.mp4', 'video/mp4', clips.fourByThree);

    const refusals = [
      [await ask(pdf, { platforms: ['X'] }), 409, /document/],
      [
        await ask(external.body.id as string, { platforms: ['X'] }),
        409,
        /external/,
      ],
      [await ask(broken, { platforms: ['X'] }), 409, /failed processing/],
      [await ask(video, { platforms: ['X', 'MYSPACE'] }), 400, /"MYSPACE"/],
      [await ask(video, { platforms: [] }), 400, /platforms/],
      [await ask(video, { platforms: ['X'], fit: 'stretch' }), 400, /fit/],
      [await ask(video, { platforms: ['X'], trim: 'yes' }), 400, /trim/],
      [
        await ask(video, { platforms: ['X'] }, other.apiKey),
        404,
        /No media item/,
      ],
    ] as const;
    for (const [response, status, message] of refusals) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain(
        'application/problem+json',
      );
      expect(response.body.message).toMatch(message);
    }
    expect(
      (
        await api('GET', `/v1/media/${video}/renditions`, undefined, {
          key: other.apiKey,
        })
      ).status,
    ).toBe(404);
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM media_renditions WHERE media_id = ANY($1)',
      [[pdf, external.body.id, broken, video]],
    );
    expect(n).toBe(0);
  });

  it('delivers media.rendition.ready and media.rendition.failed to subscribed endpoints', async () => {
    const subscribed = await api('POST', '/v1/webhooks', {
      url: `${receiver.baseUrl}/hook`,
      events: ['media.rendition.ready', 'media.rendition.failed'],
    });
    expect(subscribed.status).toBe(201);
    const id = await upload('short.mp4', 'video/mp4', clips.short);
    await ready(id);

    const [good, bad] = (await ask(id, { platforms: ['X', 'INSTAGRAM'] })).body
      .renditions as Rendition[];
    const events = await waitFor(
      () => delivered.filter((event) => event.data?.mediaId === id),
      (found) => found.length === 2,
      { intervalMs: 100 },
    );
    const byType = Object.fromEntries(
      events.map((event) => [event.type, event]),
    );
    expect(byType['media.rendition.ready'].data.rendition).toMatchObject({
      id: good.id,
      status: 'ready',
      platform: 'X',
    });
    expect(byType['media.rendition.failed'].data.rendition).toMatchObject({
      id: bad.id,
      status: 'failed',
      platform: 'INSTAGRAM',
    });
    // The media.uploaded of this item was not subscribed to.
    expect(delivered.filter((event) => event.data?.media?.id === id)).toEqual(
      [],
    );
  });

  it('makes renditions for the target platforms a createRenditions bulk upload fails', async () => {
    const bulk = await api('POST', '/v1/media/bulk-video-upload-urls', {
      videos: [
        { filename: 'bulk.mp4', contentType: 'video/mp4', fileSizeMb: 1 },
      ],
      targetPlatforms: ['INSTAGRAM', 'YOUTUBE_SHORTS'],
      createRenditions: true,
    });
    expect(bulk.status).toBe(201);
    const [video] = bulk.body.videos as Array<Record<string, any>>;
    const put = await fetch(video.uploadUrl as string, {
      method: 'PUT',
      headers: video.uploadHeaders as Record<string, string>,
      body: new Uint8Array(clips.fourByThree),
    });
    expect(put.status).toBe(200);
    const id = video.mediaId as string;

    // 4:3 passes INSTAGRAM and is too wide for YOUTUBE_SHORTS: one rendition, for SHORTS.
    const renditions = await waitFor(
      async () =>
        (await api('GET', `/v1/media/${id}/renditions`)).body
          .data as Rendition[],
      (list) =>
        list.length > 0 &&
        list.every((r) => r.status === 'ready' || r.status === 'failed'),
      { intervalMs: 100 },
    );
    expect(renditions).toHaveLength(1);
    expect(renditions[0]).toMatchObject({
      platform: 'YOUTUBE_SHORTS',
      fit: 'pad',
      trim: true,
      status: 'ready',
    });
    const item = await api('GET', `/v1/media/${id}`);
    expect(item.body.validationResults.YOUTUBE_SHORTS.valid).toBe(false);
  });

  it("deletes an item's rendition files with it", async () => {
    const id = await upload('clip.webm', 'video/webm', clips.vp8);
    await ready(id);
    const [rendition] = (await ask(id, { platforms: ['X'] })).body
      .renditions as Rendition[];
    const done = await finished(id, rendition.id);
    expect((await fetch(done.url!)).status).toBe(200);

    expect((await api('DELETE', `/v1/media/${id}`)).status).toBe(200);

    expect((await fetch(done.url!)).status).toBe(404);
    const [{ n }] = await db.query(
      'SELECT count(*)::int AS n FROM media_renditions WHERE media_id = $1',
      [id],
    );
    expect(n).toBe(0);
    const stored = await readdir(join(t.storageDir, ws.workspace.id, id), {
      recursive: true,
    }).catch(() => []);
    expect(stored).toEqual([]);
  });
});
