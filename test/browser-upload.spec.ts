import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { fixture } from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The integrating team's web page: served from its own origin, with the image it will upload. */
async function startPageHost(image: Buffer): Promise<{
  server: Server;
  origin: string;
}> {
  const server = createServer((request, response) => {
    if (request.url === '/photo.png') {
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(image);
    } else {
      response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Uploader</title><p>Uploader</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

describe('a browser page on another origin uploading straight to the API', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let page: { server: Server; origin: string };
  let profile: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    page = await startPageHost(await fixture('png-alpha.png'));
    t = await startTestApp({ CORS_ORIGINS: page.origin });
    ws = await t.createWorkspace();
    profile = await mkdtemp(join(tmpdir(), 'media-api-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    await t?.close();
    await new Promise((resolve) => page?.server.close(resolve));
  });

  it('presigns with fetch, PUTs the bytes to the upload URL, and the item becomes READY', async () => {
    const tab = await browser.newPage();
    await tab.goto(page.origin);
    const result = await tab.evaluate(
      async ({ api, key }) => {
        const image = await (await fetch('/photo.png')).blob();
        const authorization = { Authorization: `Bearer ${key}` };
        const presign = await fetch(`${api}/v1/media/upload`, {
          method: 'POST',
          headers: { ...authorization, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            filename: 'photo.png',
            contentType: 'image/png',
            sizeBytes: image.size,
          }),
        });
        const upload = (await presign.json()) as {
          mediaId: string;
          uploadUrl: string;
          uploadHeaders: Record<string, string>;
        };
        const put = await fetch(upload.uploadUrl, {
          method: 'PUT',
          headers: upload.uploadHeaders,
          body: image,
        });
        let status = '';
        for (let tries = 0; tries < 200 && status !== 'READY'; tries++) {
          const media = await fetch(`${api}/v1/media/${upload.mediaId}`, {
            headers: authorization,
          });
          status = ((await media.json()) as { status: string }).status;
          if (status === 'FAILED') break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return {
          presignStatus: presign.status,
          requestId: presign.headers.get('X-Request-Id'),
          putStatus: put.status,
          etag: put.headers.get('ETag'),
          status,
        };
      },
      { api: t.baseUrl, key: ws.apiKey },
    );
    expect(result).toEqual({
      presignStatus: 201,
      requestId: expect.stringMatching(/^req_/),
      putStatus: 200,
      etag: expect.stringMatching(/^"[0-9a-f]{64}"$/),
      status: 'READY',
    });
  });
});
