/**
 * Requests per second and latency of the hot routes — GET /v1/media/:id, GET /v1/media?limit=20,
 * POST /v1/media/upload — against a server process with the whole stack (auth, rate limits,
 * idempotency, logging), next to a bare Express + `pg` handler doing the same primary-key read in
 * the same run (bench/http-floor.ts). 50 connections, after a warm-up 5 rounds of 6 s per route,
 * each right after a 6 s floor round; each figure is the median of the rounds with its spread, and
 * a route's ratio the median of its rounds' ratios to the floor round before them. Run with
 * `npm run bench:http`. Not a test. The load generator shares the 2 cores with the servers, as any
 * single-machine run does.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Pool } from 'undici';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import {
  startServerProcess,
  type ServerProcess,
} from '../test/support/server-process.js';
import { freePort } from '../test/support/test-app.js';
import { dropBenchDatabase } from './support.js';

const CONNECTIONS = 50;
const ROUND_MS = 6_000;
const ROUNDS = 5;

interface Round {
  rps: number;
  p50: number;
  p99: number;
}

async function load(
  origin: string,
  request: () => { method: 'GET' | 'POST'; path: string; body?: string },
  headers: Record<string, string>,
  durationMs: number,
): Promise<Round> {
  const pool = new Pool(origin, { connections: CONNECTIONS, pipelining: 1 });
  const latencies: number[] = [];
  const deadline = performance.now() + durationMs;
  let failures = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const { method, path, body } = request();
      const started = performance.now();
      const response = await pool.request({ method, path, headers, body });
      await response.body.dump();
      latencies.push(performance.now() - started);
      if (response.statusCode >= 300) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  await pool.close();
  if (failures > 0) throw new Error(`${failures} requests failed`);
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / (durationMs / 1000),
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
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
    // Enough that the benchmark's own requests are never refused.
    RATE_LIMIT_ACTIVE_PER_MINUTE: '100000',
    RATE_LIMIT_ACTIVE_BURST: '100000',
  });
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
        request: () => ({ method: 'GET' as const, path: `/media/${mediaId}` }),
      },
      {
        name: 'GET /v1/media/:id',
        origin: api.baseUrl,
        request: () => ({
          method: 'GET' as const,
          path: `/v1/media/${mediaId}`,
        }),
      },
      {
        name: 'GET /v1/media?limit=20',
        origin: api.baseUrl,
        request: () => ({ method: 'GET' as const, path: '/v1/media?limit=20' }),
      },
      {
        name: 'POST /v1/media/upload',
        origin: api.baseUrl,
        request: () => ({
          method: 'POST' as const,
          path: '/v1/media/upload',
          body: presign,
        }),
      },
    ];
    const results = new Map<string, Round[]>(targets.map((t) => [t.name, []]));
    for (const target of targets) {
      await load(target.origin, target.request, headers, 2_000);
    }
    const statistics = new pg.Client({ connectionString: databaseUrl });
    await statistics.connect();
    const [floorTarget, ...routes] = targets;
    // Each route's slice follows a floor slice of its own, and its ratio is taken against that
    // one: on a shared machine the speed available drifts over a run, and a ratio of neighbouring
    // slices is what stays comparable.
    const ratios = new Map<string, number[]>(routes.map((t) => [t.name, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of routes) {
        // Each POST round adds ~10,000 items within seconds, faster than autovacuum refreshes the
        // planner's statistics; stale ones make it sort the whole workspace for every list page.
        await statistics.query('ANALYZE media');
        const floorRound = await load(
          floorTarget.origin,
          floorTarget.request,
          headers,
          ROUND_MS,
        );
        const targetRound = await load(
          target.origin,
          target.request,
          headers,
          ROUND_MS,
        );
        results.get(floorTarget.name)!.push(floorRound);
        results.get(target.name)!.push(targetRound);
        ratios.get(target.name)!.push(targetRound.rps / floorRound.rps);
      }
    }
    await statistics.end();
    console.log(
      `\n${CONNECTIONS} connections, ${ROUNDS} rounds of ${ROUND_MS / 1000} s per route, each after a floor round; medians, spread in brackets:`,
    );
    for (const target of targets) {
      const rounds = results.get(target.name)!;
      const ratio = ratios.get(target.name);
      console.log(
        `  ${target.name.padEnd(28)} ${median(rounds.map((r) => r.rps))
          .toFixed(0)
          .padStart(
            6,
          )} req/s [${spread(rounds.map((r) => r.rps))}]  p50 ${median(rounds.map((r) => r.p50)).toFixed(1)} ms  p99 ${median(rounds.map((r) => r.p99)).toFixed(1)} ms` +
          (ratio
            ? `  ${median(ratio).toFixed(2)}× floor [${Math.min(...ratio).toFixed(2)}–${Math.max(...ratio).toFixed(2)}]`
            : ''),
      );
    }
  } finally {
    floor.kill();
    await api.stop();
    await rm(storageDir, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

await main();
