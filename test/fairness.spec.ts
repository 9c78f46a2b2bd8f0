import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { inject } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { isolatedDatabase } from './support/database.js';
import {
  startFileHost,
  type FileHost,
  type Route,
} from './support/file-host.js';
import { fixture } from './support/media.js';
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

const TOKEN = 'ya29.fairness-import-token-0123456789';
const METRICS_TOKEN = 'fairness-metrics-token-0123456789';
const IMPORT_CAP = 2;
const WEBHOOK_CAP = 4;

/**
 * The fairness caps (README#fairness) with real processes: the API in this process and two worker
 * processes (`APP_ROLE=worker`) sharing one database and one Redis, so a cap holds only if its
 * accounting lives in Redis. Slow work is sources and receivers on 127.0.0.1 that hold their
 * requests open until the test lets them go; nothing here measures time.
 */
describe('fair sharing of slow work across worker processes', () => {
  // The workers' sweeps and relay act on their whole database: theirs alone.
  const db = isolatedDatabase('fairness');
  const workers: ServerProcess[] = [];
  let t: TestApp;
  let png: Buffer;

  beforeAll(async () => {
    await ensureBuilt();
    png = await fixture('png-alpha.png');
    const shared = {
      DATABASE_URL: db.url,
      REDIS_KEY_PREFIX: `${inject('redisKeyPrefix')}-fairness`,
      STORAGE_SIGNING_SECRET: 'fairness-test-signing-secret-0123456789',
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      // A receiver that never answers is dead for the whole test, not retried within it.
      WEBHOOK_TIMEOUT_SECONDS: '120',
      RECONCILER_INTERVAL_SECONDS: '0',
      METRICS_TOKEN,
    };
    t = await startTestApp({ ...shared, APP_ROLE: 'api' });
    for (let n = 0; n < 2; n += 1) {
      const port = await freePort();
      const worker = startServerProcess(port, {
        ...testEnvironment(shared),
        APP_ROLE: 'worker',
        LOCAL_STORAGE_DIR: t.storageDir,
        WORKER_HEALTH_PORT: String(port),
        LOG_LEVEL: 'info',
      });
      workers.push(worker);
    }
    // A worker's probe listener answers /health/ready on its PORT.
    await Promise.all(workers.map((worker) => worker.ready(60_000)));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await t?.close();
    await db.drop();
  });

  beforeEach((context) => {
    context.onTestFailed(() => {
      for (const [index, worker] of workers.entries()) {
        process.stderr.write(
          `\n--- worker ${index + 1} ---\n${worker.output().slice(-20_000)}\n`,
        );
      }
    });
  });

  async function call(
    ws: TestWorkspace,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, any> }> {
    const response = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const raw = await response.text();
    return { status: response.status, body: raw ? JSON.parse(raw) : {} };
  }

  async function importFrom(
    ws: TestWorkspace,
    downloadUrl: string,
  ): Promise<string> {
    const started = await call(ws, 'POST', '/v1/media/import-from-url', {
      downloadUrl,
      filename: 'picture.png',
      mimeType: 'image/png',
      accessToken: TOKEN,
    });
    expect(started.status).toBe(202);
    return started.body.jobId as string;
  }

  async function importStatus(ws: TestWorkspace, jobId: string) {
    const { body } = await call(ws, 'GET', `/v1/media/import/${jobId}/status`);
    return body.status as string;
  }

  /** The sum of a counter's samples over the worker processes' /metrics. */
  async function workerCounter(name: string, label: string): Promise<number> {
    let total = 0;
    for (const worker of workers) {
      const body = await fetch(`${worker.baseUrl}/metrics`, {
        headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
      }).then((response) => response.text());
      for (const line of body.split('\n')) {
        if (line.startsWith(`${name}{`) && line.includes(label)) {
          total += Number(line.split(' ').at(-1));
        }
      }
    }
    return total;
  }

  it("completes a second workspace's import while the first has ten slow imports, running at most IMPORT_WORKSPACE_CONCURRENCY of them at once", async () => {
    // Ten slow sources: a byte a second of a real PNG, the rest only once released.
    let released = false;
    let open = 0;
    let mostOpen = 0;
    const slow: Route = (_request, response) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      response.on('close', () => (open -= 1));
      response.writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': String(png.length),
      });
      let sent = 0;
      const trickle = () => {
        if (released || sent >= png.length - 1) {
          response.end(png.subarray(sent));
          return;
        }
        response.write(png.subarray(sent, sent + 1));
        sent += 1;
        timer = setTimeout(trickle, 1_000);
      };
      let timer = setTimeout(trickle, 0);
      response.on('close', () => clearTimeout(timer));
    };
    const routes: Record<string, Route> = {
      '/b.png': (_request, response) => {
        response
          .writeHead(200, {
            'Content-Type': 'image/png',
            'Content-Length': String(png.length),
          })
          .end(png);
      },
    };
    for (let n = 0; n < 10; n += 1) routes[`/a/${n}.png`] = slow;
    const host: FileHost = await startFileHost(routes);
    try {
      const first = await t.createWorkspace();
      const second = await t.createWorkspace();
      const slowImports: string[] = [];
      for (let n = 0; n < 10; n += 1) {
        slowImports.push(await importFrom(first, `${host.baseUrl}/a/${n}.png`));
      }
      // Both workers have 4 import slots each; the first workspace gets 2 of the 8.
      await vi.waitFor(() => expect(open).toBe(IMPORT_CAP), {
        timeout: 20_000,
        interval: 50,
      });
      // Every one of its other imports has been looked at and sent back to wait.
      await vi.waitFor(
        async () =>
          expect(
            await workerCounter(
              'media_api_job_cap_waits_total',
              'cap="imports"',
            ),
          ).toBeGreaterThanOrEqual(10 - IMPORT_CAP),
        { timeout: 20_000, interval: 100 },
      );

      const quick = await importFrom(second, `${host.baseUrl}/b.png`);
      await vi.waitFor(
        async () => expect(await importStatus(second, quick)).toBe('complete'),
        { timeout: 20_000, interval: 100 },
      );
      // ...while the first workspace's imports are all still running or waiting their turn.
      for (const jobId of slowImports) {
        expect(await importStatus(first, jobId)).toBe('importing');
      }
      expect(open).toBe(IMPORT_CAP);
      expect(
        host.requests.filter((r) => r.path.startsWith('/a/')),
      ).toHaveLength(IMPORT_CAP);

      released = true;
      await vi.waitFor(
        async () => {
          for (const jobId of slowImports) {
            expect(await importStatus(first, jobId)).toBe('complete');
          }
        },
        { timeout: 60_000, interval: 200 },
      );
      // Waiting lost nothing and never let a third run: each source was asked once, two at a time.
      expect(mostOpen).toBe(IMPORT_CAP);
      expect(
        host.requests.filter((r) => r.path.startsWith('/a/')),
      ).toHaveLength(10);
    } finally {
      released = true;
      await host.close();
    }
  }, 120_000);

  it("delivers to a live endpoint while a dead one holds WEBHOOK_ENDPOINT_CONCURRENCY attempts, and delivers the dead one's backlog once it answers", async () => {
    const receiver = await startReceiver();
    try {
      const first = await t.createWorkspace();
      const second = await t.createWorkspace();
      const dead = await call(first, 'POST', '/v1/webhooks', {
        url: `${receiver.baseUrl}/dead`,
        events: ['media.uploaded'],
      });
      expect(dead.status, JSON.stringify(dead.body)).toBe(201);
      const live = await call(second, 'POST', '/v1/webhooks', {
        url: `${receiver.baseUrl}/live`,
        events: ['media.uploaded'],
      });
      expect(live.status).toBe(201);

      // Eight items: eight deliveries to the dead endpoint.
      const host = await startFileHost({
        '/x.png': (_request, response) => {
          response.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
        },
      });
      try {
        for (let n = 0; n < 8; n += 1) {
          // Distinct URLs: the same one again would replay the first item (derived idempotency key).
          const created = await call(first, 'POST', '/v1/media', {
            url: `${host.baseUrl}/x.png?n=${n}`,
          });
          expect(created.status).toBe(201);
        }
        await vi.waitFor(() => expect(receiver.held()).toBe(WEBHOOK_CAP), {
          timeout: 20_000,
          interval: 50,
        });
        await vi.waitFor(
          async () =>
            expect(
              await workerCounter(
                'media_api_job_cap_waits_total',
                'cap="deliveries"',
              ),
            ).toBeGreaterThan(0),
          { timeout: 20_000, interval: 100 },
        );

        const created = await call(second, 'POST', '/v1/media', {
          url: `${host.baseUrl}/x.png`,
        });
        expect(created.status).toBe(201);
        await vi.waitFor(() => expect(receiver.at('/live')).toHaveLength(1), {
          timeout: 20_000,
          interval: 50,
        });
        // The dead endpoint still holds its four attempts, and got no fifth.
        expect(receiver.held()).toBe(WEBHOOK_CAP);
        expect(receiver.at('/dead')).toHaveLength(WEBHOOK_CAP);

        // It comes back: the held attempts succeed and its waiting deliveries follow, four at most
        // at a time.
        receiver.revive();
        await vi.waitFor(
          () => {
            const ids = new Set(
              receiver.at('/dead').map((d) => d.headers['webhook-id']),
            );
            expect(ids.size).toBe(8);
          },
          { timeout: 60_000, interval: 100 },
        );
        expect(receiver.mostHeld()).toBe(WEBHOOK_CAP);
      } finally {
        await host.close();
      }
    } finally {
      await receiver.close();
    }
  }, 120_000);
});

interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A webhook receiver whose `/dead` path holds every request open until `revive`; others get 200. */
async function startReceiver() {
  const received: Delivery[] = [];
  const held = new Set<ServerResponse>();
  let most = 0;
  let alive = false;
  const server = createServer((request, response) => {
    void text(request).then(() => {
      const path = new URL(request.url ?? '/', 'http://receiver').pathname;
      received.push({ path, headers: request.headers });
      if (path === '/dead' && !alive) {
        held.add(response);
        most = Math.max(most, held.size);
        response.on('close', () => held.delete(response));
        return;
      }
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    at: (path: string) => received.filter((d) => d.path === path),
    held: () => held.size,
    mostHeld: () => most,
    revive() {
      alive = true;
      for (const response of held) response.writeHead(200).end();
    },
    close: () => {
      for (const response of held) response.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
