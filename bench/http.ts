/**
 * Requests per second and latency of the hot routes — GET /v1/media/:id, GET /v1/media?limit=20,
 * POST /v1/media/upload — against a server process with the whole stack (auth, rate limits,
 * idempotency, logging), next to a bare Express + `pg` handler doing the same primary-key read in
 * the same run (bench/http-floor.ts). 50 keep-alive connections per server, after a warm-up 20
 * pairs of 2 s slices per route, one on the route and one on the floor, their order alternating;
 * each figure is the median of the slices with its spread, and a route's ratio the median of its
 * pairs' ratios. Run with `npm run bench:http`. Not a test. The load generator shares the 2 cores
 * with the servers, as any single-machine run does. Each slice also reads the server process's CPU
 * time from /proc: CPU per request drifts much less with the machine's speed than the rate does, so
 * it is the figure to compare two builds by.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Pool } from 'undici';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import {
  startServerProcess,
  type ServerProcess,
} from '../test/support/server-process.js';
import { freePort } from '../test/support/test-app.js';
import { cpuMs, dropBenchDatabase } from './support.js';

const CONNECTIONS = 50;
const SLICE_MS = 2_000;
const PAIRS = 20;

interface Round {
  rps: number;
  p50: number;
  p99: number;
  /** The server process's CPU time (all threads) per request, µs. */
  cpu: number;
}

