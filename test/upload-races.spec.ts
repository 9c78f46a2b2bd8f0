import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  fixture,
  mediaEventTypes,
  putBytes,
  requestUpload,
  waitForStatus,
} from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';
import { waitUntil } from './support/wait.js';

/** A PUT whose body is sent in two halves, so a test can act while it is in flight. */
function slowPut(url: string, headers: Record<string, string>, body: Buffer) {
  const half = Math.floor(body.length / 2);
  let answered!: Promise<{ status: number; body: string }>;
  const req = request(url, {
    method: 'PUT',
    headers: { ...headers, 'Content-Length': String(body.length) },
  });
  answered = new Promise((resolve, reject) => {
    req.on('response', (response: IncomingMessage) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, body: text }),
      );
    });
    req.on('error', reject);
  });
  req.write(body.subarray(0, half));
  return {
    finish(): Promise<{ status: number; body: string }> {
      req.end(body.subarray(half));
      return answered;
    },
  };
}

describe('an upload URL is single-use, and DELETE wins over an upload in flight', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let png: Buffer;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await t.createWorkspace();
    png = await fixture('png-alpha.png');
  });
  afterAll(() => t.close());

  async function tempFiles(): Promise<string[]> {
    const dir = join(t.storageDir, '.tmp');
    return existsSync(dir) ? readdir(dir) : [];
  }

  /** Until the server streams a PUT's body into its temp file: that PUT is past its checks, mid-body. */
  const inFlight = () => waitUntil(async () => (await tempFiles()).length > 0);

  it('a slow PUT of other bytes loses to a fast correct PUT: 409, and only the winner is stored and served', async () => {
    const upload = await requestUpload(
      t.client(ws.apiKey),
      'race.png',
      'image/png',
      png,
    );
    const html = Buffer.alloc(png.length, ' ');
    Buffer.from('<html><script>alert(1)</script></html>').copy(html);
    const slow = slowPut(upload.uploadUrl, upload.uploadHeaders, html);
    await inFlight();
    const fast = await putBytes(upload.uploadUrl, upload.uploadHeaders, png);
    expect(fast.status).toBe(200);
    const late = await slow.finish();
    expect(late.status).toBe(409);
    expect(JSON.parse(late.body)).toMatchObject({ code: 'conflict' });

    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(ready).toMatchObject({ status: 'READY', contentType: 'image/jpeg' });
    const served = await fetch(ready.publicUrl);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('hex')).toBe('ffd8ffe0');
    expect(bytes.includes(Buffer.from('<script>'))).toBe(false);
    expect(await tempFiles()).toEqual([]);
    expect(await mediaEventTypes(t.app, upload.mediaId)).toEqual([
      'media.uploaded',
      'media.ready',
    ]);
  });

  it('the same bytes PUT again (a client retrying) are answered 200 again and change nothing', async () => {
    const upload = await requestUpload(
      t.client(ws.apiKey),
      'again.png',
      'image/png',
      png,
    );
    const first = await putBytes(upload.uploadUrl, upload.uploadHeaders, png);
    expect(first.status).toBe(200);
    const second = await putBytes(upload.uploadUrl, upload.uploadHeaders, png);
    expect(second.status).toBe(200);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    const third = await putBytes(upload.uploadUrl, upload.uploadHeaders, png);
    expect(third.status).toBe(200);
    expect(
      (await mediaEventTypes(t.app, upload.mediaId)).filter(
        (type) => type === 'media.uploaded',
      ),
    ).toHaveLength(1);
    const other = Buffer.from(png);
    other[other.length - 1] ^= 0xff;
    expect(
      (await putBytes(upload.uploadUrl, upload.uploadHeaders, other)).status,
    ).toBe(409);
    expect(await tempFiles()).toEqual([]);
  });

  it('DELETE during an in-flight PUT: the PUT finds the item gone, and nothing is left on disk or in the database', async () => {
    const upload = await requestUpload(
      t.client(ws.apiKey),
      'doomed.png',
      'image/png',
      png,
    );
    const { data: pending } = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
    const slow = slowPut(upload.uploadUrl, upload.uploadHeaders, png);
    await inFlight();
    const deleted = await t
      .client(ws.apiKey)
      .DELETE('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
    expect(deleted.response.status).toBe(200);
    const late = await slow.finish();
    expect(late.status).toBe(404);
    expect(existsSync(join(t.storageDir, pending!.storagePath!))).toBe(false);
    expect(await tempFiles()).toEqual([]);
    const rows = await t.app
      .get(DataSource)
      .query('SELECT id FROM media WHERE id = $1', [upload.mediaId]);
    expect(rows).toEqual([]);
  });

  it('many PUTs of the same URL at once store one upload and emit one media.uploaded', async () => {
    const upload = await requestUpload(
      t.client(ws.apiKey),
      'crowd.png',
      'image/png',
      png,
    );
    const variants = Array.from({ length: 6 }, (_, index) => {
      const bytes = Buffer.from(png);
      if (index > 0) bytes[bytes.length - 1] ^= index;
      return bytes;
    });
    const statuses = await Promise.all(
      variants.map(
        async (bytes) =>
          (await putBytes(upload.uploadUrl, upload.uploadHeaders, bytes))
            .status,
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(await mediaEventTypes(t.app, upload.mediaId)).toEqual([
      'media.uploaded',
      expect.stringMatching(/^media\.(ready|processing_failed)$/),
    ]);
    expect(await tempFiles()).toEqual([]);
  });
});
