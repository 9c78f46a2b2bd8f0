/**
 * Throughput and memory of `POST /v1/media`: a large body served by a local HTTP host is pulled
 * through the SafeFetcher and streamed into local storage by a real server process, next to a plain
 * stream-to-disk copy of the same body in the same run. Run with `npm run bench:ingest`. Not a
 * test: it prints numbers for a human to compare.
 *
 * The body is a 480 MB MP4-looking file (an `ftyp` box, then zeros): the largest single video the
 * API accepts is 500 MB. Peak RSS growth is the server's VmHWM after the uploads minus its VmRSS
 * before them, so it shows whether memory grows with the file size.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import { startServerProcess } from '../test/support/server-process.js';
import { dropBenchDatabase } from './support.js';

const BODY_BYTES = 480 * 1024 * 1024;
const ROUNDS = 3;
const CHUNK = Buffer.alloc(1024 * 1024);
Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex').copy(
  CHUNK,
);
const ZEROS = Buffer.alloc(CHUNK.length);

function sendBody(response: ServerResponse): void {
  response.writeHead(200, {
    'Content-Type': 'video/mp4',
    'Content-Length': String(BODY_BYTES),
  });
  let sent = 0;
  const pump = () => {
    while (sent < BODY_BYTES) {
      const chunk = sent === 0 ? CHUNK : ZEROS;
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  pump();
}

async function plainCopy(url: string, dir: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    request(url, (response) => {
      pipeline(response, createWriteStream(join(dir, 'copy.bin'))).then(
        resolve,
        reject,
      );
    })
      .on('error', reject)
      .end();
  });
  return performance.now() - started;
}

async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const mbps = (ms: number) => BODY_BYTES / 1024 / 1024 / (ms / 1000);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const host = createServer((_request, response) => sendBody(response));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const source = `http://127.0.0.1:${(host.address() as AddressInfo).port}/video.mp4`;
  const work = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
  const database = `media_api_bench_ingest_${Date.now().toString(36)}`;
  const server = startServerProcess(3990 + Math.floor(Math.random() * 9), {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_KEY_PREFIX: database,
    LOCAL_STORAGE_DIR: join(work, 'storage'),
    FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
    DEV_WORKSPACE_SEED: 'true',
    RECONCILER_INTERVAL_SECONDS: '0',
  });
  try {
    await server.ready();
    const key = /mk_live_[0-9A-Za-z]{32}/.exec(server.output())![0];
    const copies: number[] = [];
    const ingests: number[] = [];
    const before = await memory(server.child.pid!);
    for (let round = 0; round < ROUNDS; round += 1) {
      copies.push(await plainCopy(source, work));
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}/v1/media`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
          // A key of its own per round: the same body again would be an idempotent replay.
          'Idempotency-Key': `bench-ingest-${round}`,
        },
        body: JSON.stringify({ url: source }),
      });
      ingests.push(performance.now() - started);
      if (response.status !== 201) {
        throw new Error(
          `POST /v1/media answered ${response.status}: ${await response.text()}`,
        );
      }
    }
    const after = await memory(server.child.pid!);
    console.log(
      `\n${(BODY_BYTES / 1024 / 1024).toFixed(0)} MB body, median of ${ROUNDS} rounds:`,
    );
    console.log(
      `  plain stream-to-disk copy  ${mbps(median(copies)).toFixed(0)} MB/s`,
    );
    console.log(
      `  POST /v1/media (ingest)    ${mbps(median(ingests)).toFixed(0)} MB/s  (${(median(copies) / median(ingests)).toFixed(2)}× the plain copy; includes the item's processing)`,
    );
    console.log(
      `  server RSS before ${(before.rss / 1024 / 1024).toFixed(0)} MB, peak ${(after.peak / 1024 / 1024).toFixed(0)} MB: growth ${((after.peak - before.rss) / 1024 / 1024).toFixed(0)} MB`,
    );
  } finally {
    await server.stop();
    host.close();
    await rm(work, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

await main();
