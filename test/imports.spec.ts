import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { nonPublicHostMessage } from '../src/infra/fetch/non-public-host.js';
import { ensureBuilt } from './support/build.js';
import { createWorkspaceWithCli } from './support/cli.js';
import { fixture, SAMPLE_PDF, waitForStatus } from './support/media.js';
import {
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import { serve, startFileHost, type FileHost } from './support/file-host.js';
import {
  freePort,
  postJson,
  startTestApp,
  testEnvironment,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const MB = 1024 * 1024;
const TOKEN = 'ya29.secret-import-token-0123456789';

/** An endless-looking PNG: the signature and then zeros, `size` bytes, without a Content-Length. */
function hugePng(size: number) {
  return (_request: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(200, { 'Content-Type': 'image/png' });
    const chunk = Buffer.alloc(64 * 1024);
    Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(chunk);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end();
    };
    response.on('error', () => undefined);
    pump();
  };
}

describe('URL upload and imports', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;
  let drive: FileHost;
  let png: Buffer;

  beforeAll(async () => {
    png = await fixture('png-alpha.png');
    host = await startFileHost({
      '/image.png': serve(png, 'image/png'),
      '/chunked.png': serve(png, 'image/png', { chunked: true }),
      '/redirect': (_request, response) => {
        response.writeHead(302, { Location: '/image.png' }).end();
      },
      '/page.html': serve(
        Buffer.from('<!doctype html><html><body>hi</body></html>'),
        'text/html',
      ),
      '/lying.png': serve(
        Buffer.from('<html><script>alert(1)</script></html>'),
        'image/png',
      ),
      '/huge.png': hugePng(21 * MB),
      '/captions.vtt': serve(
        Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n'),
        'text/vtt',
      ),
      '/private/report.pdf': serve(SAMPLE_PDF, 'application/pdf', {
        bearer: TOKEN,
      }),
      '/flaky.pdf': (() => {
        let calls = 0;
        return (request, response) => {
          calls += 1;
          if (calls < 3) {
            response.writeHead(503, { 'Retry-After': '0' }).end();
            return;
          }
          return serve(SAMPLE_PDF, 'application/pdf', { bearer: TOKEN })(
            request,
            response,
          );
        };
      })(),
    });
    drive = await startFileHost({
      '/drive/v3/files/img1': serve(png, 'image/png', { bearer: TOKEN }),
      '/drive/v3/files/doc1/export': serve(SAMPLE_PDF, 'application/pdf', {
        bearer: TOKEN,
      }),
    });
    t = await startTestApp({
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      GOOGLE_DRIVE_API_BASE: drive.baseUrl,
    });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await host?.close();
    await drive?.close();
  });

  const post = (path: string, body: unknown) =>
    postJson(t.baseUrl, ws.apiKey, path, body);

  async function storedObjects(): Promise<string[]> {
    const dir = join(t.storageDir, ws.workspace.id);
    return existsSync(dir) ? readdir(dir, { recursive: true }) : [];
  }

  async function mediaCount(): Promise<number> {
    const [{ n }] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM media WHERE workspace_id = $1', [
        ws.workspace.id,
      ]);
    return n;
  }

  describe('POST /v1/media', () => {
    it.each(['/image.png', '/chunked.png', '/redirect'])(
      'stores %s as a JFIF JPEG, READY, whose url serves it',
      async (path) => {
        const response = await post('/v1/media', {
          url: `${host.baseUrl}${path}`,
        });
        expect(response.status).toBe(201);
        const body = await response.json();
        expect(body).toMatchObject({
          status: 'READY',
          contentType: 'image/jpeg',
          metadata: { source: 'url' },
        });
        expect(body.url).toBe(body.publicUrl);
        expect(body.id).toMatch(/^media_/);
        const served = await fetch(body.url);
        expect(served.status).toBe(200);
        const bytes = Buffer.from(await served.arrayBuffer());
        expect(bytes.subarray(0, 11).toString('hex')).toBe(
          'ffd8ffe000104a46494600',
        );
        // The key keeps the source's name; the file is saved under the type it now is.
        const saveAs = `${path.slice(1).replace(/\.png$/, '')}.jpg`;
        expect(served.headers.get('content-disposition')).toBe(
          `inline; filename="${saveAs}"; filename*=UTF-8''${saveAs}`,
        );
      },
    );

    it('takes a caption the source labels as one', async () => {
      const response = await post('/v1/media', {
        url: `${host.baseUrl}/captions.vtt`,
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({
        status: 'READY',
        contentType: 'text/vtt',
      });
    });

    it.each([
      ['an HTML page', '/page.html', 400, /text served as text\/html/],
      [
        'text lying that it is a PNG',
        '/lying.png',
        400,
        /text served as image\/png/,
      ],
      ['an image over 20 MB', '/huge.png', 400, /larger than 20 MB/],
      ['a missing file', '/missing.png', 500, /the source answered 404/i],
    ])(
      'refuses %s and leaves nothing behind',
      async (_, path, status, message) => {
        const before = await mediaCount();
        const objectsBefore = await storedObjects();
        const response = await post('/v1/media', {
          url: `${host.baseUrl}${path}`,
        });
        expect(response.status).toBe(status);
        const problem = await response.json();
        expect(problem.code).toBe(
          status === 400 ? 'validation_error' : 'internal_error',
        );
        expect(problem.message).toMatch(message);
        expect(await mediaCount()).toBe(before);
        expect(await storedObjects()).toEqual(objectsBefore);
        expect(
          await readdir(join(t.storageDir, '.tmp')).catch(() => []),
        ).toEqual([]);
      },
    );

    it.each([
      [{}, 'url'],
      [{ url: 'not a url' }, 'url'],
      [{ url: 'ftp://example.com/a.png' }, 'url'],
      [{ url: 'file:///etc/passwd' }, 'url'],
    ])('answers %j with 400 naming the field', async (body, field) => {
      const response = await post('/v1/media', body);
      expect(response.status).toBe(400);
      expect((await response.json()).errors[0].field).toBe(field);
    });
  });

  describe('asynchronous imports', () => {
    async function waitForImport(jobId: string) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const { data } = await t
          .client(ws.apiKey)
          .GET('/v1/media/import/{jobId}/status', {
            params: { path: { jobId } },
          });
        if (data && data.status !== 'importing') return data;
        if (Date.now() > deadline)
          throw new Error(`import ${jobId} still running`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    it('imports from a bearer-token URL, and the token is left nowhere', async () => {
      const response = await post('/v1/media/import-from-url', {
        downloadUrl: `${host.baseUrl}/private/report.pdf`,
        filename: 'Report.pdf',
        mimeType: 'application/pdf',
        accessToken: TOKEN,
      });
      expect(response.status).toBe(202);
      const started = await response.json();
      expect(started).toMatchObject({ status: 'importing' });
      expect(started.jobId).toMatch(/^job_/);
      const done = await waitForImport(started.jobId);
      expect(done).toMatchObject({
        status: 'complete',
        mediaId: started.mediaId,
        contentType: 'application/pdf',
      });
      const media = await waitForStatus(t.client(ws.apiKey), started.mediaId);
      expect(media).toMatchObject({
        status: 'READY',
        filename: 'Report.pdf',
        sizeBytes: SAMPLE_PDF.length,
        metadata: { source: 'import_url', importStatus: 'complete' },
      });
      expect(host.requests.at(-1)).toMatchObject({
        path: '/private/report.pdf',
        authorization: `Bearer ${TOKEN}`,
      });

      const dump = await t.app.get(DataSource).query(
        `SELECT json_agg(row_to_json(m))::text AS media,
                (SELECT json_agg(row_to_json(j))::text FROM import_jobs j) AS jobs,
                (SELECT json_agg(row_to_json(e))::text FROM media_events e) AS events
           FROM media m`,
      );
      expect(JSON.stringify(dump)).not.toContain(TOKEN);
      const redis = new Redis(t.config.redisUrl);
      try {
        const keys = await redis.keys(`${t.config.redisKeyPrefix}:*`);
        for (const key of keys) {
          const type = await redis.type(key);
          const value =
            type === 'string'
              ? await redis.get(key)
              : type === 'hash'
                ? JSON.stringify(await redis.hgetall(key))
                : type === 'list'
                  ? JSON.stringify(await redis.lrange(key, 0, -1))
                  : type === 'zset'
                    ? JSON.stringify(await redis.zrange(key, 0, -1))
                    : '';
          expect(value ?? '', key).not.toContain(TOKEN);
        }
      } finally {
        redis.disconnect();
      }
    });

    it('retries a source that answers 503 until it succeeds', async () => {
      const response = await post('/v1/media/import-from-url', {
        downloadUrl: `${host.baseUrl}/flaky.pdf`,
        filename: 'flaky.pdf',
        mimeType: 'application/pdf',
        accessToken: TOKEN,
      });
      const started = await response.json();
      expect(await waitForImport(started.jobId)).toMatchObject({
        status: 'complete',
      });
    });

    it('fails with a readable error when the source refuses the token', async () => {
      const response = await post('/v1/media/import-from-url', {
        downloadUrl: `${host.baseUrl}/private/report.pdf`,
        filename: 'Report.pdf',
        mimeType: 'application/pdf',
        accessToken: 'wrong-token',
      });
      const started = await response.json();
      expect(await waitForImport(started.jobId)).toMatchObject({
        status: 'failed',
        error: 'The source answered 401',
      });
      const media = await waitForStatus(t.client(ws.apiKey), started.mediaId);
      expect(media).toMatchObject({
        status: 'FAILED',
        metadata: { importStatus: 'failed' },
      });
    });

    it('imports a Drive file, exports a Google Doc as PDF, and explains a missing file', async () => {
      const image = await (
        await post('/v1/media/import-from-drive', {
          fileId: 'img1',
          filename: 'photo.png',
          mimeType: 'image/png',
          accessToken: TOKEN,
        })
      ).json();
      const doc = await (
        await post('/v1/media/import-from-drive', {
          fileId: 'doc1',
          filename: 'Brief',
          mimeType: 'application/vnd.google-apps.document',
          accessToken: TOKEN,
        })
      ).json();
      const missing = await (
        await post('/v1/media/import-from-drive', {
          fileId: 'nope',
          filename: 'gone.png',
          mimeType: 'image/png',
          accessToken: TOKEN,
        })
      ).json();
      expect(await waitForImport(image.jobId)).toMatchObject({
        status: 'complete',
        contentType: 'image/jpeg',
      });
      expect(await waitForImport(doc.jobId)).toMatchObject({
        status: 'complete',
        contentType: 'application/pdf',
      });
      expect(await waitForImport(missing.jobId)).toMatchObject({
        status: 'failed',
        error: 'Google Drive has no file nope that this token can read (404)',
      });
      expect(
        drive.requests.find((request) => request.path.endsWith('/doc1/export')),
      ).toBeDefined();
    });

    it("answers 404 for another workspace's import job", async () => {
      const started = await (
        await post('/v1/media/import-from-drive', {
          fileId: 'img1',
          filename: 'photo.png',
          mimeType: 'image/png',
          accessToken: TOKEN,
        })
      ).json();
      const other = await t.createWorkspace();
      const { response } = await t
        .client(other.apiKey)
        .GET('/v1/media/import/{jobId}/status', {
          params: { path: { jobId: started.jobId } },
        });
      expect(response.status).toBe(404);
    });
  });

  it('drive-import answers 207 with a result per file, leaving nothing of a failed one', async () => {
    const before = await mediaCount();
    const response = await post('/v1/media/drive-import', {
      files: [
        {
          driveFileId: 'img1',
          name: 'a.png',
          mimeType: 'image/png',
          sizeBytes: png.length,
        },
        {
          driveFileId: 'nope',
          name: 'b.png',
          mimeType: 'image/png',
          sizeBytes: 10,
        },
      ],
      accessToken: TOKEN,
    });
    expect(response.status).toBe(207);
    const { results } = await response.json();
    expect(results).toEqual([
      {
        fileId: 'img1',
        mediaId: expect.stringMatching(/^media_/),
        url: expect.stringContaining('/files/'),
        status: 'ok',
      },
      {
        fileId: 'nope',
        status: 'error',
        error: 'Google Drive has no file nope that this token can read (404)',
      },
    ]);
    expect(await mediaCount()).toBe(before + 1);
    const ready = await waitForStatus(t.client(ws.apiKey), results[0].mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      metadata: { source: 'drive' },
    });
  });
});

