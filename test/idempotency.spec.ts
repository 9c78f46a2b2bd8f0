import { Redis } from 'ioredis';
import pg from 'pg';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import {
  recoveryPoints,
  RecoveryPointLost,
} from '../src/infra/database/recovery-point.js';
import { IdempotencyRecordRepository } from '../src/modules/idempotency/idempotency-record.repository.js';
import { IdempotencySweeper } from '../src/modules/idempotency/idempotency-sweeper.js';
import { MediaRepository } from '../src/modules/media/media.repository.js';
import { mediaRow } from '../src/testing/fakes/media.fakes.js';
import { ensureBuilt } from './support/build.js';
import { isolatedDatabase } from './support/database.js';
import { startOwnRedis, type OwnRedis } from './support/redis-server.js';
import { createWorkspaceWithCli } from './support/cli.js';
import { fixture } from './support/media.js';
import { serve, startFileHost, type FileHost } from './support/file-host.js';
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
import { waitFor, waitUntil } from './support/wait.js';

/** Runs one statement on the test database (or `url`) outside the app. */
async function queryDatabase<Row>(
  text: string,
  values: unknown[] = [],
  url = inject('databaseUrl'),
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

const keyHash = (key: string) => createHash('sha256').update(key).digest('hex');

// The rules under test: docs/contracts.md#idempotency.
describe('idempotency of POST requests', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;
  let png: Buffer;
  let brokenCalls = 0;

  beforeAll(async () => {
    png = await fixture('png-alpha.png');
    const slow = serve(png, 'image/png');
    host = await startFileHost({
      '/slow.png': async (request, response) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return slow(request, response);
      },
      '/a.png': serve(png, 'image/png'),
      '/page.html': serve(Buffer.from('<html>hi</html>'), 'text/html'),
      '/b.png': serve(png, 'image/png'),
      '/c.png': serve(png, 'image/png'),
      '/e.png': serve(png, 'image/png'),
      '/broken.png': (request, response) => {
        brokenCalls += 1;
        if (brokenCalls === 1) {
          response.writeHead(200, { 'Content-Length': String(png.length) });
          response.write(png.subarray(0, 100));
          setTimeout(() => response.destroy(), 20);
          return;
        }
        return serve(png, 'image/png')(request, response);
      },
    });
    t = await startTestApp({ FETCH_ALLOW_PRIVATE_ADDRESSES: 'true' });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await host?.close();
  });

  const recordCount = async (key: string) =>
    (
      await queryDatabase(
        'SELECT 1 FROM idempotency_records WHERE workspace_id = $1 AND key = $2',
        [ws.workspace.id, keyHash(key)],
      )
    ).length;

  function post(
    body: unknown,
    key?: string,
    apiKey = ws.apiKey,
    path = '/v1/media',
  ): Promise<Response> {
    return fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${apiKey}`,
        'Content-Type': 'application/json',
        ...(key === undefined ? {} : { 'Idempotency-Key': key }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  const downloads = (path: string) =>
    host.requests.filter((request) => request.path === path).length;

  async function mediaCount(workspaceId = ws.workspace.id): Promise<number> {
    const [{ n }] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM media WHERE workspace_id = $1', [
        workspaceId,
      ]);
    return n;
  }

  it('20 concurrent requests with one key and body download once, create one item, and all answer alike', async () => {
    const before = await mediaCount();
    const body = { url: `${host.baseUrl}/slow.png` };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(body, 'concurrent-1')),
    );
    const texts = await Promise.all(responses.map((r) => r.text()));
    const created = responses
      .map((response, index) => ({ response, text: texts[index] }))
      .filter(({ response }) => response.status === 201);
    const waiting = responses.filter((response) => response.status === 409);
    expect(created.length + waiting.length).toBe(20);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map(({ text }) => text)).size).toBe(1);
    expect(
      created.filter(
        ({ response }) =>
          response.headers.get('idempotent-replayed') === 'true',
      ),
    ).toHaveLength(created.length - 1);
    for (const response of waiting) {
      expect(response.headers.get('retry-after')).toBe('1');
    }
    expect(
      waiting.every((_, index) =>
        texts[responses.indexOf(waiting[index])].includes(
          'idempotency_in_progress',
        ),
      ),
    ).toBe(true);
    expect(downloads('/slow.png')).toBe(1);
    expect(await mediaCount()).toBe(before + 1);
  });

  it('derives a key from the body when none is sent: the same body twice is a replay', async () => {
    const first = await post({ url: `${host.baseUrl}/a.png` });
    const second = await post({ url: `${host.baseUrl}/a.png` });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.text()).toBe(await first.text());
    expect(downloads('/a.png')).toBe(1);
  });

  it('replays for the same key and body in another key order, and refuses another body with 409', async () => {
    const first = await post({ url: `${host.baseUrl}/b.png` }, 'order-1');
    expect(first.status).toBe(201);
    const reordered = await post(
      `{ "url" : ${JSON.stringify(`${host.baseUrl}/b.png`)} }`,
      'order-1',
    );
    expect(reordered.status).toBe(201);
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
    const other = await post({ url: `${host.baseUrl}/c.png` }, 'order-1');
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: 'idempotency_conflict' });
    expect(downloads('/c.png')).toBe(0);
  });

  it('keeps two workspaces apart under the same key', async () => {
    const other = await t.createWorkspace();
    const mine = await post({ url: `${host.baseUrl}/c.png` }, 'shared-key');
    const theirs = await post(
      { url: `${host.baseUrl}/c.png` },
      'shared-key',
      other.apiKey,
    );
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect((await theirs.json()).id).not.toBe((await mine.json()).id);
    expect(await mediaCount(other.workspace.id)).toBe(1);
  });

  it('does not keep a refused body: the key then works with a corrected one', async () => {
    const refused = await post({ link: 'x' }, 'fix-me');
    expect(refused.status).toBe(400);
    const fixed = await post({ url: `${host.baseUrl}/a.png` }, 'fix-me');
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps a 4xx from the handler and replays it exactly', async () => {
    const first = await post({ url: `${host.baseUrl}/page.html` }, 'kept-4xx');
    expect(first.status).toBe(400);
    const firstBody = await first.text();
    const again = await post({ url: `${host.baseUrl}/page.html` }, 'kept-4xx');
    expect(again.status).toBe(400);
    expect(downloads('/page.html')).toBe(1);
    expect(await again.text()).toBe(firstBody);
    expect(again.headers.get('content-type')).toMatch(
      /^application\/problem\+json/,
    );
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('does not keep a 5xx: the same key runs again', async () => {
    const failed = await post(
      { url: `${host.baseUrl}/broken.png` },
      'retry-5xx',
    );
    expect(failed.status).toBe(500);
    const retried = await post(
      { url: `${host.baseUrl}/broken.png` },
      'retry-5xx',
    );
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(brokenCalls).toBe(2);
  });

  it.each([
    ['over 255 characters', 'k'.repeat(256)],
    ['with a control character', 'bad\u0001key'],
  ])('refuses a key %s with 400', async (_, key) => {
    const response = await post({ url: `${host.baseUrl}/a.png` }, key).catch(
      (error: unknown) => error,
    );
    if (response instanceof Response) {
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].field).toBe('Idempotency-Key');
    } else {
      // fetch itself refuses to send some header values; nothing reached the API.
      expect(response).toBeInstanceOf(TypeError);
    }
  });

  it('applies to other POST routes when a key is sent', async () => {
    const body = {
      filename: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 10,
    };
    const first = await post(body, 'presign-1', ws.apiKey, '/v1/media/upload');
    const second = await post(body, 'presign-1', ws.apiKey, '/v1/media/upload');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const firstText = await first.text();
    expect(await second.text()).toBe(firstText);
    const unkeyed = await post(body, undefined, ws.apiKey, '/v1/media/upload');
    expect(unkeyed.status).toBe(201);
    expect((await unkeyed.json()).mediaId).not.toBe(
      JSON.parse(firstText).mediaId,
    );
  });

  it('is honoured by every POST route of the API', async () => {
    const document = JSON.parse(
      await readFile(new URL('../openapi.json', import.meta.url), 'utf8'),
    ) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths)
      .filter(
        ([path, operations]) => path.startsWith('/v1/') && operations.post,
      )
      .map(([path]) =>
        path.replaceAll(/\{[^}]+\}/g, 'media_000000000000000000000000'),
      );
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const path of routes) {
      // The key is checked before the body or the id: a malformed one is refused on every route.
      const response = await post({}, 'k'.repeat(256), ws.apiKey, path);
      expect([path, response.status]).toEqual([path, 400]);
      expect((await response.json()).errors[0].field).toBe('Idempotency-Key');
    }
  });

  it('keeps no refusal under a derived key: the same body is judged again once its cause is fixed', async () => {
    // The same workspace and database, on a server refusing private source addresses (the default).
    const strict = await startTestApp();
    try {
      const body = { url: `${host.baseUrl}/e.png` };
      const send = (app: TestApp) =>
        fetch(`${app.baseUrl}/v1/media`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${ws.apiKey}`,
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(body),
        });
      const refused = await send(strict);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      const again = await send(strict);
      expect(again.status).toBe(refused.status);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect((await again.json()).requestId).not.toBe(
        (await refused.json()).requestId,
      );
      // FETCH_ALLOW_PRIVATE_ADDRESSES=true: the same request now runs, and only now is kept.
      const accepted = await send(t);
      expect(accepted.status).toBe(201);
      expect(accepted.headers.get('idempotent-replayed')).toBeNull();
      const replayed = await send(t);
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');
      expect(downloads('/e.png')).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it('keeps a receipt of an answer over IDEMPOTENCY_MAX_RESPONSE_BYTES: a repeat names the items it created and creates none', async () => {
    const small = await startTestApp({
      IDEMPOTENCY_MAX_RESPONSE_BYTES: '1024',
    });
    try {
      const send = () =>
        fetch(`${small.baseUrl}/v1/media/bulk-presign`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${ws.apiKey}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': 'bulk-too-large',
          },
          body: JSON.stringify({
            files: ['a', 'b', 'c', 'd'].map((name) => ({
              filename: `${name}.mp4`,
              contentType: 'video/mp4',
              size: 1000,
            })),
          }),
        });
      const first = await send();
      expect(first.status).toBe(201);
      const text = await first.text();
      expect(Buffer.byteLength(text)).toBeGreaterThan(1024);
      const ids = (
        JSON.parse(text) as { uploads: Array<{ mediaId: string }> }
      ).uploads.map((upload) => upload.mediaId);
      const again = await send();
      expect(again.status).toBe(409);
      const problem = (await again.json()) as { code: string; message: string };
      expect(problem.code).toBe('idempotency_conflict');
      expect(problem.message).toContain(`It created ${ids.join(', ')}`);
      const [{ n }] = await queryDatabase<{ n: number }>(
        `SELECT count(*)::int AS n FROM media WHERE workspace_id = $1 AND id = ANY($2)`,
        [ws.workspace.id, ids],
      );
      expect(n).toBe(4);
    } finally {
      await small.close();
    }
  });

  it('sweeps records past their 24 h window; a key past it runs afresh', async () => {
    for (const key of ['sweep-1', 'sweep-2', 'sweep-3']) {
      expect((await post({ url: `${host.baseUrl}/a.png` }, key)).status).toBe(
        201,
      );
    }
    await queryDatabase(
      `UPDATE idempotency_records SET expires_at = now() - interval '1 second'
       WHERE workspace_id = $1 AND key = ANY($2)`,
      [ws.workspace.id, [keyHash('sweep-1'), keyHash('sweep-2')]],
    );
    // Past its window but not swept yet: not replayed, run as new.
    const afresh = await post({ url: `${host.baseUrl}/a.png` }, 'sweep-2');
    expect(afresh.status).toBe(201);
    expect(afresh.headers.get('idempotent-replayed')).toBeNull();

    // Another app of the run, sharing this database, may have swept it first: what counts is
    // which records are left.
    await t.app.get(IdempotencySweeper).sweep();
    expect(await recordCount('sweep-1')).toBe(0);
    expect(await recordCount('sweep-2')).toBe(1);
    expect(await recordCount('sweep-3')).toBe(1);
  });
});

