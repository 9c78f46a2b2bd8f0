/**
 * Throughput and memory of one large PUT to a local upload URL (`POST /v1/media/upload`, then the
 * PUT to its `uploadUrl`) received by a real `APP_ROLE=api` server process, next to a plain HTTP
 * stream-to-disk copy of the same bytes by a bare Node server in a process of its own, in the same
 * run. Run with `npm run bench:put` (400 MiB), or `npm run bench:put -- 100` for another size in
 * MiB. Not a test: it prints numbers for a human to compare.
 *
 * The body is an MP4-looking file (an `ftyp` box, then zeros) sent from one reused 1 MiB buffer, so
 * the client holds no more than that. The upload is timed from the first byte sent to the answer:
 * the server's hashing, writing and fsync, and the item's move to PROCESSING. No worker runs, so
 * processing does not compete for the cores. The plain copy is timed twice: as it is, and syncing
 * its file to disk before answering, as the upload handler must before it says the bytes are
 * stored. Peak RSS growth is the server's VmHWM after the uploads minus its VmRSS before them: it
 * shows whether memory grows with the body. Every figure is the median of 3 rounds, with the
 * rounds' spread in brackets; every transfer writes a new file and starts after a `sync`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import { startServerProcess } from '../test/support/server-process.js';
import { freePort } from '../test/support/test-app.js';
import { dropBenchDatabase } from './support.js';

const MB = 1024 * 1024;
const SIZE_MB = Number(process.argv[2] ?? 400);
const BODY_BYTES = SIZE_MB * MB;
const ROUNDS = 3;
const FIRST_CHUNK = Buffer.alloc(MB);
Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex').copy(
  FIRST_CHUNK,
);
const ZEROS = Buffer.alloc(MB);

/**
 * The floor: a bare Node HTTP server piping each PUT body into a new file, nothing else; with
 * `?fsync`, it also syncs the file to disk before answering, as the upload handler does.
 */
const PLAIN_SINK = `
import { createServer } from 'node:http';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
const server = createServer((incoming, response) => {
  const url = new URL(incoming.url, 'http://sink');
  const file = createWriteStream(join(process.argv[1], url.pathname), {
    flush: url.searchParams.has('fsync'),
  });
  pipeline(incoming, file).then(
    () => response.end(),
    (error) => response.destroy(error),
  );
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/** PUTs BODY_BYTES to `url`; milliseconds from the first byte sent to the answer. */
function putBody(
  url: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const put = request(
      url,
      {
        method: 'PUT',
        headers: { ...headers, 'Content-Length': String(BODY_BYTES) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          response.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`PUT answered ${response.statusCode}: ${text}`)),
        );
      },
    ).on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < BODY_BYTES) {
        const chunk = sent === 0 ? FIRST_CHUNK : ZEROS;
        sent += chunk.length;
        if (!put.write(chunk)) {
          put.once('drain', pump);
          return;
        }
      }
      put.end();
    };
    pump();
  });
}

async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * Each transfer starts with no dirty pages left by the one before, whose writeback would otherwise
 * slow whichever comes next.
 */
async function sync(): Promise<void> {
  await once(spawn('sync', { stdio: 'ignore' }), 'exit');
}

const mbps = (ms: number) => SIZE_MB / (ms / 1000);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) =>
  `[${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}]`;

async function main(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const work = await mkdtemp(join(tmpdir(), 'bench-put-'));
  const database = `media_api_bench_put_${Date.now().toString(36)}`;
  const server = startServerProcess(await freePort(), {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    APP_ROLE: 'api',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_KEY_PREFIX: database,
    LOCAL_STORAGE_DIR: join(work, 'storage'),
    DEV_WORKSPACE_SEED: 'true',
    RECONCILER_INTERVAL_SECONDS: '0',
  });
  const sink = spawn(
    process.execPath,
    ['--input-type=module', '-e', PLAIN_SINK, work],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const [port] = (await once(sink.stdout!, 'data')) as [Buffer];
    const sinkUrl = `http://127.0.0.1:${String(port).trim()}/copy.bin`;
    await server.ready();
    const key = /mk_live_[0-9A-Za-z]{32}/.exec(server.output())![0];
    const upload = async (): Promise<number> => {
      const response = await fetch(`${server.baseUrl}/v1/media/upload`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          filename: 'big.mp4',
          contentType: 'video/mp4',
          sizeBytes: BODY_BYTES,
        }),
      });
      if (response.status !== 201) {
        throw new Error(
          `POST /v1/media/upload answered ${response.status}: ${await response.text()}`,
        );
      }
      const { uploadUrl, uploadHeaders } = (await response.json()) as {
        uploadUrl: string;
        uploadHeaders: Record<string, string>;
      };
      return putBody(uploadUrl, uploadHeaders);
    };
    const copies: number[] = [];
    const syncedCopies: number[] = [];
    const puts: number[] = [];
    const before = await memory(server.child.pid!);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [url, times] of [
        [sinkUrl, copies],
        [`${sinkUrl}?fsync`, syncedCopies],
      ] as const) {
        await sync();
        times.push(await putBody(url, {}));
        await rm(join(work, 'copy.bin'));
      }
      await sync();
      puts.push(await upload());
    }
    const after = await memory(server.child.pid!);
    const copyRate = mbps(median(copies));
    const syncedCopyRate = mbps(median(syncedCopies));
    const putRate = mbps(median(puts));
    console.log(`\n${SIZE_MB} MiB body, median of ${ROUNDS} rounds [spread]:`);
    console.log(
      `  plain HTTP stream-to-disk copy   ${copyRate.toFixed(0)} MB/s ${spread(copies.map(mbps))}`,
    );
    console.log(
      `  the same, fsync before answering ${syncedCopyRate.toFixed(0)} MB/s ${spread(syncedCopies.map(mbps))}`,
    );
    console.log(
      `  PUT to a local upload URL        ${putRate.toFixed(0)} MB/s ${spread(puts.map(mbps))}  ` +
        `(${(putRate / copyRate).toFixed(2)}× the plain copy, ${(putRate / syncedCopyRate).toFixed(2)}× the fsynced one)`,
    );
    console.log(
      `  server RSS before ${(before.rss / MB).toFixed(0)} MB, peak ${(after.peak / MB).toFixed(0)} MB: growth ${((after.peak - before.rss) / MB).toFixed(0)} MB`,
    );
  } finally {
    sink.kill();
    await server.stop();
    await rm(work, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

await main();
