import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixture } from './support/media.js';
import { ROOT } from './support/server-process.js';
import {
  freePort,
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';
import { waitFor } from './support/wait.js';

interface Violation {
  location: Array<string | number>;
  severity: string;
  code: string | number;
  message: string;
}

interface Exchange {
  request: string;
  status: number;
  /** Prism's parsed header, or the header itself when it was too long to be JSON. */
  violations: Violation[] | string;
}

/**
 * A scripted client session sent through Prism's validating proxy, an independent reading of the
 * committed openapi.json: Prism checks each request and each response (status, headers, body
 * schema) against the document and reports what does not conform in an `sl-violations` header.
 * The app publishes its URLs under the proxy's address, so the upload PUT and the file download
 * go through it too; the file is a text caption because Prism forwards request bodies as UTF-8
 * text, which would mangle an image's bytes. Rate limits are on, so their headers are checked as
 * well.
 */
describe('the API as Prism reads openapi.json', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let prism: ChildProcess;
  let prismOutput = '';
  let proxyUrl: string;
  const exchanges: Exchange[] = [];

  beforeAll(async () => {
    const prismPort = await freePort();
    proxyUrl = `http://127.0.0.1:${prismPort}`;
    t = await startTestApp({
      PUBLIC_BASE_URL: proxyUrl,
      RATE_LIMIT_ENABLED: 'true',
    });
    ws = await t.createWorkspace();
    prism = spawn(
      join(ROOT, 'node_modules', '.bin', 'prism'),
      [
        'proxy',
        join(ROOT, 'openapi.json'),
        t.baseUrl,
        '--host',
        '127.0.0.1',
        '--port',
        String(prismPort),
        '--errors',
        'false',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prism.stdout!.on('data', (chunk: Buffer) => (prismOutput += chunk));
    prism.stderr!.on('data', (chunk: Buffer) => (prismOutput += chunk));
    // Prism listens once it has read and dereferenced the document.
    await waitFor(
      () =>
        fetch(`${proxyUrl}/health/live`).then(
          (response) => response.status,
          () => undefined,
        ),
      (status) => {
        if (prism.exitCode !== null) {
          throw new Error(`prism exited early:\n${prismOutput}`);
        }
        return status === 200;
      },
      { intervalMs: 200 },
    );
  });
  afterAll(async () => {
    if (prism && prism.exitCode === null) {
      const exited = new Promise((resolve) => prism.once('exit', resolve));
      prism.kill('SIGTERM');
      await exited;
    }
    await t?.close();
  });

  /** Sends a request through the proxy and records what Prism found wrong with the exchange. */
  async function send(
    path: string,
    init: RequestInit & { apiKey?: string } = {},
  ): Promise<Response> {
    const { apiKey, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (apiKey) headers.set('Authorization', `Bearer ${apiKey}`);
    const url = path.startsWith('http') ? path : `${proxyUrl}${path}`;
    const response = await fetch(url, { ...rest, headers });
    const header = response.headers.get('sl-violations');
    exchanges.push({
      request: `${rest.method ?? 'GET'} ${new URL(url).pathname}`,
      status: response.status,
      violations: !header
        ? []
        : header.startsWith('[')
          ? (JSON.parse(header) as Violation[])
          : header,
    });
    return response;
  }

  const json = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  it('finds no violation in presign → PUT → READY → list → get → file → delete, and in error answers', async () => {
    const bytes = await fixture('caption.vtt');
    const presign = await send('/v1/media/upload', {
      ...json({
        filename: 'subtitles.vtt',
        contentType: 'text/vtt',
        sizeBytes: bytes.length,
      }),
      apiKey: ws.apiKey,
    });
    expect(presign.status).toBe(201);
    const upload = (await presign.json()) as {
      mediaId: string;
      uploadUrl: string;
      uploadHeaders: Record<string, string>;
    };
    expect(upload.uploadUrl.startsWith(`${proxyUrl}/uploads/`)).toBe(true);

    const put = await send(upload.uploadUrl, {
      method: 'PUT',
      headers: upload.uploadHeaders,
      body: new Uint8Array(bytes),
    });
    expect(put.status, await put.clone().text()).toBe(200);

    const ready = await waitFor(
      async () => {
        const response = await send(`/v1/media/${upload.mediaId}`, {
          apiKey: ws.apiKey,
        });
        return response.status === 200
          ? ((await response.json()) as { status: string; publicUrl: string })
          : undefined;
      },
      (media) => media?.status === 'READY' || media?.status === 'FAILED',
      { intervalMs: 500 },
    );
    expect(ready!.status).toBe('READY');

    const list = await send('/v1/media?status=READY&limit=10', {
      apiKey: ws.apiKey,
    });
    expect(list.status).toBe(200);
    expect(
      ((await list.json()) as { data: Array<{ id: string }> }).data.map(
        (item) => item.id,
      ),
    ).toEqual([upload.mediaId]);

    const notPending = await send(
      `/v1/media/${upload.mediaId}/refresh-presign`,
      { method: 'POST', apiKey: ws.apiKey },
    );
    expect(notPending.status).toBe(409);

    const file = await send(ready!.publicUrl);
    expect(file.status).toBe(200);
    await file.arrayBuffer();

    const deleted = await send(`/v1/media/${upload.mediaId}`, {
      method: 'DELETE',
      apiKey: ws.apiKey,
    });
    expect(deleted.status).toBe(200);

    const gone = await send(`/v1/media/${upload.mediaId}`, {
      apiKey: ws.apiKey,
    });
    expect(gone.status).toBe(404);

    const unknownKey = await send('/v1/workspace', {
      apiKey: `mk_live_${'x'.repeat(32)}`,
    });
    expect(unknownKey.status).toBe(401);
    // Callers without a valid key get a burst of 10 per address, then 429 with the limit headers.
    const limited = await waitFor(
      () => send('/v1/workspace', { apiKey: `mk_live_${'x'.repeat(32)}` }),
      (response) => response.status !== 401,
      { intervalMs: 0 },
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-policy')).toBe('"address";q=10;w=24');

    // Schema-valid, but over the JSON body limit: refused before it is parsed.
    const oversized = await send('/v1/media/upload', {
      ...json({
        filename: 'subtitles.vtt',
        contentType: 'text/vtt',
        sizeBytes: bytes.length,
        padding: 'x'.repeat(t.config.jsonBodyLimitBytes),
      }),
      apiKey: ws.apiKey,
    });
    expect(oversized.status).toBe(413);

    expect(
      exchanges.filter((exchange) => exchange.violations.length > 0),
      prismOutput,
    ).toEqual([]);
  });

  it('accepts the upload bodies Swagger UI prefills, sent as they are', async () => {
    const document = JSON.parse(
      await readFile(join(ROOT, 'openapi.json'), 'utf8'),
    ) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<
                string,
                { examples?: Record<string, { value: unknown }> }
              >;
            };
          }
        >
      >;
    };
    const from = exchanges.length;
    for (const path of [
      '/v1/media/upload',
      '/v1/media/bulk-presign',
      '/v1/media/bulk-video-upload-urls',
    ]) {
      const examples = Object.values(
        document.paths[path].post.requestBody!.content['application/json']
          .examples ?? {},
      );
      expect(examples, path).not.toEqual([]);
      for (const { value } of examples) {
        const response = await send(path, {
          ...json(value),
          apiKey: ws.apiKey,
        });
        expect([path, response.status]).toEqual([path, 201]);
      }
    }
    expect(
      exchanges
        .slice(from)
        .filter((exchange) => exchange.violations.length > 0),
      prismOutput,
    ).toEqual([]);
  });
});