describe('a request whose process was killed mid-way', () => {
  const LEASE_SECONDS = 3;
  let host: FileHost;
  let storageDir: string;
  let hangs = true;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    const png = await fixture('png-alpha.png');
    host = await startFileHost({
      '/hang.png': (request, response) => {
        if (hangs) return; // never answered: the request is in flight when its process dies
        return serve(png, 'image/png')(request, response);
      },
    });
    storageDir = await mkdtemp(join(tmpdir(), 'media-api-storage-'));
  });
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await host?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  const start = async () => {
    const server = startServerProcess(await freePort(), {
      ...testEnvironment({
        FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
        IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS),
      }),
      LOCAL_STORAGE_DIR: storageDir,
    });
    servers.push(server);
    await server.ready();
    return server;
  };

  // Two server processes boot in this test; Vitest's timeout is the only bound on a busy machine.
  it(
    `frees its key once the lease (IDEMPOTENCY_LEASE_SECONDS, ${LEASE_SECONDS} s) of the dead request lapses`,
    {
      timeout: 90_000,
    },
    async () => {
      const { apiKey: key, workspaceId } =
        await createWorkspaceWithCli('media:write');
      const send = (server: ServerProcess) =>
        fetch(`${server.baseUrl}/v1/media`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${key}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': 'crash-1',
          },
          body: JSON.stringify({ url: `${host.baseUrl}/hang.png` }),
        });
      const first = await start();
      const second = await start();
      const lost = send(first).catch(() => 'connection lost');
      await waitUntil(() => host.requests.length > 0);
      expect(host.requests).toHaveLength(1);

      // While its request runs, the first process holds (and renews) the lease: the key is taken.
      const duplicate = await send(second);
      expect(duplicate.status).toBe(409);
      expect(await duplicate.json()).toMatchObject({
        code: 'idempotency_in_progress',
      });

      first.child.kill('SIGKILL');
      await first.exited;
      expect(await lost).toBe('connection lost');
      // What is left is a lease nobody renews: a running record (no answer) that lapses within
      // IDEMPOTENCY_LEASE_SECONDS, never one kept like an answer.
      const records = await queryDatabase<{
        status: number | null;
        leaseLeftMs: number;
      }>(
        `SELECT status, (extract(epoch FROM lease_expires_at - now()) * 1000)::float8 AS "leaseLeftMs"
         FROM idempotency_records WHERE workspace_id = $1 AND key = $2`,
        [workspaceId, keyHash('crash-1')],
      );
      expect(records).toHaveLength(1);
      expect(records[0].status).toBeNull();
      expect(records[0].leaseLeftMs).toBeLessThanOrEqual(LEASE_SECONDS * 1_000);
      hangs = false;

      // A client retrying: told the request is in progress until the lease lapses, then it runs.
      let response = await send(second);
      while (response.status === 409) {
        expect(await response.json()).toMatchObject({
          code: 'idempotency_in_progress',
        });
        await new Promise((resolve) => setTimeout(resolve, 250));
        response = await send(second);
      }
      expect(response.status).toBe(201);
      expect(response.headers.get('idempotent-replayed')).toBeNull();
      expect(host.requests).toHaveLength(2);
    },
  );
});

