/**
 * What the rate-limit guard and the idempotency interceptor add to a request: two server
 * processes on the same database and Redis, one with RATE_LIMIT_ENABLED=true, one with false, and
 * POST /v1/media/upload sent with a fresh Idempotency-Key to the first and with none to the
 * second. Sequential requests (so the numbers are latency, not queueing), rounds alternating
 * between the two, median of the rounds' percentiles. Run with `npm run bench:layers`. Not a test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import {
  startServerProcess,
  type ServerProcess,
} from '../test/support/server-process.js';
import { freePort } from '../test/support/test-app.js';
import { dropBenchDatabase } from './support.js';

const REQUESTS_PER_ROUND = 1_000;
const ROUNDS = 3;

interface Target {
  name: string;
  server: ServerProcess;
  keyed: boolean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function measure(
  send: (index: number) => Promise<Response>,
): Promise<{ p50: number; p99: number }> {
  const latencies: number[] = [];
  for (let index = 0; index < REQUESTS_PER_ROUND; index += 1) {
    const started = performance.now();
    const response = await send(index);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status >= 300) {
      throw new Error(`unexpected ${response.status}`);
    }
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const database = `media_api_bench_layers_${Date.now().toString(36)}`;
  const storageDir = await mkdtemp(join(tmpdir(), 'bench-layers-'));
  const env = (rateLimits: boolean) => ({
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_KEY_PREFIX: database,
    LOCAL_STORAGE_DIR: storageDir,
    RECONCILER_INTERVAL_SECONDS: '0',
    DEV_WORKSPACE_SEED: 'true',
    RATE_LIMIT_ENABLED: String(rateLimits),
    // Enough that the benchmark's own requests are never refused.
    RATE_LIMIT_ACTIVE_PER_MINUTE: '100000',
    RATE_LIMIT_ACTIVE_BURST: '100000',
  });
  const withLayers = startServerProcess(await freePort(), env(true));
  await withLayers.ready();
  const without = startServerProcess(await freePort(), env(false));
  await without.ready();
  try {
    const apiKey = /mk_live_[0-9A-Za-z]{32}/.exec(withLayers.output())![0];
    const headers = {
      Authorization: `Bearer ${apiKey}`,
      'Content-Type': 'application/json',
    };
    const presign = (server: ServerProcess, key?: string) =>
      fetch(`${server.baseUrl}/v1/media/upload`, {
        method: 'POST',
        headers: key ? { ...headers, 'Idempotency-Key': key } : headers,
        body: JSON.stringify({
          filename: 'bench.pdf',
          contentType: 'application/pdf',
          sizeBytes: 1000,
        }),
      });
    const { mediaId } = await (await presign(without)).json();
    const targets: Target[] = [
      { name: 'with both layers', server: withLayers, keyed: true },
      { name: 'without them', server: without, keyed: false },
    ];
    const results = new Map<string, { get: number[][]; post: number[][] }>(
      targets.map((target) => [target.name, { get: [], post: [] }]),
    );
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const target of targets) {
        const get = await measure(() =>
          fetch(`${target.server.baseUrl}/v1/media/${mediaId}`, { headers }),
        );
        const post = await measure((index) =>
          presign(
            target.server,
            target.keyed ? `bench-${round}-${index}-${Date.now()}` : undefined,
          ),
        );
        // Round 0 warms up both processes and is not counted.
        if (round > 0) {
          results.get(target.name)!.get.push([get.p50, get.p99]);
          results.get(target.name)!.post.push([post.p50, post.p99]);
        }
      }
    }
    const summary = (rows: number[][]) => ({
      p50: median(rows.map((row) => row[0])),
      p99: median(rows.map((row) => row[1])),
    });
    console.log(
      `\nSequential requests, ${REQUESTS_PER_ROUND} per round, median of ${ROUNDS} rounds (ms):`,
    );
    for (const route of ['get', 'post'] as const) {
      const [on, off] = targets.map((target) =>
        summary(results.get(target.name)![route]),
      );
      const label =
        route === 'get' ? 'GET /v1/media/:id' : 'POST /v1/media/upload';
      console.log(
        `  ${label.padEnd(24)} with ${on.p50.toFixed(2)} / ${on.p99.toFixed(2)}   without ${off.p50.toFixed(2)} / ${off.p99.toFixed(2)}   added p50 ${(on.p50 - off.p50).toFixed(2)}`,
      );
    }
  } finally {
    await withLayers.stop();
    await without.stop();
    await rm(storageDir, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

await main();