describe('URL upload with private addresses refused (the default)', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let canary: FileHost;

  beforeAll(async () => {
    canary = await startFileHost({
      '/a.png': serve(Buffer.from('x'), 'image/png'),
    });
    t = await startTestApp();
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await canary?.close();
  });

  const post = (path: string, body: unknown) =>
    postJson(t.baseUrl, ws.apiKey, path, body);

  it('refuses loopback and private URLs with 400 before any connection, naming the host and the setting', async () => {
    const port = new URL(canary.baseUrl).port;
    // Decimal and hex forms are not URLs to the body's validation; the others reach the fetcher.
    for (const [url, host] of [
      [`http://127.0.0.1:${port}/a.png`, '127.0.0.1'],
      [`http://localhost:${port}/a.png`, 'localhost'],
      [`http://[::1]:${port}/a.png`, '::1'],
      [`http://2130706433:${port}/a.png`, null],
      [`http://0x7f.1:${port}/a.png`, null],
      [`http://10.0.0.1:${port}/a.png`, '10.0.0.1'],
    ] as const) {
      const response = await post('/v1/media', { url });
      expect(response.status, url).toBe(400);
      const problem = await response.json();
      expect(problem.errors[0].field).toBe('url');
      if (host) {
        const message = nonPublicHostMessage(host, { nameSetting: true });
        expect(problem, url).toMatchObject({
          code: 'validation_error',
          message,
          errors: [{ field: 'url', message }],
        });
      }
    }
    expect(canary.requests).toEqual([]);
  });

  it('refuses them on import-from-url in the same words', async () => {
    const port = new URL(canary.baseUrl).port;
    for (const [downloadUrl, host] of [
      [`http://localhost:${port}/a.png`, 'localhost'],
      [`http://127.0.0.1:${port}/a.png`, '127.0.0.1'],
    ]) {
      const response = await post('/v1/media/import-from-url', {
        downloadUrl,
        filename: 'a.png',
        mimeType: 'image/png',
        accessToken: TOKEN,
      });
      expect(response.status, downloadUrl).toBe(400);
      const message = nonPublicHostMessage(host, { nameSetting: true });
      expect(await response.json(), downloadUrl).toMatchObject({
        code: 'validation_error',
        message,
        errors: [{ field: 'downloadUrl', message }],
      });
    }
    expect(canary.requests).toEqual([]);
  });
});