describe('idempotency records beside the data, not in Redis', () => {
  let redis: OwnRedis;
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;

  beforeAll(async () => {
    const png = await fixture('png-alpha.png');
    host = await startFileHost({ '/r.png': serve(png, 'image/png') });
    redis = await startOwnRedis();
    t = await startTestApp({
      REDIS_URL: redis.url,
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
    });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await redis?.start().catch(() => undefined);
    await t?.close();
    await redis?.kill();
    await host?.close();
  });

  const send = (path: string, body: unknown, key: string) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: JSON.stringify(body),
    });

  it('replays a request after Redis was killed and restarted empty: same item, no second run', async () => {
    const body = { url: `${host.baseUrl}/r.png` };
    const first = await send('/v1/media', body, 'outlives-redis');
    expect(first.status).toBe(201);
    const firstText = await first.text();

    await redis.kill();
    await redis.start();

    const again = await send('/v1/media', body, 'outlives-redis');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(firstText);
    const items = await queryDatabase<{ id: string }>(
      'SELECT id FROM media WHERE workspace_id = $1',
      [ws.workspace.id],
    );
    expect(items.map(({ id }) => id)).toEqual([JSON.parse(firstText).id]);
    expect(host.requests.filter((r) => r.path === '/r.png')).toHaveLength(1);
  });

  it('keeps webhook secrets out of every Redis key and value and out of every unencrypted column', async () => {
    const created = await send(
      '/v1/webhooks',
      { url: `${host.baseUrl}/hook`, events: ['media.uploaded'] },
      'webhook-1',
    );
    expect(created.status).toBe(201);
    const endpoint = (await created.json()) as { id: string; secret: string };
    const rotated = await send(
      `/v1/webhooks/${endpoint.id}/rotate-secret`,
      {},
      'rotate-1',
    );
    expect(rotated.status).toBe(200);
    const { secret: newSecret } = (await rotated.json()) as { secret: string };
    // Both answers are kept, and replayed with their secrets.
    for (const [path, body, key, secret] of [
      [
        '/v1/webhooks',
        { url: `${host.baseUrl}/hook`, events: ['media.uploaded'] },
        'webhook-1',
        endpoint.secret,
      ],
      [`/v1/webhooks/${endpoint.id}/rotate-secret`, {}, 'rotate-1', newSecret],
    ] as const) {
      const replay = await send(path, body, key);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect((await replay.json()).secret).toBe(secret);
    }

    const needles = [endpoint.secret, newSecret].flatMap((secret) => [
      secret,
      secret.slice('whsec_'.length),
    ]);
    const client = new Redis(redis.url);
    try {
      const seen: string[] = [];
      for await (const keys of client.scanStream({ count: 500 })) {
        for (const key of keys as string[]) {
          seen.push(key);
          const type = await client.type(key);
          if (type === 'string') seen.push((await client.get(key)) ?? '');
          else if (type === 'hash')
            seen.push(JSON.stringify(await client.hgetall(key)));
          else if (type === 'list')
            seen.push(...(await client.lrange(key, 0, -1)));
          else if (type === 'set') seen.push(...(await client.smembers(key)));
          else if (type === 'zset')
            seen.push(...(await client.zrange(key, 0, -1)));
          else if (type === 'stream')
            seen.push(JSON.stringify(await client.xrange(key, '-', '+')));
        }
      }
      for (const needle of needles) {
        expect(seen.filter((text) => text.includes(needle))).toEqual([]);
      }
    } finally {
      client.disconnect();
    }

    const tables = await queryDatabase<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(tables.map(({ tablename }) => tablename)).toContain(
      'idempotency_records',
    );
    for (const { tablename } of tables) {
      for (const needle of needles) {
        const found = await queryDatabase(
          `SELECT 1 FROM "${tablename}" row WHERE strpos(row::text, $1) > 0`,
          [needle],
        );
        expect([tablename, found.length]).toEqual([tablename, 0]);
      }
    }
  });
});

