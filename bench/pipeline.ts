/**
 * The image pipeline end to end: 2 MB PNGs PUT to local upload URLs until their items are READY
 * (baseline JFIF JPEGs), next to plain sharp doing the same normalisation (the image adapter's
 * options, file to file) on the same files in the same run. Run with `npm run bench:pipeline`. Not
 * a test: it prints numbers for a human to compare.
 *
 * Real processes: one `APP_ROLE=api` server receives the uploads, one and then two
 * `APP_ROLE=worker` processes (default PROCESSING_CONCURRENCY) process them. READY is observed
 * through a trigger the benchmark adds to its own database, which NOTIFYs when an item's status
 * leaves PROCESSING: the commit is seen at once, without polling load on the cores.
 *
 * - Latency: one upload at a time, from the PUT's answer to READY; plain sharp: one image at a
 *   time, in a process of its own.
 * - Throughput of 40 distinct PNGs PUT at once. "Processing": the processing queue is paused
 *   while they land, then resumed, and timed from the resume to the last READY, so the workers'
 *   rate is compared with plain sharp at the same parallelism (as many processes as workers, each
 *   with as many images in flight as a worker runs jobs). "End to end": timed from the first PUT,
 *   so the API receiving the uploads shares the cores with the workers, as on a one-machine setup.
 *
 * Every figure is the median of 3 rounds, with the rounds' spread in brackets, and a ratio the median
 * of the rounds' ratios (ours and plain sharp run back to back in each round). Beside each, the CPU
 * time (user and system, all threads, from /proc) of the processes doing the work, per image: the
 * worker processes, the plain-sharp processes, and end to end the API too. It drifts much less with
 * this machine's speed than the times do, so it is the figure to compare two builds by.
 */
import Bull from 'bull';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import sharp from 'sharp';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import { loadConfig } from '../src/config/app-config.js';
import { baselineJpegOptions } from '../src/infra/image/image-normalisation.js';
import { QUEUES } from '../src/infra/registry.js';
import {
  startServerProcess,
  type ServerProcess,
} from '../test/support/server-process.js';
import { freePort } from '../test/support/test-app.js';
import {
  dropBenchDatabase,
  SYNTHETIC_SIZE,
  syntheticImage,
  totalCpuMs,
} from './support.js';

const BATCH = 40;
const LATENCY_SAMPLES = 10;
const ROUNDS = 3;
const REDIS_URL = 'redis://127.0.0.1:6379';
const SHARP_CHILD = '--plain-sharp-child';

/** Photo-like gradients with light noise, alpha fading out on the right: about 2 MB as PNG. */
function syntheticPng(seed: number): Promise<Buffer> {
  return syntheticImage(seed, 3).png({ compressionLevel: 6 }).toBuffer();
}

/** What the image adapter does to a PNG, as plain sharp: flatten onto white, baseline JPEG. */
function plainNormalise(input: string, output: string): Promise<unknown> {
  return sharp(input, { autoOrient: true })
    .flatten({ background: { r: 255, g: 255, b: 255 } })
    .jpeg(baselineJpegOptions())
    .toFile(output);
}

/**
 * A plain-sharp process for the throughput floor: reads a JSON list of files per stdin line,
 * normalises them `inFlight` at a time and answers `done` when the last is written.
 */
async function plainSharpChild(
  outputDir: string,
  inFlight: number,
): Promise<void> {
  sharp.cache(false);
  console.log('ready');
  // Every output is a new file, as every item's is: ext4 flushes a file truncated and rewritten
  // when it is closed, which cost 4–8 ms an image when rounds reused their names.
  let written = 0;
  for await (const line of createInterface({ input: process.stdin })) {
    const files = JSON.parse(line) as string[];
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < files.length) {
          const index = next++;
          written += 1;
          await plainNormalise(
            files[index],
            join(outputDir, `${process.pid}-${written}.jpg`),
          );
        }
      }),
    );
    console.log('done');
  }
}

class PlainSharpProcesses {
  private constructor(private readonly children: ChildProcess[]) {}

