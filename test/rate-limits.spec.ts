import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { waitFor } from './support/wait.js';
import {
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import {
  freePort,
  startTestApp,
  testEnvironment,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

/**
 * An app in this process and a second app process, sharing one Redis as replicas do
 * (docs/contracts.md#rate-limits).
 */
describe('rate limits shared by every replica', () => {
  let a: TestApp;
  let b: ServerProcess;
  let storageDir: string;
  let ws: TestWorkspace;

  beforeAll(async () => {
    await ensureBuilt();
    const shared = {
      RATE_LIMIT_ENABLED: 'true',
      REDIS_KEY_PREFIX: `${inject('redisKeyPrefix')}-rate-limits`,
    };
    a = await startTestApp(shared);
    storageDir = await mkdtemp(join(tmpdir(), 'media-api-storage-'));
    b = startServerProcess(await freePort(), {
      ...testEnvironment(shared),
      LOCAL_STORAGE_DIR: storageDir,
    });
    await b.ready();
    ws = await a.createWorkspace();
  });
  afterAll(async () => {
    await a?.close();
    await b?.stop();
    await rm(storageDir, { recursive: true, force: true });
  });

  const call = (
    app: { baseUrl: string },
    path: string,
    init: { method?: string; apiKey?: string; body?: unknown } = {},
  ) =>
    fetch(`${app.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.apiKey ? { Authorization: `Bearer ${init.apiKey}` } : {}),
        'Content-Type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  it('gives POST /v1/media 30 requests a minute per workspace across replicas, then 429 with Retry-After', async () => {
    const remaining: string[] = [];
    // The bucket refills a token every 2 s, so on a slow machine a few more may pass: count them
    // from the time the requests took rather than assuming they were quick.
    const started = Date.now();
    let refused: Response | undefined;
    for (let index = 0; index < 100 && !refused; index += 1) {
      const response = await call(index % 2 === 0 ? a : b, '/v1/media', {
        method: 'POST',
        apiKey: ws.apiKey,
        body: {},
      });
      expect(response.headers.get('x-ratelimit-limit')).toBe('30');
      if (response.status === 429) {
        refused = response;
        continue;
      }
      expect(response.status).toBe(400);
      remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
    }
    const refills = Math.floor((Date.now() - started) / 2_000);
    // One bucket for both replicas: 30, not 30 per replica.
    expect(remaining.length).toBeGreaterThanOrEqual(30);
    expect(remaining.length).toBeLessThanOrEqual(30 + refills);
    expect(remaining[0]).toBe('29');
    expect(remaining.at(-1)).toBe('0');
    if (!refused) {
      throw new Error('no request was refused');
    }
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(
      1,
    );
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(2);
    expect(await refused.json()).toMatchObject({
      code: 'rate_limit_exceeded',
      status: 429,
    });
    // The route's own limit: other routes of the workspace still answer.
    const other = await call(a, '/v1/workspace', { apiKey: ws.apiKey });
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-limit')).toBe('100');
  });

  it('names every bucket a request drew from in the IETF RateLimit-Policy and RateLimit fields', async () => {
    const fresh = await a.createWorkspace();
    const workspace = await call(b, '/v1/workspace', { apiKey: fresh.apiKey });
    expect(workspace.status).toBe(200);
    expect(workspace.headers.get('ratelimit-policy')).toBe(
      '"workspace";q=100;w=60',
    );
    expect(workspace.headers.get('ratelimit')).toBe('"workspace";r=99;t=1');

    const upload = await call(a, '/v1/media', {
      method: 'POST',
      apiKey: fresh.apiKey,
      body: {},
    });
    expect(upload.status).toBe(400);
    expect(upload.headers.get('ratelimit-policy')).toBe(
      '"workspace";q=100;w=60, "urlUpload";q=30;w=60',
    );
    // Refill is continuous, so on a slow machine the first bucket may have earned its token back.
    expect(upload.headers.get('ratelimit')).toMatch(
      /^"workspace";r=9[89];t=[0-9]+, "urlUpload";r=29;t=2$/,
    );
    // The X- fields keep describing the tightest of those buckets.
    expect(upload.headers.get('x-ratelimit-limit')).toBe('30');
    expect(upload.headers.get('x-ratelimit-remaining')).toBe('29');
    expect(upload.headers.get('x-ratelimit-reset')).toBe('2');
  });

  it('gives the import routes together 30 requests a minute per workspace, then 429, leaving other workspaces alone', async () => {
    const routes = [
      '/v1/media/import-from-url',
      '/v1/media/import-from-drive',
      '/v1/media/drive-import',
    ];
    const importer = await a.createWorkspace();
    const neighbour = await a.createWorkspace();
    const send = (index: number) =>
      call(index % 2 === 0 ? a : b, routes[index % 3], {
        method: 'POST',
        apiKey: importer.apiKey,
        body: {},
      });
    const first = await send(0);
    expect(first.status).toBe(400);
    expect(first.headers.get('x-ratelimit-limit')).toBe('30');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('29');
    for (let index = 1; index < 30; index += 1) {
      expect((await send(index)).status).toBe(400);
    }

    // The 31st, unless the bucket earned a token back (one every 2 s) while those were sent.
    let sent = 30;
    const refused = await waitFor(
      () => send(sent++),
      (response) => response.status !== 400,
      { intervalMs: 0 },
    );

    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      code: 'rate_limit_exceeded',
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(
      1,
    );
    expect(refused.headers.get('x-ratelimit-limit')).toBe('30');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    // Another workspace's imports, and the importer's other routes, still go through.
    const neighbours = await call(a, routes[2], {
      method: 'POST',
      apiKey: neighbour.apiKey,
      body: {},
    });
    expect(neighbours.status).toBe(400);
    expect(neighbours.headers.get('x-ratelimit-remaining')).toBe('29');
    expect(
      (await call(a, '/v1/workspace', { apiKey: importer.apiKey })).status,
    ).toBe(200);
  });

  it('counts a drive-import as one import per file it asks for', async () => {
    const importer = await a.createWorkspace();
    const batch = (count: number) => ({
      method: 'POST',
      apiKey: importer.apiKey,
      body: {
        files: Array.from({ length: count }, (_, index) => ({
          driveFileId: `file${index}`,
        })),
      },
    });

    const twenty = await call(a, '/v1/media/drive-import', batch(20));
    expect(twenty.status).toBe(400);
    expect(twenty.headers.get('x-ratelimit-remaining')).toBe('10');
    const another = await call(b, '/v1/media/drive-import', batch(20));
    // Ten tokens short, at one every 2 s.
    expect(another.status).toBe(429);
    expect(Number(another.headers.get('retry-after'))).toBeGreaterThan(15);
    const ten = await call(a, '/v1/media/drive-import', batch(10));

    expect(ten.status).toBe(400);
  });

  it('counts callers without a valid key per address, so key guessing turns into 429 after the burst', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let index = 0; index < 12; index += 1) {
      const guess = `mk_live_${String(index).padStart(32, 'x')}`;
      last = await call(index % 2 === 0 ? a : b, '/v1/workspace', {
        apiKey: guess,
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // 25 a minute with a burst of 10: 10 tokens, refilled from empty in 24 s.
    expect(last!.headers.get('ratelimit-policy')).toBe('"address";q=10;w=24');
    expect(last!.headers.get('ratelimit')).toMatch(/^"address";r=0;t=\d+$/);
    // A valid key is counted for its workspace, not for the address.
    expect((await call(a, '/v1/workspace', { apiKey: ws.apiKey })).status).toBe(
      200,
    );
  });

  it('leaves public routes alone', async () => {
    for (let index = 0; index < 15; index += 1) {
      const response = await call(a, '/health/live');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBeNull();
    }
  });
});