describe('the record store refusing the answer after the handler succeeded', () => {
  const database = isolatedDatabase('idempotency_store');
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));

  beforeAll(async () => {
    const png = await fixture('png-alpha.png');
    host = await startFileHost({
      '/held.png': async (request, response) => {
        await released;
        return serve(png, 'image/png')(request, response);
      },
    });
    t = await startTestApp({
      DATABASE_URL: database.url,
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
    });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    release();
    await t?.close();
    await host?.close();
    await database.drop();
  });

  it('answers the real response, and a retry replays it once the record could be stored', async () => {
    const send = () =>
      fetch(`${t.baseUrl}/v1/media`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${ws.apiKey}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'store-refuses',
        },
        body: JSON.stringify({ url: `${host.baseUrl}/held.png` }),
      });
    const pending = send();
    await waitUntil(() => host.requests.length > 0);
    // While the handler runs, the table starts refusing every answer (the claim is in already).
    await queryDatabase(
      `ALTER TABLE idempotency_records
         ADD CONSTRAINT refuse_answers CHECK (status IS NULL) NOT VALID`,
      [],
      database.url,
    );
    release();
    const first = await pending;
    expect(first.status).toBe(201);
    const firstText = await first.text();
    expect(JSON.parse(firstText)).toMatchObject({ id: expect.any(String) });

    // The key stays held while the app keeps trying to store the answer: never a second run.
    const held = await send();
    expect(held.status).toBe(409);
    expect(await held.json()).toMatchObject({
      code: 'idempotency_in_progress',
    });

    await queryDatabase(
      'ALTER TABLE idempotency_records DROP CONSTRAINT refuse_answers',
      [],
      database.url,
    );
    const replay = await waitFor(send, (response) => response.status !== 409, {
      intervalMs: 250,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(firstText);
    expect(host.requests).toHaveLength(1);
    const items = await queryDatabase(
      'SELECT id FROM media WHERE workspace_id = $1',
      [ws.workspace.id],
      database.url,
    );
    expect(items).toHaveLength(1);
  });
});

