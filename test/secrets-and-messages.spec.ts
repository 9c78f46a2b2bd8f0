import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import {
  fixture,
  putBytes,
  requestUpload,
  SAMPLE_PDF,
  waitForStatus,
} from './support/media.js';
import { serve, startFileHost, type FileHost } from './support/file-host.js';
import {
  postJson,
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const TOKEN = 'ya29.secret-import-token-0123456789';

interface Problem {
  code: string;
  message: string;
  errors?: Array<{ field: string; message: string }>;
}

describe('import requests are checked before anything is downloaded', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;
  let drive: FileHost;

  beforeAll(async () => {
    const png = await fixture('png-alpha.png');
    host = await startFileHost({
      '/private/report.pdf': serve(SAMPLE_PDF, 'application/pdf', {
        bearer: TOKEN,
      }),
      '/bad%00na%0Ame.png': serve(png, 'image/png'),
    });
    drive = await startFileHost({
      '/drive/v3/files/img1': serve(png, 'image/png', { bearer: TOKEN }),
      '/drive/v3/files/img2': serve(png, 'image/png', { bearer: TOKEN }),
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

  async function mediaCount(): Promise<number> {
    const [{ n }] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM media WHERE workspace_id = $1', [
        ws.workspace.id,
      ]);
    return n;
  }

  const requests = (filename: string, accessToken: string) =>
    [
      [
        '/v1/media/import-from-url',
        'filename',
        {
          downloadUrl: `${host.baseUrl}/private/report.pdf`,
          filename,
          mimeType: 'application/pdf',
          accessToken,
        },
      ],
      [
        '/v1/media/import-from-drive',
        'filename',
        { fileId: 'doc1', filename, mimeType: 'application/pdf', accessToken },
      ],
      [
        '/v1/media/drive-import',
        'files.0.name',
        {
          files: [
            {
              driveFileId: 'img1',
              name: filename,
              mimeType: 'image/png',
              sizeBytes: 10,
            },
          ],
          accessToken,
        },
      ],
    ] as const;

  it.each(['nul\u0000.pdf', 'line\nbreak.pdf', 'c1\u0085.pdf'])(
    'refuses a filename with control characters (%j) with 400 naming the field, downloading nothing',
    async (filename) => {
      const before = await mediaCount();
      const seen = host.requests.length + drive.requests.length;
      for (const [path, field, body] of requests(filename, TOKEN)) {
        const response = await post(path, body);
        expect(response.status).toBe(400);
        const problem = (await response.json()) as Problem;
        expect(problem.code).toBe('validation_error');
        // NUL is refused by the JSON body check itself (any field); other controls by the DTO.
        const leaf = field.split('.').pop()!;
        expect(problem.errors).toEqual([
          {
            field,
            message: filename.includes('\u0000')
              ? `${field} contains a NUL character (\\u0000), which cannot be stored`
              : `${leaf} must not contain control characters`,
          },
        ]);
      }
      expect(host.requests.length + drive.requests.length).toBe(seen);
      expect(await mediaCount()).toBe(before);
    },
  );

  it.each([
    `${TOKEN}…`,
    'token with a line\nbreak',
    'emoji-🙂-token',
    ' leading-space',
    `${TOKEN}\u0000`,
  ])(
    'refuses an access token that cannot be sent as a header (%j) with 400 naming accessToken, without repeating it',
    async (accessToken) => {
      const seen = host.requests.length + drive.requests.length;
      for (const [path, , body] of requests('fine.pdf', accessToken)) {
        const response = await post(path, body);
        expect(response.status).toBe(400);
        const text = await response.text();
        const problem = JSON.parse(text) as Problem;
        expect(problem.code).toBe('validation_error');
        expect(problem.errors?.map((error) => error.field)).toEqual([
          'accessToken',
        ]);
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain('emoji');
      }
      expect(host.requests.length + drive.requests.length).toBe(seen);
    },
  );

  it('still takes a Latin-1 token (it can be sent)', async () => {
    const response = await post('/v1/media/import-from-url', {
      downloadUrl: `${host.baseUrl}/private/report.pdf`,
      filename: 'report.pdf',
      mimeType: 'application/pdf',
      accessToken: 'caf\u00e9-token',
    });
    expect(response.status).toBe(202);
  });

  it('cleans control characters out of a filename taken from the URL path (POST /v1/media)', async () => {
    const response = await post('/v1/media', {
      url: `${host.baseUrl}/bad%00na%0Ame.png`,
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { filename: string; url: string };
    expect(body.filename).toBe('badname.png');
    expect((await fetch(body.url)).status).toBe(200);
  });

  it('drive-import answers with URLs that serve at once', async () => {
    const response = await post('/v1/media/drive-import', {
      files: [
        {
          driveFileId: 'img1',
          name: 'one.png',
          mimeType: 'image/png',
          sizeBytes: 10,
        },
        {
          driveFileId: 'img2',
          name: 'two.png',
          mimeType: 'image/png',
          sizeBytes: 10,
        },
        {
          driveFileId: 'doc1',
          name: 'doc',
          mimeType: 'application/vnd.google-apps.document',
          sizeBytes: 10,
        },
      ],
      accessToken: TOKEN,
    });
    expect(response.status).toBe(207);
    const { results } = (await response.json()) as {
      results: Array<{ status: string; url: string }>;
    };
    expect(results.map((result) => result.status)).toEqual(['ok', 'ok', 'ok']);
    const served = await Promise.all(
      results.map((result) => fetch(result.url)),
    );
    expect(served.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(served[0].headers.get('content-type')).toBe('image/jpeg');
  });
});

describe('files served from local storage', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;

  beforeAll(async () => {
    host = await startFileHost({
      '/report.pdf': serve(SAMPLE_PDF, 'application/pdf'),
    });
    t = await startTestApp({ FETCH_ALLOW_PRIVATE_ADDRESSES: 'true' });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await host?.close();
  });

  async function storedPdf(): Promise<{ id: string; url: string }> {
    const response = await fetch(`${t.baseUrl}/v1/media`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ url: `${host.baseUrl}/report.pdf` }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; url: string };
  }

  it('are cacheable for a day by default, and not immutable', async () => {
    const { url } = await storedPdf();
    const served = await fetch(url);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('never send caching headers on an error answer', async () => {
    const { url } = await storedPdf();
    const beyond = await fetch(url, {
      headers: { Range: `bytes=${SAMPLE_PDF.length + 10}-` },
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(
      `bytes */${SAMPLE_PDF.length}`,
    );
    expect(beyond.headers.get('cache-control')).toBe('no-store');
    expect(beyond.headers.get('etag')).toBeNull();
    expect(beyond.headers.get('last-modified')).toBeNull();
  });

  it('answer 200 or 404 to reads racing a DELETE, and only a 200 is cacheable', async () => {
    const { id, url } = await storedPdf();
    const reads = Array.from({ length: 30 }, () => fetch(url));
    const deleted = fetch(`${t.baseUrl}/v1/media/${id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${ws.apiKey}` },
    });
    const answers = await Promise.all(reads);
    expect((await deleted).status).toBe(200);
    for (const answer of answers) {
      expect([200, 404]).toContain(answer.status);
      const body = Buffer.from(await answer.arrayBuffer());
      if (answer.status === 200) {
        expect(body.equals(SAMPLE_PDF)).toBe(true);
      } else {
        expect(answer.headers.get('cache-control')).toBe('no-store');
      }
    }
    const after = await fetch(url);
    expect(after.status).toBe(404);
    expect(after.headers.get('cache-control')).toBe('no-store');
  });
});

const run = promisify(execFile);

/**
 * A tmpfs of `size` at a fresh directory, so a write past it fails with ENOSPC as a full disk does.
 * Null where this process may not mount (not root): the test is skipped there.
 */
async function tinyFileSystem(
  size: string,
): Promise<{ dir: string; remove(): Promise<void> } | null> {
  const dir = await mkdtemp(join(tmpdir(), 'media-api-full-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  } catch {
    await rm(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    async remove() {
      await run('umount', [dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const canMount = await tinyFileSystem('64k').then(async (probe) => {
  await probe?.remove();
  return probe !== null;
});

describe.skipIf(!canMount)('when our storage is full', () => {
  const MB = 1024 * 1024;
  let t: TestApp;
  let ws: TestWorkspace;
  let host: FileHost;
  let disk: { dir: string; remove(): Promise<void> };
  // Two 1 MB files do not fit on a 1.5 MB disk; small ones do.
  // A PDF is kept as it is by processing, so the first one keeps its space.
  const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(MB, 0x20)]);

  beforeAll(async () => {
    disk = (await tinyFileSystem('1536k'))!;
    host = await startFileHost({
      '/big.pdf': serve(big, 'application/pdf'),
    });
    t = await startTestApp({
      FETCH_ALLOW_PRIVATE_ADDRESSES: 'true',
      LOCAL_STORAGE_DIR: disk.dir,
      FILES_CACHE_MAX_AGE_SECONDS: '600',
    });
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await host?.close();
    await disk?.remove();
  });

  /** Every file under the storage directory except the generated signing secret. */
  async function filesOnDisk(): Promise<string[]> {
    const entries = await readdir(disk.dir, {
      recursive: true,
      withFileTypes: true,
    });
    return entries
      .filter((entry) => entry.isFile() && entry.name !== '.signing-secret')
      .map((entry) => join(entry.parentPath, entry.name));
  }

  async function mediaCount(): Promise<number> {
    const [{ n }] = await t.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM media WHERE workspace_id = $1', [
        ws.workspace.id,
      ]);
    return n;
  }

  it('answers 507 insufficient_storage to an upload PUT and to a URL upload, keeping nothing', async () => {
    const client = t.client(ws.apiKey);
    // Fill most of the disk with a first upload that fits.
    const first = await requestUpload(
      client,
      'first.pdf',
      'application/pdf',
      big,
    );
    const stored = await putBytes(first.uploadUrl, first.uploadHeaders, big);
    expect(stored.status).toBe(200);
    expect((await waitForStatus(client, first.mediaId)).status).toBe('READY');
    const before = await filesOnDisk();

    const second = await requestUpload(
      client,
      'second.pdf',
      'application/pdf',
      big,
    );
    const refused = await putBytes(second.uploadUrl, second.uploadHeaders, big);
    expect(refused.status).toBe(507);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const problem = (await refused.json()) as Problem;
    expect(problem.code).toBe('insufficient_storage');
    expect(problem.message).not.toMatch(/ended before all bytes/);
    expect(await filesOnDisk()).toEqual(before);
    expect(
      (
        await client.GET('/v1/media/{id}', {
          params: { path: { id: second.mediaId } },
        })
      ).data?.status,
    ).toBe('PENDING');

    const count = await mediaCount();
    const viaUrl = await fetch(`${t.baseUrl}/v1/media`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ url: `${host.baseUrl}/big.pdf` }),
    });
    expect(viaUrl.status).toBe(507);
    expect(((await viaUrl.json()) as Problem).code).toBe(
      'insufficient_storage',
    );
    expect(await mediaCount()).toBe(count);
    expect(await filesOnDisk()).toEqual(before);

    // Nothing half-written holds the space: a file that fits is still taken, and served with the
    // configured max-age.
    const png = await fixture('png-alpha.png');
    const small = await requestUpload(client, 'small.png', 'image/png', png);
    const fits = await putBytes(small.uploadUrl, small.uploadHeaders, png);
    expect(fits.status).toBe(200);
    const ready = await waitForStatus(client, small.mediaId);
    expect(ready.status).toBe('READY');
    const served = await fetch(ready.publicUrl!);
    expect(served.status).toBe(200);
    expect(served.headers.get('cache-control')).toBe('public, max-age=600');
  });
});
