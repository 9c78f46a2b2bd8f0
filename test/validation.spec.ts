import { DataSource } from 'typeorm';
import { VideoAdapter } from '../src/infra/video/video.adapter.js';
import {
  fixture,
  putBytes,
  requestUpload,
  waitForStatus,
  type MediaObject,
  type UploadContentType,
} from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

interface PlatformResult {
  valid: boolean;
  errors: string[];
  warnings: string[];
}

interface ValidationStatus {
  id: string;
  validationStatus: 'pending' | 'passed' | 'failed' | 'skipped';
  validationResults: Record<string, PlatformResult> | null;
  videoDuration: number | null;
  videoCodec: string | null;
  videoWidth: number | null;
  videoHeight: number | null;
}

const JOB_ID = /^job_[0-9a-z]{24}$/;

/** JSON over plain fetch: the generated client does not know these routes until the spec is regenerated. */
async function call(
  t: TestApp,
  apiKey: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${apiKey}`,
  };
  const response = await fetch(
    `${t.baseUrl}${path}`,
    body === undefined
      ? { method, headers }
      : {
          method,
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('platform validation through the HTTP API (real ffprobe, real fixtures)', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  const validate = (mediaId: string, targetPlatforms: unknown) =>
    call(t, ws.apiKey, 'POST', `/v1/media/${mediaId}/validate`, {
      targetPlatforms,
    });

  async function status(mediaId: string): Promise<ValidationStatus> {
    const { status: code, body } = await call(
      t,
      ws.apiKey,
      'GET',
      `/v1/media/${mediaId}/validation-status`,
    );
    expect(code).toBe(200);
    return body as unknown as ValidationStatus;
  }

  /** Polls validation-status until the item is no longer pending. */
  async function settled(mediaId: string): Promise<ValidationStatus> {
    const deadline = Date.now() + 20_000;
    let last: ValidationStatus | undefined;
    while (Date.now() < deadline) {
      last = await status(mediaId);
      if (
        last.validationStatus === 'passed' ||
        last.validationStatus === 'failed'
      ) {
        return last;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `validation of ${mediaId} did not finish (last: ${JSON.stringify(last)})`,
    );
  }

  async function uploaded(
    name: string,
    contentType: UploadContentType,
  ): Promise<MediaObject> {
    const bytes = await fixture(name);
    const upload = await requestUpload(
      t.client(ws.apiKey),
      name,
      contentType,
      bytes,
    );
    expect(
      (await putBytes(upload.uploadUrl, upload.uploadHeaders, bytes)).status,
    ).toBe(200);
    return waitForStatus(t.client(ws.apiKey), upload.mediaId);
  }

  it('the landscape fixture is what the assertions below assume', async () => {
    const info = await new VideoAdapter().probe(
      `${import.meta.dirname}/fixtures/video-landscape.mp4`,
    );
    expect(info).toMatchObject({
      durationSeconds: 2,
      codec: 'h264',
      width: 320,
      height: 180,
      container: 'mp4',
    });
  });

  it('processing stores the facts the rules read in metadata.video', async () => {
    const media = await uploaded('video-landscape.mp4', 'video/mp4');
    expect(media.metadata.video).toEqual({
      fps: 25,
      bitrate: expect.any(Number),
      audioCodec: 'aac',
      container: 'mp4',
      rotation: 0,
      pixelFormat: 'yuv420p',
      scanType: 'progressive',
      audioProfile: 'LC',
      audioSampleRateHz: 48_000,
      audioChannels: 1,
    });
    expect(media.validationStatus).toBe('skipped');
  });

  it('a 320×180 2 s H.264 mp4 passes YOUTUBE and fails YOUTUBE_SHORTS (landscape) and INSTAGRAM (duration)', async () => {
    const media = await uploaded('video-landscape.mp4', 'video/mp4');
    const queued = await validate(media.id, [
      'YOUTUBE',
      'YOUTUBE_SHORTS',
      'INSTAGRAM',
    ]);
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual({
      queued: true,
      jobId: expect.stringMatching(JOB_ID),
    });

    const result = await settled(media.id);
    expect(result).toMatchObject({
      id: media.id,
      validationStatus: 'failed',
      videoCodec: 'h264',
      videoWidth: 320,
      videoHeight: 180,
    });
    expect(result.videoDuration).toBeCloseTo(2, 1);
    expect(Object.keys(result.validationResults!).sort()).toEqual([
      'INSTAGRAM',
      'YOUTUBE',
      'YOUTUBE_SHORTS',
    ]);
    expect(result.validationResults!.YOUTUBE).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
    expect(result.validationResults!.YOUTUBE_SHORTS).toEqual({
      valid: false,
      errors: [
        'Aspect ratio 1.78:1 (320×180) is wider than YOUTUBE_SHORTS allows (at most 1:1, square or vertical)',
      ],
      warnings: [
        'Aspect ratio 1.78:1 (320×180): YOUTUBE_SHORTS recommends 9:16',
      ],
    });
    expect(result.validationResults!.INSTAGRAM).toEqual({
      valid: false,
      errors: ["Duration 2.0 s is below INSTAGRAM's minimum of 3 s"],
      warnings: [
        'Aspect ratio 1.78:1 (320×180): INSTAGRAM recommends 9:16 for Reels',
      ],
    });

    // Results merge per platform; the status covers every platform checked so far.
    expect((await validate(media.id, ['TIKTOK'])).status).toBe(202);
    const again = await settled(media.id);
    expect(Object.keys(again.validationResults!).sort()).toEqual([
      'INSTAGRAM',
      'TIKTOK',
      'YOUTUBE',
      'YOUTUBE_SHORTS',
    ]);
    expect(again.validationResults!.TIKTOK.errors).toEqual([
      'Resolution 320×180: TIKTOK requires at least 360 px per side',
    ]);
  });

  it('the portrait-by-rotation video passes YOUTUBE_SHORTS (display orientation)', async () => {
    const media = await uploaded('video-portrait-rotated.mp4', 'video/mp4');
    expect((await validate(media.id, ['YOUTUBE_SHORTS'])).status).toBe(202);
    const result = await settled(media.id);
    expect(result).toMatchObject({
      validationStatus: 'passed',
      videoWidth: 180,
      videoHeight: 320,
      validationResults: {
        YOUTUBE_SHORTS: { valid: true, errors: [], warnings: [] },
      },
    });
  });

  it('an item processed before the rules facts existed is probed again, and keeps the facts', async () => {
    const media = await uploaded('video-landscape.mp4', 'video/mp4');
    const db = t.app.get(DataSource);
    await db.query(
      `UPDATE media SET metadata = jsonb_set(metadata, '{video}', (metadata->'video') - 'pixelFormat' - 'scanType' - 'audioProfile' - 'audioSampleRateHz' - 'audioChannels') WHERE id = $1`,
      [media.id],
    );
    expect((await validate(media.id, ['YOUTUBE'])).status).toBe(202);
    expect(await settled(media.id)).toMatchObject({
      validationStatus: 'passed',
    });
    const [{ metadata }] = await db.query(
      'SELECT metadata FROM media WHERE id = $1',
      [media.id],
    );
    expect(metadata.video).toMatchObject({
      pixelFormat: 'yuv420p',
      audioChannels: 1,
    });
  });

  it('a request made before the item is READY is kept and runs once it is', async () => {
    const bytes = await fixture('video-portrait-rotated.mp4');
    const upload = await requestUpload(
      t.client(ws.apiKey),
      'early.mp4',
      'video/mp4',
      bytes,
    );
    const queued = await validate(upload.mediaId, [
      'YOUTUBE_SHORTS',
      'BLUESKY',
    ]);
    expect(queued.status).toBe(202);
    expect(queued.body.queued).toBe(true);
    expect(await status(upload.mediaId)).toMatchObject({
      validationStatus: 'pending',
      validationResults: null,
    });

    expect(
      (await putBytes(upload.uploadUrl, upload.uploadHeaders, bytes)).status,
    ).toBe(200);
    const result = await settled(upload.mediaId);
    expect(result.validationStatus).toBe('passed');
    expect(Object.keys(result.validationResults!).sort()).toEqual([
      'BLUESKY',
      'YOUTUBE_SHORTS',
    ]);
  });

  it('bulk-validate queues one job per item and all three finish', async () => {
    const items = await Promise.all([
      uploaded('video-landscape.mp4', 'video/mp4'),
      uploaded('video-portrait-rotated.mp4', 'video/mp4'),
      uploaded('video.webm', 'video/webm'),
    ]);
    const { status: code, body } = await call(
      t,
      ws.apiKey,
      'POST',
      '/v1/media/bulk-validate',
      { mediaIds: items.map((item) => item.id), platforms: ['TIKTOK', 'X'] },
    );
    expect(code).toBe(202);
    const jobIds = body.jobIds as string[];
    expect(jobIds).toHaveLength(3);
    expect(new Set(jobIds).size).toBe(3);
    for (const jobId of jobIds) {
      expect(jobId).toMatch(JOB_ID);
    }
    const results = await Promise.all(items.map((item) => settled(item.id)));
    for (const result of results) {
      expect(Object.keys(result.validationResults!).sort()).toEqual([
        'TIKTOK',
        'X',
      ]);
    }
    // WebM is not an X container.
    expect(results[2].validationResults!.X.errors).toContain(
      'Container webm is not accepted by X (accepted: mp4, mov)',
    );
  });

  it('a bulk video upload is validated for exactly its target platforms once READY', async () => {
    const bytes = await fixture('video-landscape.mp4');
    const { data, error } = await t
      .client(ws.apiKey)
      .POST('/v1/media/bulk-video-upload-urls', {
        body: {
          videos: [
            { filename: 'reel.mp4', contentType: 'video/mp4', fileSizeMb: 1 },
          ],
          targetPlatforms: ['INSTAGRAM', 'LINKEDIN'],
        },
      });
    expect(error).toBeUndefined();
    const [video] = data!.videos;
    expect(
      (await putBytes(video.uploadUrl, video.uploadHeaders, bytes)).status,
    ).toBe(200);
    const result = await settled(video.mediaId);
    expect(result.validationStatus).toBe('failed');
    expect(Object.keys(result.validationResults!).sort()).toEqual([
      'INSTAGRAM',
      'LINKEDIN',
    ]);
    expect(result.validationResults!.LINKEDIN.errors).toEqual([
      "File size 70.5 KB is below LINKEDIN's minimum of 75 KB",
      "Duration 2.0 s is below LINKEDIN's minimum of 3 s",
    ]);
  });

  it('an image is checked against the image rules', async () => {
    const media = await uploaded('jpeg-baseline-jfif.jpg', 'image/jpeg');
    expect(
      (await validate(media.id, ['INSTAGRAM', 'THREADS', 'YOUTUBE'])).status,
    ).toBe(202);
    const result = await settled(media.id);
    expect(result).toMatchObject({
      validationStatus: 'failed',
      videoDuration: null,
      videoCodec: null,
    });
    expect(result.validationResults).toEqual({
      INSTAGRAM: {
        valid: true,
        errors: [],
        warnings: [
          'Width 160 px: INSTAGRAM rescales images to 320–1440 px wide',
        ],
      },
      THREADS: {
        valid: false,
        errors: ["Width 160 px is below THREADS's minimum of 320 px"],
        warnings: [],
      },
      YOUTUBE: {
        valid: false,
        errors: [
          'YOUTUBE does not publish images; only video can be posted there',
        ],
        warnings: [],
      },
    });
  });

  it('a FAILED item gets a per-platform error and keeps its processing result', async () => {
    const media = await uploaded('not-a-video.mp4', 'video/mp4');
    expect(media.status).toBe('FAILED');
    expect((await validate(media.id, ['TIKTOK', 'X'])).status).toBe(202);
    const result = await settled(media.id);
    expect(result.validationStatus).toBe('failed');
    expect(result.validationResults!.processing).toMatchObject({
      valid: false,
    });
    for (const platform of ['TIKTOK', 'X']) {
      expect(result.validationResults![platform]).toEqual({
        valid: false,
        errors: [
          expect.stringMatching(
            new RegExp(
              `^The file failed processing: .*text/plain.*\\. It cannot be published to ${platform}$`,
            ),
          ),
        ],
        warnings: [],
      });
    }
  });

  it('a document gets a clear per-platform error, not a 5xx', async () => {
    const media = await uploaded('document.pdf', 'application/pdf');
    expect((await validate(media.id, ['LINKEDIN'])).status).toBe(202);
    expect((await settled(media.id)).validationResults!.LINKEDIN).toEqual({
      valid: false,
      errors: [
        'LINKEDIN does not publish document files (application/pdf); only images and videos can be validated',
      ],
      warnings: [],
    });
  });

  it("another workspace's item is 404 on every route, and nothing is queued", async () => {
    const other = await t.createWorkspace();
    const media = await uploaded('video-landscape.mp4', 'video/mp4');
    const attempts = [
      await call(t, other.apiKey, 'POST', `/v1/media/${media.id}/validate`, {
        targetPlatforms: ['TIKTOK'],
      }),
      await call(
        t,
        other.apiKey,
        'GET',
        `/v1/media/${media.id}/validation-status`,
      ),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(404);
      expect(attempt.body).toMatchObject({ code: 'not_found' });
    }
    const mine = await uploaded('video-portrait-rotated.mp4', 'video/mp4');
    const bulk = await call(
      t,
      other.apiKey,
      'POST',
      '/v1/media/bulk-validate',
      {
        mediaIds: [media.id, mine.id],
        platforms: ['TIKTOK'],
      },
    );
    expect(bulk.status).toBe(404);
    expect(bulk.body.message).toBe(
      `No media items with ids ${media.id}, ${mine.id} in this workspace`,
    );
    expect((await status(media.id)).validationStatus).toBe('skipped');
    expect((await status(mine.id)).validationStatus).toBe('skipped');
  });

  it('bulk-validate with one unknown id is 404 naming it, and queues nothing', async () => {
    const media = await uploaded('video-landscape.mp4', 'video/mp4');
    const missing = 'media_000000000000000000000000';
    const bulk = await call(t, ws.apiKey, 'POST', '/v1/media/bulk-validate', {
      mediaIds: [media.id, missing],
      platforms: ['TIKTOK'],
    });
    expect(bulk.status).toBe(404);
    expect(bulk.body.message).toBe(
      `No media item with id ${missing} in this workspace`,
    );
    expect((await status(media.id)).validationStatus).toBe('skipped');
  });

  it('unknown platforms are 400, listing the valid ones', async () => {
    const media = await uploaded('video-landscape.mp4', 'video/mp4');
    const single = await validate(media.id, ['TIKTOK', 'MYSPACE']);
    expect(single.status).toBe(400);
    expect(single.body).toMatchObject({
      code: 'validation_error',
      errors: [
        {
          field: 'targetPlatforms',
          message:
            'targetPlatforms has unknown platforms "MYSPACE"; valid platforms are INSTAGRAM, INSTAGRAM_STORY, TIKTOK, YOUTUBE, YOUTUBE_SHORTS, X, LINKEDIN, FACEBOOK, PINTEREST, THREADS, BLUESKY',
        },
      ],
    });
    const bulk = await call(t, ws.apiKey, 'POST', '/v1/media/bulk-validate', {
      mediaIds: [media.id],
      platforms: ['VINE'],
    });
    expect(bulk.status).toBe(400);
    expect(bulk.body.message).toContain('"VINE"');
    expect((await status(media.id)).validationStatus).toBe('skipped');
  });

  it.each([
    [{ targetPlatforms: [] }, 'targetPlatforms'],
    [{}, 'targetPlatforms'],
    [{ targetPlatforms: ['X', 'X'] }, 'targetPlatforms'],
  ])('validate body %j is 400', async (body, field) => {
    const media = await uploaded('video-landscape.mp4', 'video/mp4');
    const response = await call(
      t,
      ws.apiKey,
      'POST',
      `/v1/media/${media.id}/validate`,
      body,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('bulk-validate takes 1–100 ids', async () => {
    for (const mediaIds of [
      [],
      Array.from(
        { length: 101 },
        (_, i) => `media_${String(i).padStart(24, '0')}`,
      ),
    ]) {
      const response = await call(
        t,
        ws.apiKey,
        'POST',
        '/v1/media/bulk-validate',
        {
          mediaIds,
          platforms: ['X'],
        },
      );
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'mediaIds' }),
      ]);
    }
  });

  it('validate needs media:write and validation-status media:read', async () => {
    const media = await uploaded('video-landscape.mp4', 'video/mp4');
    const reader = await t.createWorkspace({ scopes: ['media:read'] });
    const writer = await t.createWorkspace({ scopes: ['media:write'] });
    expect(
      (
        await call(t, reader.apiKey, 'POST', `/v1/media/${media.id}/validate`, {
          targetPlatforms: ['X'],
        })
      ).body,
    ).toMatchObject({ code: 'insufficient_scope' });
    expect(
      (
        await call(
          t,
          writer.apiKey,
          'GET',
          `/v1/media/${media.id}/validation-status`,
        )
      ).body,
    ).toMatchObject({ code: 'insufficient_scope' });
  });
});

describe.each([
  ['VALIDATION_ENABLED=false', { VALIDATION_ENABLED: 'false' }],
  ['no ffprobe can be started', { FFPROBE_PATH: '/nonexistent/ffprobe' }],
])('validation not available (%s)', (_name, environment) => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp(environment);
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  it('validate and bulk-validate answer 202 queued: false and change nothing', async () => {
    const bytes = await fixture('jpeg-baseline-jfif.jpg');
    const upload = await requestUpload(
      t.client(ws.apiKey),
      'a.jpg',
      'image/jpeg',
      bytes,
    );
    const notConfigured = {
      queued: false,
      reason: 'validation queue not configured',
    };
    const single = await call(
      t,
      ws.apiKey,
      'POST',
      `/v1/media/${upload.mediaId}/validate`,
      {
        targetPlatforms: ['INSTAGRAM'],
      },
    );
    expect(single).toEqual({ status: 202, body: notConfigured });
    const bulk = await call(t, ws.apiKey, 'POST', '/v1/media/bulk-validate', {
      mediaIds: [upload.mediaId],
      platforms: ['INSTAGRAM'],
    });
    expect(bulk).toEqual({ status: 202, body: notConfigured });
    const after = await call(
      t,
      ws.apiKey,
      'GET',
      `/v1/media/${upload.mediaId}/validation-status`,
    );
    expect(after.body).toMatchObject({
      validationStatus: 'skipped',
      validationResults: null,
    });
  });

  it('unknown ids are still 404', async () => {
    const response = await call(
      t,
      ws.apiKey,
      'POST',
      '/v1/media/media_000000000000000000000000/validate',
      { targetPlatforms: ['X'] },
    );
    expect(response.status).toBe(404);
  });
});