describe('a request whose process died after its effect committed, before its answer was stored', () => {
  const LEASE_SECONDS = 3;
  const database = isolatedDatabase('idempotency_recovery');
  let t: TestApp;
  let ws: TestWorkspace;
  let doomed: ServerProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    t = await startTestApp({
      DATABASE_URL: database.url,
      IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS),
    });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await doomed?.stop();
    await t?.close();
    await database.drop();
  });

  const presign = (baseUrl: string, key: string) =>
    fetch(`${baseUrl}/v1/media/upload`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: JSON.stringify({
        filename: 'photo.png',
        contentType: 'image/png',
        sizeBytes: 1_000,
      }),
    });

  // A server process boots in this test; Vitest's timeout is the only bound on a busy machine.
  it('never runs it again: a retry is told what it created', async () => {
    doomed = startServerProcess(await freePort(), {
      ...testEnvironment({ IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS) }),
      DATABASE_URL: database.url,
      LOCAL_STORAGE_DIR: t.storageDir,
    });
    await doomed.ready();
    // Every answer is refused from now on, so the doomed process holds the answer and keeps trying.
    await queryDatabase(
      `ALTER TABLE idempotency_records
         ADD CONSTRAINT refuse_answers CHECK (status IS NULL) NOT VALID`,
      [],
      database.url,
    );
    const first = await presign(doomed.baseUrl, 'effect-then-crash');
    expect(first.status).toBe(201);
    const { mediaId: id } = (await first.json()) as { mediaId: string };
    // The item and the record's recovery point committed together.
    const [record] = await queryDatabase<{ created: string[] }>(
      'SELECT created FROM idempotency_records WHERE workspace_id = $1 AND key = $2',
      [ws.workspace.id, keyHash('effect-then-crash')],
      database.url,
    );
    expect(record.created).toEqual([id]);

    doomed.child.kill('SIGKILL');
    await doomed.exited;
    await queryDatabase(
      'ALTER TABLE idempotency_records DROP CONSTRAINT refuse_answers',
      [],
      database.url,
    );
    // In progress while the dead process's lease runs out; then never run again.
    const retry = await waitFor(
      () => presign(t.baseUrl, 'effect-then-crash'),
      (response) => response.headers.get('retry-after') === null,
      { intervalMs: 250 },
    );
    expect(retry.status).toBe(409);
    const problem = (await retry.json()) as { code: string; message: string };
    expect(problem.code).toBe('idempotency_conflict');
    expect(problem.message).toContain(`It created ${id}:`);
    expect(problem.message).toContain('refresh-presign');
    const items = await queryDatabase<{ id: string }>(
      'SELECT id FROM media WHERE workspace_id = $1',
      [ws.workspace.id],
      database.url,
    );
    expect(items.map((item) => item.id)).toEqual([id]);
  });

  it('writes nothing when a retry took the key over before the effect committed', async () => {
    const records = t.app.get(IdempotencyRecordRepository);
    const media = t.app.get(MediaRepository);
    const key = keyHash('taken-over');
    const fingerprint = 'f'.repeat(64);
    const late = randomUUID();
    // The first request's lease lapses (1 ms) and a retry takes the key over.
    await records.claim(ws.workspace.id, key, fingerprint, late, 1);
    const retry = randomUUID();
    await waitFor(
      () => records.claim(ws.workspace.id, key, fingerprint, retry, 60_000),
      (claim) => claim !== null && 'owner' in claim,
      { intervalMs: 20 },
    );
    const item = (owner: string) => ({
      owner,
      row: mediaRow({ workspaceId: ws.workspace.id }),
    });
    const lateItem = item(late);
    const retryItem = item(retry);
    // Both effects arrive together, so they may share one INSERT: only the late one is refused.
    const [lateInsert, retryInsert] = await Promise.allSettled(
      [lateItem, retryItem].map(({ owner, row }) =>
        recoveryPoints.run(
          records.recoveryPoint(ws.workspace.id, key, owner),
          () => media.insertAll([row]),
        ),
      ),
    );
    expect(lateInsert).toMatchObject({
      status: 'rejected',
      reason: expect.any(RecoveryPointLost),
    });
    expect(retryInsert.status).toBe('fulfilled');
    const stored = await queryDatabase<{ id: string }>(
      'SELECT id FROM media WHERE id = ANY($1)',
      [[lateItem.row.id, retryItem.row.id]],
      database.url,
    );
    expect(stored.map((row) => row.id)).toEqual([retryItem.row.id]);
    const [record] = await queryDatabase<{ created: string[]; owner: string }>(
      'SELECT created, owner FROM idempotency_records WHERE workspace_id = $1 AND key = $2',
      [ws.workspace.id, key],
      database.url,
    );
    expect(record).toEqual({ created: [retryItem.row.id], owner: retry });
  });
});
