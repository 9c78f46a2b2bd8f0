/**
 * Webhook delivery throughput: events written straight into the `media_events` outbox are relayed
 * and delivered, signed, to a receiver on 127.0.0.1 that answers 204 at once, by 1 and then 2
 * worker processes (`node dist/src/main.js`, APP_ROLE=worker) on the same PostgreSQL and Redis.
 * Run with `npm run bench:webhooks`. Not a test: it prints numbers for a human to compare.
 *
 * Each round inserts EVENTS events in one statement and times from that commit to the last
 * delivery received, so the relay's 1 s polling is included. Beside it, the same receiver is
 * driven by a bare fetch loop from this process (16 requests in flight, like one worker), the
 * floor of what any delivery pipeline could do here.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import {
  startServerProcess,
  type ServerProcess,
} from '../test/support/server-process.js';
import { freePort } from '../test/support/test-app.js';
import { dropBenchDatabase } from './support.js';

const EVENTS = 2_000;
const BASELINE_REQUESTS = 4_000;
const BASELINE_CONCURRENCY = 16;
const SERVER = 'postgres://postgres@127.0.0.1:5432';

interface Receiver {
  url: string;
  received: number;
  lastAt: number;
  firstBody?: { body: string; headers: Record<string, string> };
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.received += 1;
      receiver.lastAt = performance.now();
      receiver.firstBody ??= {
        body: Buffer.concat(chunks).toString('utf8'),
        headers: request.headers as Record<string, string>,
      };
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: Receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: 0,
    lastAt: 0,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}

async function until(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function baseline(url: string, receiver: Receiver): Promise<number> {
  const body = JSON.stringify({ id: 'evt_baseline', data: { media: {} } });
  const before = receiver.received;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: BASELINE_CONCURRENCY }, async () => {
      while (next < BASELINE_REQUESTS) {
        next += 1;
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
      }
    }),
  );
  return (receiver.received - before) / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const database = `media_api_bench_webhooks_${Date.now().toString(36)}`;
  const storageDir = await mkdtemp(join(tmpdir(), 'bench-webhooks-'));
  const receiver = await startReceiver();
  const env = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: `${SERVER}/${database}`,
    REDIS_KEY_PREFIX: database,
    LOCAL_STORAGE_DIR: storageDir,
    DEV_WORKSPACE_SEED: 'true',
    RATE_LIMIT_ENABLED: 'false',
    RECONCILER_INTERVAL_SECONDS: '0',
    FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
    WORKER_HEALTH_PORT: '0',
  };
  const processes: ServerProcess[] = [];
  const outbox = new pg.Client({ connectionString: `${SERVER}/${database}` });
  try {
    const api = startServerProcess(await freePort(), {
      ...env,
      APP_ROLE: 'api',
    });
    processes.push(api);
    await api.ready();
    const apiKey = /mk_live_[0-9A-Za-z]{32}/.exec(api.output())![0];
    const created = (await (
      await fetch(`${api.baseUrl}/v1/webhooks`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${apiKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ url: receiver.url, events: ['media.uploaded'] }),
      })
    ).json()) as { id: string; secret: string };
    await outbox.connect();
    const [{ workspace_id: workspaceId }] = (
      await outbox.query<{ workspace_id: string }>(
        'SELECT workspace_id FROM webhook_endpoints WHERE id = $1',
        [created.id],
      )
    ).rows;
    const insertEvents = (count: number) =>
      outbox.query(
        `WITH event AS (
           INSERT INTO media_events (id, workspace_id, media_id, type, data)
           SELECT 'evt_' || substr(md5($2 || n), 1, 24), $1, 'media_' || substr(md5($2 || n), 1, 24),
                  'media.uploaded',
                  jsonb_build_object('id', 'media_' || substr(md5($2 || n), 1, 24), 'filename', 'bench.jpg',
                                     'contentType', 'image/jpeg', 'status', 'PROCESSING')
           FROM generate_series(1, $3) AS n
           RETURNING seq, id, workspace_id, type)
         INSERT INTO media_event_queue (seq, event_id, workspace_id, type)
         SELECT seq, id, workspace_id, type FROM event`,
        [workspaceId, randomBytes(8).toString('hex'), count],
      );

    const results: Array<[string, number]> = [];
    for (const workers of [1, 2]) {
      while (processes.length - 1 < workers) {
        const worker = startServerProcess(await freePort(), {
          ...env,
          APP_ROLE: 'worker',
        });
        processes.push(worker);
        await until(
          () => worker.output().includes('Webhook relay runs every'),
          30_000,
          'a worker to start',
        );
      }
      // Warm-up: one event end to end, so connections and pools are open.
      const warm = receiver.received;
      await insertEvents(1);
      await until(() => receiver.received > warm, 30_000, 'the warm-up event');

      const before = receiver.received;
      const started = performance.now();
      await insertEvents(EVENTS);
      await until(
        () => receiver.received - before >= EVENTS,
        300_000,
        `${EVENTS} deliveries`,
      );
      const perSecond = EVENTS / ((receiver.lastAt - started) / 1000);
      results.push([
        `${workers} worker process${workers > 1 ? 'es' : ''}`,
        perSecond,
      ]);
    }

    new Webhook(created.secret).verify(
      receiver.firstBody!.body,
      receiver.firstBody!.headers,
    );
    const floor = await baseline(receiver.url, receiver);
    console.log(
      `\nWebhook deliveries to a local receiver (${EVENTS} events per round, signed, from outbox insert to last receipt):`,
    );
    for (const [label, perSecond] of results) {
      console.log(`  ${label.padEnd(20)} ${perSecond.toFixed(0)} deliveries/s`);
    }
    console.log(
      `  ${'bare fetch loop'.padEnd(20)} ${floor.toFixed(0)} requests/s (${BASELINE_CONCURRENCY} in flight from one process, no database, no queue)`,
    );
  } finally {
    await outbox.end();
    await Promise.all(processes.map((server) => server.stop()));
    await receiver.close();
    await rm(storageDir, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

await main();