  static async start(
    count: number,
    inFlight: number,
    outputDir: string,
  ): Promise<PlainSharpProcesses> {
    const children = Array.from({ length: count }, () =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          SHARP_CHILD,
          outputDir,
          String(inFlight),
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      ),
    );
    await Promise.all(children.map((child) => once(child.stdout!, 'data')));
    return new PlainSharpProcesses(children);
  }

  get pids(): number[] {
    return this.children.map((child) => child.pid!);
  }

  /** Milliseconds for the first process to normalise `file`. */
  async time(file: string): Promise<number> {
    const started = performance.now();
    await this.normalise([file]);
    return performance.now() - started;
  }

  /** Images per second, every process normalising its share of `files`, and their CPU per image. */
  async normalise(files: string[]): Promise<Rate> {
    const cpuBefore = await totalCpuMs(this.pids);
    const started = performance.now();
    await Promise.all(
      this.children.map((child, index) => {
        const done = once(child.stdout!, 'data');
        child.stdin!.write(
          `${JSON.stringify(files.filter((_, file) => file % this.children.length === index))}\n`,
        );
        return done;
      }),
    );
    return {
      perSecond: files.length / ((performance.now() - started) / 1000),
      cpuMs: ((await totalCpuMs(this.pids)) - cpuBefore) / files.length,
    };
  }

  stop(): void {
    for (const child of this.children) child.kill();
  }
}

/** Resolves `settled(id)` when the item's status leaves PROCESSING, via LISTEN/NOTIFY. */
class SettledItems {
  private readonly waiting = new Map<string, (status: string) => void>();

  private constructor(private readonly client: pg.Client) {
    client.on('notification', ({ payload }) => {
      const [id, status] = payload!.split(' ');
      this.waiting.get(id)?.(status);
      this.waiting.delete(id);
    });
  }

  static async listen(databaseUrl: string): Promise<SettledItems> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`
      CREATE FUNCTION bench_notify_settled() RETURNS trigger AS $$
      BEGIN
        PERFORM pg_notify('bench_settled', NEW.id || ' ' || NEW.status);
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER bench_settled AFTER UPDATE OF status ON media FOR EACH ROW
        WHEN (OLD.status = 'PROCESSING' AND NEW.status <> 'PROCESSING')
        EXECUTE FUNCTION bench_notify_settled();
      LISTEN bench_settled;
    `);
    return new SettledItems(client);
  }

  /** Register before the upload, so a fast item cannot settle unseen. */
  settled(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (status) =>
        status === 'READY'
          ? resolve()
          : reject(new Error(`media ${id} became ${status}`)),
      );
    });
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/** Milliseconds per image (a median), and the CPU time of the processes doing the work per image. */
interface Latency {
  ms: number;
  cpuMs: number;
}

/** Images per second, and the CPU time of the processes doing the work per image (ms). */
interface Rate {
  perSecond: number;
  cpuMs: number;
}

interface Upload {
  mediaId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
}

/** PUTs `body` with node:http, which costs the client less CPU than fetch on the shared cores. */
function put(upload: Upload, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    request(
      upload.uploadUrl,
      {
        method: 'PUT',
        headers: {
          ...upload.uploadHeaders,
          'Content-Length': String(body.length),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          response.statusCode === 200
            ? resolve()
            : reject(new Error(`PUT answered ${response.statusCode}`)),
        );
      },
    )
      .on('error', reject)
      .end(body);
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[], digits = 0) =>
  `[${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}]`;
/**
 * Ours against plain sharp, round by round (the two run back to back, so a drift of the machine's
 * speed between rounds moves both): the median of the rounds' ratios, with their spread.
 */
const ratio = (ours: number[], plain: number[]) => {
  const ratios = ours.map((value, round) => value / plain[round]);
  return `${median(ratios).toFixed(2)}× plain sharp ${spread(ratios, 2)}`;
};