describe('an import in a separate server process logging everything', () => {
  let server: ServerProcess;
  let host: FileHost;
  let storageDir: string;

  beforeAll(async () => {
    await ensureBuilt();
    host = await startFileHost({
      '/private/report.pdf': serve(SAMPLE_PDF, 'application/pdf', {
        bearer: TOKEN,
      }),
    });
    storageDir = await mkdtemp(join(tmpdir(), 'media-api-storage-'));
    server = startServerProcess(await freePort(), {
      ...testEnvironment({
        LOG_LEVEL: 'trace',
        LOCAL_STORAGE_DIR: storageDir,
        FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      }),
    });
    await server.ready();
  });
  afterAll(async () => {
    await server?.stop();
    await host?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('never writes the access token to its logs', async () => {
    const { apiKey: key } = await createWorkspaceWithCli(
      'media:read,media:write',
    );
    const response = await fetch(`${server.baseUrl}/v1/media/import-from-url`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        downloadUrl: `${host.baseUrl}/private/report.pdf`,
        filename: 'Report.pdf',
        mimeType: 'application/pdf',
        accessToken: TOKEN,
      }),
    });
    expect(response.status).toBe(202);
    const { jobId } = await response.json();
    await vi.waitFor(
      async () => {
        const status = await fetch(
          `${server.baseUrl}/v1/media/import/${jobId}/status`,
          { headers: { Authorization: `Bearer ${key}` } },
        ).then((answer) => answer.json());
        expect(status.status).toBe('complete');
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(server.output()).toContain(jobId);
    expect(server.output()).not.toContain(TOKEN);
  });

  it('logs why a URL upload answered 500, with the request id it answered with', async () => {
    const { apiKey: key } = await createWorkspaceWithCli('media:write');
    const response = await fetch(`${server.baseUrl}/v1/media`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ url: `${host.baseUrl}/gone/report.pdf` }),
    });
    expect(response.status).toBe(500);
    const problem = await response.json();
    expect(problem).toMatchObject({
      code: 'internal_error',
      message: 'The file could not be downloaded: The source answered 404',
    });
    expect(JSON.stringify(problem)).not.toMatch(/stack|UpstreamStatusError/);
    const requestId = response.headers.get('x-request-id');
    await vi.waitFor(() => {
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 40,
          requestId,
          code: 'internal_error',
          msg: problem.message,
          err: expect.objectContaining({
            kind: 'upstream_status',
            status: 404,
          }),
        }),
      );
    });
  });
});
