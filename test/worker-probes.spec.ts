import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ensureBuilt } from './support/build.js';
import {
  fixture,
  putBytes,
  requestUpload,
  waitForStatus,
} from './support/media.js';
import {
  runProcess,
  SERVER_ENTRY,
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import {
  freePort,
  startTestApp,
  testEnvironment,
  type TestApp,
} from './support/test-app.js';

const METRICS_TOKEN = 'metrics-token-for-tests-0123';

describe('a worker process (APP_ROLE=worker) on WORKER_HEALTH_PORT', () => {
  let api: TestApp;
  let worker: ServerProcess;
  let probePort: number;
  let storageDir: string;

  beforeAll(async () => {
    await ensureBuilt();
    storageDir = await mkdtemp(join(tmpdir(), 'media-api-probes-'));
    // The API (in this process, no workers) and the worker process share queues and storage.
    const shared = {
      REDIS_KEY_PREFIX: `${inject('redisKeyPrefix')}-probes-${randomBytes(4).toString('hex')}`,
      LOCAL_STORAGE_DIR: storageDir,
      METRICS_TOKEN,
    };
    api = await startTestApp({ ...shared, APP_ROLE: 'api' });
    probePort = await freePort();
    worker = startServerProcess(
      probePort,
      testEnvironment({
        ...shared,
        APP_ROLE: 'worker',
        WORKER_HEALTH_PORT: String(probePort),
        LOG_LEVEL: 'info',
      }),
    );
    await worker.ready();
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    if (storageDir) await rm(storageDir, { recursive: true, force: true });
  });

  const probe = (path: string, authorization?: string) =>
    fetch(`http://127.0.0.1:${probePort}${path}`, {
      headers: authorization ? { Authorization: authorization } : {},
    });

  it('says where its probes listen', () => {
    expect(worker.output()).toContain(
      `Worker running — health and metrics on http://127.0.0.1:${probePort}`,
    );
  });

  it('answers /health/live and /health/ready with the JSON the API answers', async () => {
    for (const path of ['/health/live', '/health/ready']) {
      const fromWorker = await probe(path);
      const fromApi = await fetch(`${api.baseUrl}${path}`);
      expect(fromWorker.status, path).toBe(200);
      expect(fromWorker.headers.get('content-type')).toContain(
        'application/json',
      );
      expect(await fromWorker.json()).toEqual(await fromApi.json());
    }
    expect(await (await probe('/health/ready')).json()).toEqual({
      status: 'ok',
      checks: { database: 'up', redis: 'up', storage: 'up' },
    });
  });

  it('serves the job metrics of the jobs it ran, behind METRICS_TOKEN', async () => {
    const ws = await api.createWorkspace();
    const png = await fixture('png-alpha.png');
    const upload = await requestUpload(
      api.client(ws.apiKey),
      'logo.png',
      'image/png',
      png,
    );
    expect(
      (await putBytes(upload.uploadUrl, upload.uploadHeaders, png)).status,
    ).toBe(200);
    await waitForStatus(api.client(ws.apiKey), upload.mediaId, ['READY']);

    expect((await probe('/metrics')).status).toBe(401);
    const response = await probe('/metrics', `Bearer ${METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(
      /^media_api_job_duration_seconds_count\{queue="media-processing",job="process-media",outcome="completed"\} 1$/m,
    );
    expect(text).toMatch(
      /^media_api_image_normalisations_total\{outcome="converted"\} 1$/m,
    );
    expect(text).toMatch(
      /^media_api_queue_jobs\{queue="media-processing",state="failed"\} 0$/m,
    );
  });

  it('logs the job with structured mediaId, jobId and workspaceId', () => {
    const line = worker
      .output()
      .split('\n')
      .filter((text) => text.startsWith('{'))
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .find(
        (entry) =>
          entry.context === 'MediaProcessingService' &&
          typeof entry.mediaId === 'string' &&
          entry.workspaceId !== undefined,
      );
    expect(line).toMatchObject({
      mediaId: expect.stringMatching(/^media_/),
      jobId: expect.stringMatching(/^process:media_/),
      workspaceId: expect.stringMatching(/^ws_/),
      msg: expect.stringMatching(/ is READY$/),
    });
  });

  it('answers anything else with a problem+json 404', async () => {
    const response = await probe('/v1/workspace');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('startup lines and an occupied probe port', () => {
  beforeAll(() => ensureBuilt());

  it('the API says where it listens and where its docs are', async () => {
    const port = await freePort();
    const server = startServerProcess(
      port,
      testEnvironment({ APP_ROLE: 'api', LOG_LEVEL: 'info' }),
    );
    try {
      await server.ready();
      expect(server.output()).toContain(
        `Listening on http://127.0.0.1:${port} — docs at http://127.0.0.1:${port}/docs`,
      );
    } finally {
      await server.stop();
    }
  });

  it('a worker whose WORKER_HEALTH_PORT is taken exits 1 with one line naming it', async () => {
    const occupant = createServer();
    await new Promise<void>((resolve) =>
      occupant.listen(0, '127.0.0.1', resolve),
    );
    const { port } = occupant.address() as AddressInfo;
    try {
      const result = await runProcess(
        process.execPath,
        [SERVER_ENTRY],
        testEnvironment({
          APP_ROLE: 'worker',
          HOST: '127.0.0.1',
          WORKER_HEALTH_PORT: String(port),
          LOG_LEVEL: 'info',
        }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `Cannot listen on 127.0.0.1:${port} (WORKER_HEALTH_PORT/HOST): the address is already in use by another process\n`,
      );
      expect(result.stdout).toBe('');
    } finally {
      await new Promise((resolve) => occupant.close(resolve));
    }
  });
});
