import { DataSource } from 'typeorm';
import { fixture, SAMPLE_PDF } from './support/media.js';
import { serve, startFileHost, type FileHost } from './support/file-host.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const TOKEN = 'ya29.secret-import-token-0123456789';

interface Problem {
  code: string;
  detail: string;
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
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${ws.apiKey}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });

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