async function main(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const work = await mkdtemp(join(tmpdir(), 'bench-pipeline-'));
  const database = `media_api_bench_pipeline_${Date.now().toString(36)}`;
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
  const shared = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    REDIS_KEY_PREFIX: database,
    LOCAL_STORAGE_DIR: join(work, 'storage'),
    RECONCILER_INTERVAL_SECONDS: '0',
  };
  const jobsPerWorker = loadConfig(shared).processing.concurrency;
  const servers: ServerProcess[] = [];
  const workers: ServerProcess[] = [];
  const workersCpuMs = () =>
    totalCpuMs(workers.map((worker) => worker.child.pid!));
  const startWorker = async () => {
    const port = await freePort();
    const worker = startServerProcess(port, {
      ...shared,
      APP_ROLE: 'worker',
      WORKER_HEALTH_PORT: String(port),
      DEV_WORKSPACE_SEED: 'false',
    });
    servers.push(worker);
    workers.push(worker);
    await worker.ready();
  };
  const queue = new Bull(QUEUES.processing, REDIS_URL, {
    prefix: `${database}:bull`,
  });
  let settledItems: SettledItems | undefined;
  let plain: PlainSharpProcesses | undefined;
  try {
    const files: string[] = [];
    const bodies: Buffer[] = [];
    await mkdir(join(work, 'out'));
    for (let index = 0; index < BATCH; index += 1) {
      const png = await syntheticPng(index + 1);
      const file = join(work, `${index}.png`);
      await writeFile(file, png);
      files.push(file);
      bodies.push(png);
    }
    const api = startServerProcess(await freePort(), {
      ...shared,
      APP_ROLE: 'api',
      DEV_WORKSPACE_SEED: 'true',
      RATE_LIMIT_ACTIVE_PER_MINUTE: '100000',
      RATE_LIMIT_ACTIVE_BURST: '100000',
    });
    servers.push(api);
    await api.ready();
    await startWorker();
    settledItems = await SettledItems.listen(databaseUrl);
    const items = settledItems;
    const key = /mk_live_[0-9A-Za-z]{32}/.exec(api.output())![0];
    const presign = async (body: Buffer): Promise<Upload> => {
      const response = await fetch(`${api.baseUrl}/v1/media/upload`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          filename: 'bench.png',
          contentType: 'image/png',
          sizeBytes: body.length,
        }),
      });
      if (response.status !== 201) {
        throw new Error(
          `POST /v1/media/upload answered ${response.status}: ${await response.text()}`,
        );
      }
      return (await response.json()) as Upload;
    };
    /**
     * The median, over this round's uploads made one at a time, of PUT answered → READY (ms), and
     * the workers' CPU per upload (ms).
     */
    const latencyRound = async (): Promise<Latency> => {
      const latencies: number[] = [];
      const cpuBefore = await workersCpuMs();
      for (let index = 0; index < LATENCY_SAMPLES; index += 1) {
        const upload = await presign(bodies[index]);
        const settled = items.settled(upload.mediaId);
        await put(upload, bodies[index]);
        const answered = performance.now();
        await settled;
        latencies.push(performance.now() - answered);
      }
      return {
        ms: median(latencies),
        cpuMs: ((await workersCpuMs()) - cpuBefore) / LATENCY_SAMPLES,
      };
    };
    const plainLatencyRound = async (
      alone: PlainSharpProcesses,
    ): Promise<Latency> => {
      const latencies: number[] = [];
      const cpuBefore = await totalCpuMs(alone.pids);
      for (let index = 0; index < LATENCY_SAMPLES; index += 1) {
        latencies.push(await alone.time(files[index]));
      }
      return {
        ms: median(latencies),
        cpuMs: ((await totalCpuMs(alone.pids)) - cpuBefore) / LATENCY_SAMPLES,
      };
    };
    /**
     * Images per second for the batch PUT at once; see the top comment for the two timings. The
     * CPU per image is the workers' while processing, and the API's and the workers' end to end.
     */
    const throughputRound = async (
      timing: 'processing' | 'end to end',
    ): Promise<Rate> => {
      const uploads = await Promise.all(bodies.map((body) => presign(body)));
      const settled = uploads.map((upload) => items.settled(upload.mediaId));
      const putAll = () =>
        Promise.all(uploads.map((upload, index) => put(upload, bodies[index])));
      const working =
        timing === 'processing'
          ? workersCpuMs
          : async () =>
              (await workersCpuMs()) + (await totalCpuMs([api.child.pid!]));
      let started: number;
      let cpuBefore: number;
      if (timing === 'processing') {
        await queue.pause();
        await putAll();
        cpuBefore = await working();
        started = performance.now();
        await queue.resume();
      } else {
        cpuBefore = await working();
        started = performance.now();
        await putAll();
      }
      await Promise.all(settled);
      return {
        perSecond: BATCH / ((performance.now() - started) / 1000),
        cpuMs: ((await working()) - cpuBefore) / BATCH,
      };
    };

    // Plain sharp's latency is taken in a process of its own, as the worker's is. In this process,
    // which holds the batch's PNGs and made them with sharp, the same image took twice as long
    // (84 ms against 41, a third of it system time).
    plain = await PlainSharpProcesses.start(1, 1, join(work, 'out'));
    // Warm-up: the first images through a process pay for module and connection set-up.
    await latencyRound();
    await plainLatencyRound(plain);
    const latency: Latency[] = [];
    const plainLatency: Latency[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      latency.push(await latencyRound());
      plainLatency.push(await plainLatencyRound(plain));
    }
    plain.stop();
    plain = undefined;

    const throughput = new Map<
      number,
      { processing: Rate[]; endToEnd: Rate[]; plain: Rate[] }
    >();
    for (const count of [1, 2]) {
      if (count > 1) await startWorker();
      plain = await PlainSharpProcesses.start(
        count,
        jobsPerWorker,
        join(work, 'out'),
      );
      await throughputRound('processing');
      await plain.normalise(files);
      const rounds = {
        processing: [] as Rate[],
        endToEnd: [] as Rate[],
        plain: [] as Rate[],
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        rounds.processing.push(await throughputRound('processing'));
        rounds.plain.push(await plain.normalise(files));
        rounds.endToEnd.push(await throughputRound('end to end'));
      }
      plain.stop();
      plain = undefined;
      throughput.set(count, rounds);
    }

    const size = bodies.reduce((sum, body) => sum + body.length, 0) / BATCH;
    const ms = (runs: Latency[]) => runs.map((run) => run.ms);
    const perSecond = (runs: Rate[]) => runs.map((run) => run.perSecond);
    const cpu = (runs: Array<{ cpuMs: number }>) =>
      `CPU ${median(runs.map((run) => run.cpuMs)).toFixed(0)} ms/img`;
    console.log(
      `\n${SYNTHETIC_SIZE} PNGs of ${(size / 1024 / 1024).toFixed(1)} MB on ${availableParallelism()} CPUs; ` +
        `sharp ${sharp.versions.sharp}; ${jobsPerWorker} jobs per worker (PROCESSING_CONCURRENCY); median of ${ROUNDS} rounds [spread]; ` +
        'CPU: user and system time of the processes doing the work, per image:',
    );
    console.log(
      `  one at a time, PUT answered → READY (p50 of ${LATENCY_SAMPLES})   ` +
        `${median(ms(latency)).toFixed(0)} ms ${spread(ms(latency))} (workers' ${cpu(latency)})   ` +
        `plain sharp ${median(ms(plainLatency)).toFixed(0)} ms ${spread(ms(plainLatency))} (${cpu(plainLatency)})   ` +
        `${ratio(ms(latency), ms(plainLatency))}`,
    );
    for (const [count, rounds] of throughput) {
      const processes = count > 1 ? `${count} processes` : '1 process';
      console.log(
        `  ${BATCH} at once, ${count} worker process${count > 1 ? 'es' : ''}:`,
      );
      console.log(
        `    processing (from the queue's resume)  ${median(perSecond(rounds.processing)).toFixed(1)} img/s ${spread(perSecond(rounds.processing), 1)} (workers' ${cpu(rounds.processing)})   ` +
          `plain sharp in ${processes}, ${jobsPerWorker} at a time each: ${median(perSecond(rounds.plain)).toFixed(1)} img/s ${spread(perSecond(rounds.plain), 1)} (${cpu(rounds.plain)})   ` +
          `${ratio(perSecond(rounds.processing), perSecond(rounds.plain))}`,
      );
      console.log(
        `    end to end (from the first PUT)       ${median(perSecond(rounds.endToEnd)).toFixed(1)} img/s ${spread(perSecond(rounds.endToEnd), 1)} (API's and workers' ${cpu(rounds.endToEnd)})   ` +
          `${ratio(perSecond(rounds.endToEnd), perSecond(rounds.plain))}`,
      );
    }
  } finally {
    plain?.stop();
    await queue.close();
    await settledItems?.close();
    await Promise.all(servers.map((server) => server.stop()));
    await rm(work, { recursive: true, force: true });
    await dropBenchDatabase(database);
  }
}

if (process.argv[2] === SHARP_CHILD) {
  await plainSharpChild(process.argv[3], Number(process.argv[4]));
} else {
  await main();
}
