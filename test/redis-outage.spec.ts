import {
  fixture,
  putBytes,
  requestUpload,
  waitForStatus,
} from './support/media.js';
import { isolatedDatabase } from './support/database.js';
import { waitFor } from './support/wait.js';
import { startOwnRedis, type OwnRedis } from './support/redis-server.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

/**
 * Redis going away and coming back empty (no persistence): requests that need it fail fast with
 * 503, no upload is lost or left stuck, and a client retrying the same PUT succeeds.
 */
describe('Redis killed and restarted without its data', () => {
  let redis: OwnRedis;
  let t: TestApp;
  let ws: TestWorkspace;
  const database = isolatedDatabase('redis_outage');

  beforeAll(async () => {
    redis = await startOwnRedis();
    t = await startTestApp({
      REDIS_URL: redis.url,
      DATABASE_URL: database.url,
      RECONCILER_INTERVAL_SECONDS: '1',
      PROCESSING_STALE_SECONDS: '2',
      PROCESSING_CONCURRENCY: '1',
    });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await redis?.start().catch(() => undefined);
    await t?.close();
    await redis?.kill();
    await database.drop();
  });

  it('answers 503 at once while Redis is down, loses nothing, and processes everything once it is back', async () => {
    const png = await fixture('png-alpha.png');
    const client = t.client(ws.apiKey);
    const before = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        requestUpload(client, `before-${index}.png`, 'image/png', png),
      ),
    );
    const during = await requestUpload(client, 'during.png', 'image/png', png);
    for (const upload of before) {
      expect(
        (await putBytes(upload.uploadUrl, upload.uploadHeaders, png)).status,
      ).toBe(200);
    }
    // Queued (and maybe running) jobs are lost with Redis' data.
    await redis.kill();

    // Fast: answered while Redis is still down, so not held until it comes back (Redis stays down
    // until after these requests; one that waited for it would never be answered).
    const refused = await putBytes(during.uploadUrl, during.uploadHeaders, png);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ code: 'service_unavailable' });
    const { data: still } = await client.GET('/v1/media/{id}', {
      params: { path: { id: during.mediaId } },
    });
    expect(still?.status).toBe('PENDING');
    expect((await fetch(`${t.baseUrl}/health/ready`)).status).toBe(503);
    // Idempotency records live in PostgreSQL: a keyed request whose handler needs no Redis runs,
    // and its retry is a replay.
    const keyed = () =>
      client.POST('/v1/media/upload', {
        body: {
          filename: 'keyed.png',
          contentType: 'image/png',
          sizeBytes: 10,
        },
        headers: { 'Idempotency-Key': 'during-outage' },
      });
    const created = await keyed();
    expect(created.response.status).toBe(201);
    const replayed = await keyed();
    expect(replayed.response.status).toBe(201);
    expect(replayed.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.data!.mediaId).toBe(created.data!.mediaId);
    expect((await client.GET('/v1/media')).data!.data).toHaveLength(8);

    await redis.start();
    // A client retrying the same PUT: 503 until the app has reconnected, then 200.
    const retried = await waitFor(
      () => putBytes(during.uploadUrl, during.uploadHeaders, png),
      (response) => response.status !== 503,
      { intervalMs: 250 },
    );
    expect(retried.status).toBe(200);

    for (const upload of [...before, during]) {
      const ready = await waitForStatus(
        client,
        upload.mediaId,
        ['READY', 'FAILED'],
        30_000,
      );
      expect(ready).toMatchObject({
        status: 'READY',
        contentType: 'image/jpeg',
      });
    }
  });
});
