import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { QUEUES } from '../src/infra/registry.js';
import { Storage } from '../src/infra/storage/storage.port.js';
import { ensureBuilt } from './support/build.js';
import { mediaEventTypes, putBytes, waitForStatus } from './support/media.js';
import { startS3rver, type RunningS3rver } from './support/s3rver.js';
import { waitUntil } from './support/wait.js';
import {
  startTestApp,
  testEnvironment,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

/**
 * "Killing a worker in the middle of a job does not leave the item stuck in PROCESSING" and
 * "graceful shutdown lets running jobs finish", proved against a real, separate worker process
 * (`node dist/src/main.js` with APP_ROLE=worker) and the real Bull, PostgreSQL, sharp and S3 driver.
 *
 * The worker reaches s3rver through a small HTTP proxy owned by the test. Processing an image does
 * a HEAD, a ranged GET of the head bytes, then a full GET of the object; the proxy can hold that
 * full GET, which pins the worker in the middle of a job for as long as the test needs.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKER_ENTRY = fileURLToPath(
  new URL('../dist/src/main.js', import.meta.url),
);
const FIXTURE = fileURLToPath(
  new URL('fixtures/png-alpha.png', import.meta.url),
);

const TEST_TIMEOUT_MS = 60_000;
/** Bull's worst case is lockDuration + stalledInterval (see queue.module.ts) plus a worker boot. */
const RECOVERY_TIMEOUT_MS = 40_000;

// ---------------------------------------------------------------------------------------------
// The proxy in front of s3rver
// ---------------------------------------------------------------------------------------------

interface ProxiedRequest {
  at: Date;
  method: string;
  /** Path without the query string. */
  path: string;
  range?: string;
  /** `dropped`: the connection closed before a complete answer (client gone or request dropped). */
  outcome: 'pending' | 'answered' | 'dropped';
}

interface HeldRequest extends ProxiedRequest {
  /** Forwards the request to s3rver after all (a no-op once the client has gone). */
  release(): void;
  /** Closes the connection without an answer. */
  drop(): void;
}

interface S3Proxy {
  endpoint: string;
  /** Every request seen, in arrival order. */
  requests: ProxiedRequest[];
  /** While true, object downloads (see isBodyDownload) are parked until released. */
  holdDownloads: boolean;
  /**
   * Resolves with the next (or an already) parked request. No deadline of its own: if none comes,
   * Vitest's timeout fails the test and onTestFailed prints every request the proxy saw.
   */
  nextHeld(): Promise<HeldRequest>;
  releaseAll(): void;
  describe(): string;
  close(): Promise<void>;
}

/**
 * A GET of the whole object, or of a range that does not start at 0: what the worker sends when it
 * downloads the object to normalise it (the magic-byte sniff before it is a GET of `bytes=0-4099`).
 */
function isBodyDownload(request: ProxiedRequest, bucket: string): boolean {
  return (
    request.method === 'GET' &&
    request.path.startsWith(`/${bucket}/`) &&
    request.path.length > bucket.length + 2 &&
    (request.range === undefined || !request.range.startsWith('bytes=0-'))
  );
}

/** An HTTP proxy on 127.0.0.1 in front of s3rver that can park the worker's object downloads. */
async function startS3Proxy(s3: RunningS3rver): Promise<S3Proxy> {
  const target = new URL(s3.endpoint);
  const parked: HeldRequest[] = [];
  const waiters: Array<(request: HeldRequest) => void> = [];

  const forward = (request: IncomingMessage, response: ServerResponse) => {
    // Headers go through untouched (Host included), so the worker's SigV4 signature still matches.
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    response.on('close', () => upstream.destroy());
    request.pipe(upstream);
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://proxy');
    const record: ProxiedRequest = {
      at: new Date(),
      method: request.method ?? '?',
      path: decodeURIComponent(url.pathname),
      range: request.headers.range,
      outcome: 'pending',
    };
    proxy.requests.push(record);
    response.on('close', () => {
      record.outcome = response.writableFinished ? 'answered' : 'dropped';
    });
    if (!proxy.holdDownloads || !isBodyDownload(record, s3.bucket)) {
      forward(request, response);
      return;
    }
    let settled = false;
    const held: HeldRequest = Object.assign(record, {
      release: () => {
        if (settled) return;
        settled = true;
        if (record.outcome === 'pending') forward(request, response);
      },
      drop: () => {
        if (settled) return;
        settled = true;
        response.destroy();
      },
    });
    const waiter = waiters.shift();
    if (waiter) {
      waiter(held);
    } else {
      parked.push(held);
    }
  });

  const proxy: S3Proxy = {
    endpoint: '',
    requests: [],
    holdDownloads: false,
    nextHeld: () => {
      const next = parked.shift();
      if (next) {
        return Promise.resolve(next);
      }
      return new Promise((resolve) => waiters.push(resolve));
    },
    releaseAll: () => {
      for (const request of parked.splice(0)) request.release();
    },
    describe: () =>
      proxy.requests
        .map(
          (r) =>
            `${r.at.toISOString()} ${r.method} ${r.path}${r.range ? ` ${r.range}` : ''} → ${r.outcome}`,
        )
        .join('\n'),
    close: async () => {
      for (const request of parked.splice(0)) request.drop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

// ---------------------------------------------------------------------------------------------
// Worker child processes
// ---------------------------------------------------------------------------------------------

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<Exit>;
  /** Set once the process has exited. */
  exit?: Exit;
  output: string[];
}

const workers = new Set<WorkerProcess>();

function killAllWorkers(): void {
  for (const worker of workers) {
    if (!worker.exit) worker.child.kill('SIGKILL');
  }
}
// Last resort: never leave a worker behind if this test process itself goes away.
process.once('exit', killAllWorkers);

function startWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [WORKER_ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? ROOT,
      TMPDIR: process.env.TMPDIR ?? '/tmp',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker: WorkerProcess = {
    child,
    output: [],
    exited: new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        worker.exit = { code, signal };
        resolve(worker.exit);
      });
    }),
  };
  const keep = (chunk: Buffer) => {
    worker.output.push(chunk.toString('utf8'));
    if (worker.output.length > 2_000) worker.output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  workers.add(worker);
  return worker;
}

