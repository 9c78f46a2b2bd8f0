import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startFileHost, trickle } from './support/file-host.js';
import { fixture } from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';
import { waitFor, waitUntil } from './support/wait.js';

const TOKEN = 'ya29.slow-source-token';

/**
 * Downloads held to a deadline and a least rate (FETCH_DEADLINE_SECONDS,
 * FETCH_MIN_BYTES_PER_SECOND after FETCH_MIN_RATE_GRACE_SECONDS), against a source that sends one
 * byte a second: each app sets one rule small and leaves the other out of reach, so the failure
 * names the rule that ended it.
 */
async function startSlowWorld(env: Record<string, string>, head = 0) {
  const video = await fixture('video-landscape.mp4');
  const slow = trickle(video, 'video/mp4', { head });
  const host = await startFileHost({
    '/slow.mp4': slow,
    '/drive/v3/files/slow1': slow,
  });
  const t = await startTestApp({
    FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
    GOOGLE_DRIVE_API_BASE: host.baseUrl,
    ...env,
  });
  const ws = await t.createWorkspace();
  const post = (path: string, body: unknown, signal?: AbortSignal) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
      signal,
    });
  return { t, ws, host, slow, video, post };
}

async function mediaRows(t: TestApp, ws: TestWorkspace) {
  const rows: Array<{ id: string; status: string }> = await t.app
    .get(DataSource)
    .query('SELECT id, status FROM media WHERE workspace_id = $1', [
      ws.workspace.id,
    ]);
  return rows;
}

async function importOfSlowSource(
  world: Awaited<ReturnType<typeof startSlowWorld>>,
) {
  const { t, ws, host, post } = world;
  const started = await post('/v1/media/import-from-url', {
    downloadUrl: `${host.baseUrl}/slow.mp4`,
    filename: 'slow.mp4',
    mimeType: 'video/mp4',
    accessToken: TOKEN,
  });
  expect(started.status).toBe(202);
  const { jobId, mediaId } = await started.json();
  const status = await waitFor(
    async () =>
      (
        await t.client(ws.apiKey).GET('/v1/media/import/{jobId}/status', {
          params: { path: { jobId } },
        })
      ).data!,
    (data) => data.status !== 'importing',
  );
  const item = await t.client(ws.apiKey).GET('/v1/media/{id}', {
    params: { path: { id: mediaId } },
  });
  return { status, item: item.data! };
}

describe('a source slower than the least rate', () => {
  let world: Awaited<ReturnType<typeof startSlowWorld>>;

  beforeAll(async () => {
    world = await startSlowWorld({
      FETCH_MIN_BYTES_PER_SECOND: '1024',
      FETCH_MIN_RATE_GRACE_SECONDS: '2',
    });
  });
  afterAll(async () => {
    await world?.t.close();
    await world?.host.close();
  });

  it('fails the import once the grace period is over, saying how little came, without a retry', async () => {
    const { status, item } = await importOfSlowSource(world);

    expect(status).toMatchObject({ status: 'failed' });
    expect(status).toHaveProperty(
      'error',
      expect.stringMatching(
        /^the source sent \d+ bytes in 2 s, below the minimum of 1 KB per second$/,
      ),
    );
    expect(item.status).toBe('FAILED');
    expect(world.slow.responses).toHaveLength(1);
    await waitUntil(() => world.slow.responses[0].closed);
  });

  it('fails POST /v1/media with the reason and leaves no item', async () => {
    const before = await mediaRows(world.t, world.ws);

    const response = await world.post('/v1/media', {
      url: `${world.host.baseUrl}/slow.mp4`,
    });

    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      code: 'internal_error',
      message: expect.stringMatching(
        /^The file could not be downloaded: the source sent \d+ bytes in 2 s, below the minimum of 1 KB per second$/,
      ),
    });
    expect(await mediaRows(world.t, world.ws)).toEqual(before);
  });
});

describe('a download past its deadline', () => {
  let world: Awaited<ReturnType<typeof startSlowWorld>>;

  beforeAll(async () => {
    world = await startSlowWorld({
      FETCH_DEADLINE_SECONDS: '3',
      FETCH_MIN_BYTES_PER_SECOND: '0',
    });
  });
  afterAll(async () => {
    await world?.t.close();
    await world?.host.close();
  });

  it('fails the import with the deadline as the reason', async () => {
    const { status, item } = await importOfSlowSource(world);

    expect(status).toMatchObject({
      status: 'failed',
      error: 'the download took longer than 3 s',
    });
    expect(item.status).toBe('FAILED');
    await waitUntil(() => world.slow.responses.every((r) => r.closed));
  });

  it("reports the deadline as a drive-import file's error", async () => {
    const response = await world.post('/v1/media/drive-import', {
      files: [
        {
          driveFileId: 'slow1',
          name: 'slow.mp4',
          mimeType: 'video/mp4',
          sizeBytes: world.video.length,
        },
      ],
      accessToken: TOKEN,
    });

    expect(response.status).toBe(207);
    expect((await response.json()).results).toEqual([
      {
        fileId: 'slow1',
        status: 'error',
        error: 'the download took longer than 3 s',
      },
    ]);
  });
});

describe('POST /v1/media whose client disconnects', () => {
  let world: Awaited<ReturnType<typeof startSlowWorld>>;

  beforeAll(async () => {
    // A head past the type sniff at once, so the bytes are being staged when the client leaves;
    // neither the rate rule nor the deadline comes near, so only the client can stop it.
    world = await startSlowWorld(
      { FETCH_MIN_BYTES_PER_SECOND: '0' },
      32 * 1024,
    );
  });
  afterAll(async () => {
    await world?.t.close();
    await world?.host.close();
  });

  it('stops the download: the source connection closes, and no item or bytes are left', async () => {
    const staging = join(world.t.storageDir, '.tmp');
    const staged = async () =>
      existsSync(staging) ? (await readdir(staging)).length : 0;
    const client = new AbortController();
    const request = world
      .post(
        '/v1/media',
        { url: `${world.host.baseUrl}/slow.mp4` },
        client.signal,
      )
      .catch((error: unknown) => error);
    await waitUntil(async () => (await staged()) > 0);

    client.abort();

    expect(await request).toMatchObject({ name: 'AbortError' });
    await waitUntil(() => world.slow.responses[0].closed);
    await waitUntil(async () => (await staged()) === 0);
    expect(world.slow.responses[0].sent).toBeLessThan(world.video.length);
    expect(await mediaRows(world.t, world.ws)).toEqual([]);
    const objects = join(world.t.storageDir, world.ws.workspace.id);
    expect(existsSync(objects) ? await readdir(objects) : []).toEqual([]);
  });
});
