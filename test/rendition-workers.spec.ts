import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { ensureBuilt } from './support/build.js';
import { isolatedDatabase } from './support/database.js';
import { putBytes } from './support/media.js';
import {
  freePort,
  startTestApp,
  testEnvironment,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';
import {
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import { waitFor, waitUntil } from './support/wait.js';

const run = promisify(execFile);

interface Rendition {
  id: string;
  status: 'queued' | 'processing' | 'ready' | 'failed';
  progress: number;
  url: string | null;
  width: number | null;
  height: number | null;
  validation: { valid: boolean } | null;
}

/** The pids of the processes whose parent is `pid` (from /proc). */
async function childrenOf(pid: number): Promise<number[]> {
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // `pid (comm) state ppid …`; comm may hold spaces, so read after its closing parenthesis.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) children.push(Number(entry));
  }
  return children;
}

async function commandOf(pid: number): Promise<string> {
  return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => ''))
    .split('\0')
    .join(' ');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Renditions with real worker processes (`node dist/src/main.js`, APP_ROLE=worker) beside an API:
 * a worker SIGKILLed mid-transcode takes its ffmpeg with it, leaves nothing stored, and another
 * worker makes the rendition; deleting an item mid-transcode stops the encode and stores nothing.
 */
describe('renditions across worker processes', () => {
  // Worker processes run every periodic pass on their whole database: theirs alone.
  const database = isolatedDatabase('rendition_workers');
  let t: TestApp;
  let ws: TestWorkspace;
  let dir: string;
  let clip: Buffer;
  let workerEnv: Record<string, string>;
  const workers: ServerProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    dir = await mkdtemp(join(tmpdir(), 'rendition-workers-'));
    // 60 s of 4:3 at 30 fps: long enough that a worker is still encoding when the test acts on
    // it, whatever the machine's load (it acts as soon as the first progress arrives).
    const path = join(dir, 'long-4x3.mp4');
    await run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=640x480:rate=30:duration=60',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-an',
      '-y',
      path,
    ]);
    clip = await readFile(path);
    const redisKeyPrefix = `${inject('redisKeyPrefix')}-renditions-${randomBytes(4).toString('hex')}`;
    t = await startTestApp({
      APP_ROLE: 'api',
      REDIS_KEY_PREFIX: redisKeyPrefix,
      DATABASE_URL: database.url,
    });
    ws = await t.createWorkspace();
    workerEnv = testEnvironment({
      APP_ROLE: 'worker',
      DATABASE_URL: database.url,
      REDIS_KEY_PREFIX: redisKeyPrefix,
      LOCAL_STORAGE_DIR: t.storageDir,
      PUBLIC_BASE_URL: t.baseUrl,
      LOG_LEVEL: 'info',
    });
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function startWorker(): Promise<ServerProcess> {
    const worker = startServerProcess(await freePort(), workerEnv);
    workers.push(worker);
    return worker;
  }

  async function api(method: string, path: string, body?: unknown) {
    const response = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, any>,
    };
  }

  /** A READY 4:3 video (processed by whichever worker runs) and its YOUTUBE_SHORTS rendition asked for. */
  async function videoWithRendition(): Promise<{
    mediaId: string;
    renditionId: string;
  }> {
    const presigned = await api('POST', '/v1/media/upload', {
      filename: 'long.mp4',
      contentType: 'video/mp4',
      sizeBytes: clip.length,
    });
    expect(presigned.status).toBe(201);
    const mediaId = presigned.body.mediaId as string;
    const asked = await api('POST', `/v1/media/${mediaId}/renditions`, {
      platforms: ['YOUTUBE_SHORTS'],
    });
    expect(asked.status).toBe(202);
    const put = await putBytes(
      presigned.body.uploadUrl as string,
      presigned.body.uploadHeaders as Record<string, string>,
      clip,
    );
    expect(put.status).toBe(200);
    return { mediaId, renditionId: asked.body.renditions[0].id as string };
  }

  const rendition = async (mediaId: string): Promise<Rendition> =>
    (await api('GET', `/v1/media/${mediaId}/renditions`)).body
      .data[0] as Rendition;

  /** The rendition is being encoded (progress reported) by `worker`'s ffmpeg; returns that ffmpeg's pid. */
  async function encodingOn(
    worker: ServerProcess,
    mediaId: string,
  ): Promise<number> {
    await waitFor(
      () => rendition(mediaId),
      (r) => r.status === 'processing' && r.progress > 0,
      { intervalMs: 100 },
    );
    const pids = await childrenOf(worker.child.pid!);
    const commands = await Promise.all(pids.map(commandOf));
    const index = commands.findIndex((command) => command.includes('ffmpeg'));
    expect(index, `worker children: ${commands.join(' | ')}`).not.toBe(-1);
    return pids[index];
  }

  const storedRenditions = (mediaId: string) =>
    readdir(join(t.storageDir, ws.workspace.id, mediaId, 'renditions')).catch(
      () => [],
    );

  it('SIGKILL mid-transcode: ffmpeg dies with its worker, nothing is stored, and another worker makes it', async () => {
    const first = await startWorker();
    const { mediaId, renditionId } = await videoWithRendition();
    const ffmpeg = await encodingOn(first, mediaId);

    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await waitUntil(() => !isAlive(ffmpeg));
    expect(await rendition(mediaId)).toMatchObject({
      id: renditionId,
      status: 'processing',
      url: null,
    });
    expect(await storedRenditions(mediaId)).toEqual([]);

    await startWorker();
    const done = await waitFor(
      () => rendition(mediaId),
      (r) => r.status === 'ready' || r.status === 'failed',
      { intervalMs: 200 },
    );
    expect(done).toMatchObject({
      status: 'ready',
      width: 480,
      height: 854,
      validation: { valid: true },
    });
    expect(await storedRenditions(mediaId)).toEqual([`${renditionId}.mp4`]);
    const served = await fetch(done.url!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('video/mp4');
  });

  it('deleting the item mid-transcode stops the encode and stores nothing', async () => {
    const worker = await startWorker();
    const { mediaId } = await videoWithRendition();
    const ffmpeg = await encodingOn(worker, mediaId);

    expect((await api('DELETE', `/v1/media/${mediaId}`)).status).toBe(200);

    await waitUntil(() => !isAlive(ffmpeg));
    await waitUntil(() =>
      worker.output().includes(`cancelled: the item was deleted`),
    );
    expect(await storedRenditions(mediaId)).toEqual([]);
    expect((await api('GET', `/v1/media/${mediaId}/renditions`)).status).toBe(
      404,
    );
  });
});