async function load(
  pool: Pool,
  serverPid: number,
  request: () => { method: 'GET' | 'POST'; path: string; body?: string },
  headers: Record<string, string>,
  durationMs: number,
): Promise<Round> {
  const latencies: number[] = [];
  const cpuBefore = await cpuMs(serverPid);
  const deadline = performance.now() + durationMs;
  let failures = 0;
  let failedWith = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const { method, path, body } = request();
      const started = performance.now();
      const response = await pool.request({ method, path, headers, body });
      await response.body.dump();
      latencies.push(performance.now() - started);
      if (response.statusCode >= 300) {
        failures += 1;
        failedWith = response.statusCode;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const cpu = ((await cpuMs(serverPid)) - cpuBefore) * 1000;
  if (failures > 0) {
    throw new Error(`${failures} requests failed (last: ${failedWith})`);
  }
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / (durationMs / 1000),
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
    cpu: cpu / latencies.length,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) =>
  `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

async function main(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const database = `media_api_bench_http_${Date.now().toString(36)}`;
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
  const storageDir = await mkdtemp(join(tmpdir(), 'bench-http-'));
  const api: ServerProcess = startServerProcess(await freePort(), {
    NODE_ENV: 'development',
    DEV_WORKSPACE_SEED: 'true',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    REDIS_KEY_PREFIX: database,
    LOCAL_STORAGE_DIR: storageDir,
    RECONCILER_INTERVAL_SECONDS: '0',
    WORKER_HEALTH_PORT: '0',
    // The largest tier the configuration allows; each slice also starts with a full bucket.
    RATE_LIMIT_ACTIVE_PER_MINUTE: '100000',
    RATE_LIMIT_ACTIVE_BURST: '100000',
  });
  const statistics = new pg.Client({ connectionString: databaseUrl });
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
  const floorPort = await freePort();
  const floor = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/http-floor.ts', String(floorPort), databaseUrl],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    await api.ready();
    await once(floor.stdout!, 'data');
    const key = /mk_live_[0-9A-Za-z]{32}/.exec(api.output())![0];
    api.discardOutput();
    const headers = {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
    };
    const presign = JSON.stringify({
      filename: 'bench.pdf',
      contentType: 'application/pdf',
      sizeBytes: 1000,
    });
    for (let index = 0; index < 25; index += 1) {
      await fetch(`${api.baseUrl}/v1/media/upload`, {
        method: 'POST',
        headers,
        body: presign,
      });
    }
    const { data } = (await (
      await fetch(`${api.baseUrl}/v1/media?limit=1`, { headers })
    ).json()) as { data: Array<{ id: string }> };
    const mediaId = data[0].id;
    const targets = [
      {
        name: 'floor: Express + pg SELECT',
        origin: `http://127.0.0.1:${floorPort}`,
        pid: floor.pid!,
        request: () => ({ method: 'GET' as const, path: `/media/${mediaId}` }),
      },
      {
        name: 'GET /v1/media/:id',
        origin: api.baseUrl,
        pid: api.child.pid!,
        request: () => ({
          method: 'GET' as const,
          path: `/v1/media/${mediaId}`,
        }),
      },
      {
        name: 'GET /v1/media?limit=20',
        origin: api.baseUrl,
        pid: api.child.pid!,
        request: () => ({ method: 'GET' as const, path: '/v1/media?limit=20' }),
      },
      {
        name: 'POST /v1/media/upload',
        origin: api.baseUrl,
        pid: api.child.pid!,
        request: () => ({
          method: 'POST' as const,
          path: '/v1/media/upload',
          body: presign,
        }),
      },
    ];
    // One pool per server for the whole run: its connections stay open between slices.
    const pools = new Map(
      targets.map((t) => [
        t.name,
        new Pool(t.origin, { connections: CONNECTIONS, pipelining: 1 }),
      ]),
    );
    // At several thousand requests a second the slices would drain even the largest tier within
    // a run, and a refused request costs less than a served one: the key's bucket is refilled
    // before each slice. Every request still takes its tokens in Redis.
    const slice = async (target: (typeof targets)[number]) => {
      const buckets = await redis.keys(`${database}:rate:*`);
      if (buckets.length > 0) await redis.del(...buckets);
      return load(
        pools.get(target.name)!,
        target.pid,
        target.request,
        headers,
        SLICE_MS,
      );
    };
    const results = new Map<string, Round[]>(targets.map((t) => [t.name, []]));
    for (const target of targets) {
      await slice(target);
    }
    await statistics.connect();
    const [floorTarget, ...routes] = targets;
    // The speed this shared machine gives drifts by a third within a minute: a route is compared
    // with the floor slice beside it, and the two take turns going first, so a drift during a pair
    // favours neither.
    const ratios = new Map<string, number[]>(routes.map((t) => [t.name, []]));
    for (const target of routes) {
      for (let pair = 0; pair < PAIRS; pair += 1) {
        if (pair % 5 === 0) {
          // POST slices add thousands of items within seconds, faster than autovacuum refreshes
          // the planner's statistics; stale ones make it sort the whole workspace for every list
          // page.
          await statistics.query('ANALYZE media');
        }
        const floorFirst = pair % 2 === 0;
        const first = await slice(floorFirst ? floorTarget : target);
        const second = await slice(floorFirst ? target : floorTarget);
        const [floorSlice, targetSlice] = floorFirst
          ? [first, second]
          : [second, first];
        results.get(floorTarget.name)!.push(floorSlice);
        results.get(target.name)!.push(targetSlice);
        ratios.get(target.name)!.push(targetSlice.rps / floorSlice.rps);
      }
    }
    await Promise.all([...pools.values()].map((pool) => pool.close()));
    console.log(
      `\n${CONNECTIONS} connections, ${PAIRS} pairs of ${SLICE_MS / 1000} s slices per route (route, floor); medians, spread in brackets:`,
    );
    for (const target of targets) {
      const rounds = results.get(target.name)!;
      const ratio = ratios.get(target.name);
      console.log(
        `  ${target.name.padEnd(28)} ${median(rounds.map((r) => r.rps))
          .toFixed(0)
          .padStart(
            6,
          )} req/s [${spread(rounds.map((r) => r.rps))}]  server CPU ${median(rounds.map((r) => r.cpu)).toFixed(0)} µs/req [${spread(rounds.map((r) => r.cpu))}]  p50 ${median(rounds.map((r) => r.p50)).toFixed(1)} ms  p99 ${median(rounds.map((r) => r.p99)).toFixed(1)} ms` +
          (ratio
            ? `  ${median(ratio).toFixed(2)}× floor [${Math.min(...ratio).toFixed(2)}–${Math.max(...ratio).toFixed(2)}]`
            : ''),
      );
    }
  } finally {
    await statistics.end().catch(() => undefined);
    redis.disconnect();
    floor.kill();
    await api.stop();
    await rm(storageDir, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

await main();
