/**
 * Throughput and memory of a multipart direct upload through the local storage driver: a real
 * server process receives the parts of a large video (`POST /v1/media/bulk-video-upload-urls`,
 * part PUTs, `POST /v1/media/:id/complete-upload`), next to a plain HTTP stream-to-disk copy of
 * the same number of bytes in the same run. Run with `npm run bench:multipart` (6 GiB), or
 * `npm run bench:multipart -- 1024` for another size in MiB. Not a test: it prints numbers for a
 * human to compare.
 *
 * The body is generated on the fly (an `ftyp` box, then zeros) from one reused part-sized buffer,
 * so the client holds no more than that. Parts go up four at a time, as a browser client would
 * send them. Peak RSS growth is the server's VmHWM after the upload minus its VmRSS before it.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import { startServerProcess } from '../test/support/server-process.js';
import { dropBenchDatabase } from './support.js';

const MB = 1024 * 1024;
const SIZE_MB = Number(process.argv[2] ?? 6144);
const BODY_BYTES = SIZE_MB * MB;
const CONCURRENT_PARTS = 4;
const MP4_HEAD = Buffer.from(
  '000000186674797069736f6d0000020069736f6d69736f32',
  'hex',
);

interface PlannedPart {
  partNumber: number;
  url: string;
  headers: Record<string, string>;
  sizeBytes: number;
}

/** A bare HTTP server streaming one PUT body to a file: the floor the upload is compared with. */
async function plainCopy(dir: string, chunk: Buffer): Promise<number> {
  const sink = createServer((incoming, response) => {
    pipeline(incoming, createWriteStream(join(dir, 'copy.bin'))).then(
      () => response.end(),
      (error: unknown) => response.destroy(error as Error),
    );
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const put = request(
      {
        host: '127.0.0.1',
        port: (sink.address() as AddressInfo).port,
        method: 'PUT',
        headers: { 'Content-Length': String(BODY_BYTES) },
      },
      (response) => response.resume().on('end', resolve),
    ).on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < BODY_BYTES) {
        const piece = chunk.subarray(
          0,
          Math.min(chunk.length, BODY_BYTES - sent),
        );
        sent += piece.length;
        if (!put.write(piece)) {
          put.once('drain', pump);
          return;
        }
      }
      put.end();
    };
    pump();
  });
  const elapsed = performance.now() - started;
  sink.close();
  await rm(join(dir, 'copy.bin'), { force: true });
  return elapsed;
}

async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const mbps = (ms: number) => BODY_BYTES / MB / (ms / 1000);

async function main(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const work = await mkdtemp(join(tmpdir(), 'bench-multipart-'));
  const database = `media_api_bench_multipart_${Date.now().toString(36)}`;
  const server = startServerProcess(3990 + Math.floor(Math.random() * 9), {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
    REDIS_KEY_PREFIX: database,
    LOCAL_STORAGE_DIR: join(work, 'storage'),
    DEV_WORKSPACE_SEED: 'true',
    RECONCILER_INTERVAL_SECONDS: '0',
  });
  try {
    await server.ready();
    const key = /mk_live_[0-9A-Za-z]{32}/.exec(server.output())![0];
    const call = async (path: string, body: unknown) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      if (response.status >= 300) {
        throw new Error(
          `${path} answered ${response.status}: ${await response.text()}`,
        );
      }
      return response.json() as Promise<Record<string, unknown>>;
    };
    const presigned = await call('/v1/media/bulk-video-upload-urls', {
      videos: [
        { filename: 'big.mp4', contentType: 'video/mp4', fileSizeMb: SIZE_MB },
      ],
      targetPlatforms: ['YOUTUBE'],
    });
    const [video] = presigned.videos as Array<{
      mediaId: string;
      multipart: { partSizeBytes: number; parts: PlannedPart[] };
    }>;
    const { partSizeBytes, parts } = video.multipart;
    const firstPart = Buffer.alloc(partSizeBytes);
    MP4_HEAD.copy(firstPart);
    const otherParts = Buffer.alloc(partSizeBytes);

    const copyMs = await plainCopy(work, otherParts);

    const before = await memory(server.child.pid!);
    const started = performance.now();
    const etags: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT_PARTS }, async () => {
        while (next < parts.length) {
          const part = parts[next++];
          const source = part.partNumber === 1 ? firstPart : otherParts;
          const response = await fetch(part.url, {
            method: 'PUT',
            headers: part.headers,
            body: source.subarray(0, part.sizeBytes),
          });
          if (response.status !== 200) {
            throw new Error(
              `part ${part.partNumber} answered ${response.status}: ${await response.text()}`,
            );
          }
          etags[part.partNumber - 1] = response.headers.get('etag')!;
        }
      }),
    );
    const uploadedMs = performance.now() - started;
    const completed = await call(`/v1/media/${video.mediaId}/complete-upload`, {
      parts: etags.map((etag, index) => ({ partNumber: index + 1, etag })),
    });
    const totalMs = performance.now() - started;
    const after = await memory(server.child.pid!);

    console.log(
      `\n${SIZE_MB} MiB in ${parts.length} parts of ${partSizeBytes / MB} MiB, ${CONCURRENT_PARTS} at a time:`,
    );
    console.log(
      `  plain HTTP stream-to-disk copy   ${mbps(copyMs).toFixed(0)} MB/s`,
    );
    console.log(
      `  part PUTs                        ${mbps(uploadedMs).toFixed(0)} MB/s`,
    );
    console.log(
      `  complete-upload (assembly)       ${((totalMs - uploadedMs) / 1000).toFixed(1)} s`,
    );
    console.log(
      `  parts + complete, end to end     ${mbps(totalMs).toFixed(0)} MB/s  (${(copyMs / totalMs).toFixed(2)}× the plain copy)`,
    );
    console.log(
      `  server RSS before ${(before.rss / MB).toFixed(0)} MB, peak ${(after.peak / MB).toFixed(0)} MB: growth ${((after.peak - before.rss) / MB).toFixed(0)} MB`,
    );
    console.log(`  item status after completion: ${String(completed.status)}`);
  } finally {
    await server.stop();
    await rm(work, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

await main();