// ---------------------------------------------------------------------------------------------

describe('a separate worker process dying or stopping mid-job', () => {
  let s3: RunningS3rver;
  let proxy: S3Proxy;
  let t: TestApp | undefined;
  let ws: TestWorkspace;
  let workerEnv: Record<string, string>;
  let png: Buffer;

  beforeAll(async () => {
    await ensureBuilt();
    png = await readFile(FIXTURE);
    s3 = await startS3rver();
  });

  afterAll(async () => {
    killAllWorkers();
    await Promise.all([...workers].map((worker) => worker.exited));
    await s3?.stop();
  });

  beforeEach(async (context) => {
    workers.clear();
    proxy = await startS3Proxy(s3);
    // One key prefix per test, shared by the API app and its workers: the same queues, nobody else's.
    const redisKeyPrefix = `${inject('redisKeyPrefix')}-recovery-${randomBytes(4).toString('hex')}`;
    const s3Settings = {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: s3.bucket,
      S3_REGION: s3.region,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PUBLIC_BASE_URL: `${s3.endpoint}/${s3.bucket}`,
      // Only Bull's own recovery may save the job.
      RECONCILER_INTERVAL_SECONDS: '0',
      REDIS_KEY_PREFIX: redisKeyPrefix,
    };
    t = await startTestApp({
      ...s3Settings,
      APP_ROLE: 'api',
      S3_ENDPOINT: s3.endpoint,
    });
    ws = await t.createWorkspace();
    workerEnv = testEnvironment({
      ...s3Settings,
      APP_ROLE: 'worker',
      LOG_LEVEL: 'info',
      S3_ENDPOINT: proxy.endpoint,
      PROCESSING_CONCURRENCY: '1',
    });
    context.onTestFailed(() => {
      for (const [index, worker] of [...workers].entries()) {
        process.stderr.write(
          `\n--- worker ${index + 1} (pid ${worker.child.pid}, exit ${JSON.stringify(worker.exit ?? null)}) ---\n${worker.output.join('')}\n`,
        );
      }
      process.stderr.write(`--- proxy ---\n${proxy.describe()}\n`);
    });
  });

  afterEach(async () => {
    killAllWorkers();
    await Promise.all([...workers].map((worker) => worker.exited));
    await proxy?.close();
    await t?.close();
    t = undefined;
  });

  /** presign → PUT to the bucket → confirm: the API moves the item to PROCESSING and queues the job. */
  async function uploadPng(): Promise<string> {
    const client = t!.client(ws.apiKey);
    const { data: upload, response } = await client.POST('/v1/media/upload', {
      body: {
        filename: 'logo.png',
        contentType: 'image/png',
        sizeBytes: png.length,
      },
    });
    expect(response.status).toBe(201);
    const put = await putBytes(upload!.uploadUrl, upload!.uploadHeaders, png);
    expect(put.status).toBe(200);
    const confirmed = await client.POST('/v1/media/{id}/confirm', {
      params: { path: { id: upload!.mediaId } },
    });
    expect(confirmed.response.status).toBe(200);
    expect(confirmed.data!.status).toBe('PROCESSING');
    return upload!.mediaId;
  }

  function processingQueue(): Queue {
    return t!.app.get<Queue>(getQueueToken(QUEUES.processing));
  }

  /** The item is PROCESSING and its job is active (locked by a worker), as seen from the API side. */
  async function expectMidJob(mediaId: string): Promise<void> {
    const { data } = await t!
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: mediaId } } });
    expect(data!.status).toBe('PROCESSING');
    const job = await processingQueue().getJob(`process:${mediaId}`);
    expect(await job?.getState()).toBe('active');
  }

  async function expectNormalisedJpeg(mediaId: string): Promise<void> {
    const ready = await waitForStatus(t!.client(ws.apiKey), mediaId, [
      'READY',
      'FAILED',
    ]);
    expect(ready).toMatchObject({
      status: 'READY',
      contentType: 'image/jpeg',
    });
    expect(ready.storagePath).toBeTruthy();
    const chunks: Buffer[] = [];
    for await (const chunk of await t!.app
      .get(Storage)
      .openReadStream(ready.storagePath!)) {
      chunks.push(chunk as Buffer);
    }
    const stored = Buffer.concat(chunks);
    expect(stored.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(stored.subarray(6, 10).toString('latin1')).toBe('JFIF');
    expect(ready.sizeBytes).toBe(stored.length);
    expect(
      (await mediaEventTypes(t!.app, mediaId)).filter(
        (type) => type === 'media.ready',
      ),
    ).toHaveLength(1);
  }

  /**
   * The Redis client ids of the connections worker processes take processing jobs on: Bull names
   * each worker's blocking connection after the queue (see Queue#getWorkers).
   */
  async function processingConnectionIds(): Promise<string[]> {
    const clients = (await processingQueue().getWorkers()) as Array<{
      id: string;
    }>;
    return clients.map((client) => client.id);
  }

  /** The object downloads the workers sent (parked or not). */
  function downloads(): ProxiedRequest[] {
    return proxy.requests.filter((request) =>
      isBodyDownload(request, s3.bucket),
    );
  }

  it(
    'SIGKILL mid-job: Bull takes the stalled job back and a new worker finishes it, once',
    async () => {
      const stalled: string[] = [];
      processingQueue().on('global:stalled', (jobId: string) =>
        stalled.push(String(jobId)),
      );
      proxy.holdDownloads = true;
      const first = startWorker(workerEnv);
      const mediaId = await uploadPng();

      const download = await proxy.nextHeld();
      await expectMidJob(mediaId);

      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      proxy.holdDownloads = false;
      download.drop();
      // The dead worker's job is still "active" in Redis and its item still PROCESSING; only the
      // lapse of its lock tells Bull that nobody is working on it any more.
      await expectMidJob(mediaId);

      startWorker(workerEnv);
      await waitForStatus(
        t!.client(ws.apiKey),
        mediaId,
        ['READY', 'FAILED'],
        RECOVERY_TIMEOUT_MS,
      );

      await expectNormalisedJpeg(mediaId);
      expect(stalled).toContain(`process:${mediaId}`);
      expect(await mediaEventTypes(t!.app, mediaId)).toEqual([
        'media.uploaded',
        'media.ready',
      ]);
      // The first download died with its worker; the second worker's re-run fetched the object again.
      expect(downloads().map((request) => request.outcome)).toEqual([
        'dropped',
        'answered',
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'SIGTERM mid-job: the worker finishes the running job, then exits 0',
    async () => {
      proxy.holdDownloads = true;
      const worker = startWorker(workerEnv);
      const mediaId = await uploadPng();

      const download = await proxy.nextHeld();
      await expectMidJob(mediaId);

      // The one worker's connection for taking new jobs.
      const taking = await processingConnectionIds();
      expect(taking).toHaveLength(1);

      worker.child.kill('SIGTERM');
      // Shutdown has begun once the worker, pausing its queue to wait for the running job, has
      // closed the blocking connection it takes new jobs on (Bull's whenCurrentJobsFinished).
      await waitUntil(
        async () => !(await processingConnectionIds()).includes(taking[0]),
      );
      // Shutdown waits for the job, which cannot progress while its download is held...
      expect(worker.exit).toBeUndefined();
      await expectMidJob(mediaId);
      // ...and keeps what the job needs: the download's connection is still open, not retried.
      expect(downloads()).toEqual([download]);
      expect(download.outcome).toBe('pending');

      proxy.holdDownloads = false;
      download.release();
      // No deadline: the worker exits once the job is done (a hung shutdown fails at the test timeout).
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      // The job ran to its end in this process before it exited: the download was answered (a
      // process gone mid-job drops it), the job left Bull as completed (one cut short stays active
      // until the stalled check, and then is waiting, never gone) and the process logged the result.
      expect(download.outcome).toBe('answered');
      expect(await processingQueue().getJob(`process:${mediaId}`)).toBeNull();
      expect(worker.output.join('')).toContain(
        `Job process:${mediaId}: media ${mediaId} is READY`,
      );

      // No other worker ever ran: the item is READY because the stopping worker finished the job.
      await expectNormalisedJpeg(mediaId);
      expect(await mediaEventTypes(t!.app, mediaId)).toEqual([
        'media.uploaded',
        'media.ready',
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});
