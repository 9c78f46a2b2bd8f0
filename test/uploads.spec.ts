import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Storage } from '../src/infra/storage/storage.port.js';
import {
  fixture,
  mediaEventTypes,
  putBytes,
  requestUpload,
  SAMPLE_PDF,
  SAMPLE_VTT,
  waitForStatus,
  type UploadContentType,
} from './support/media.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const MB = 1024 * 1024;

describe('direct uploads with the local storage driver', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await t.createWorkspace();
  });
  afterAll(() => t.close());

  async function presign(
    filename: string,
    contentType: UploadContentType,
    bytes: Buffer,
    apiKey = ws.apiKey,
  ) {
    return requestUpload(t.client(apiKey), filename, contentType, bytes);
  }

  it('presign → PUT → READY with the right fields, and the public URL serves the same bytes', async () => {
    const upload = await presign(
      'Quarterly report.pdf',
      'application/pdf',
      SAMPLE_PDF,
    );
    expect(upload.mediaId).toMatch(/^media_[0-9a-z]{24}$/);
    expect(upload.uploadHeaders).toEqual({ 'Content-Type': 'application/pdf' });
    const expiresIn = new Date(upload.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60 * 1000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60 * 1000);

    const pending = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
    expect(pending.data).toMatchObject({
      status: 'PENDING',
      filename: 'Quarterly report.pdf',
      validationStatus: 'skipped',
    });

    const put = await putBytes(
      upload.uploadUrl,
      upload.uploadHeaders,
      SAMPLE_PDF,
    );
    expect(put.status).toBe(200);

    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(ready).toMatchObject({
      id: upload.mediaId,
      status: 'READY',
      contentType: 'application/pdf',
      sizeBytes: SAMPLE_PDF.length,
      storagePath: `${ws.workspace.id}/${upload.mediaId}/Quarterly-report.pdf`,
      publicUrl: `${t.baseUrl}/files/${ws.workspace.id}/${upload.mediaId}/Quarterly-report.pdf`,
      metadata: { source: 'upload' },
    });

    const served = await fetch(ready.publicUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    // Served from the API's origin: a document downloads, and nothing in it may run scripts here.
    expect(served.headers.get('content-disposition')).toBe(
      `attachment; filename="Quarterly-report.pdf"; filename*=UTF-8''Quarterly-report.pdf`,
    );
    expect(served.headers.get('content-security-policy')).toMatch(
      /^sandbox; default-src 'none'/,
    );
    expect(served.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(Buffer.from(await served.arrayBuffer()).equals(SAMPLE_PDF)).toBe(
      true,
    );

    const etag = served.headers.get('etag')!;
    expect(
      (await fetch(ready.publicUrl, { headers: { 'If-None-Match': etag } }))
        .status,
    ).toBe(304);
    const partial = await fetch(ready.publicUrl, {
      headers: { Range: 'bytes=0-3' },
    });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(
      `bytes 0-3/${SAMPLE_PDF.length}`,
    );
    expect(await partial.text()).toBe('%PDF');
    const beyond = await fetch(ready.publicUrl, {
      headers: { Range: `bytes=${SAMPLE_PDF.length + 10}-` },
    });
    expect(beyond.status).toBe(416);

    expect(await mediaEventTypes(t.app, upload.mediaId)).toEqual([
      'media.uploaded',
      'media.ready',
    ]);
  });

  it('confirm after the upload is idempotent: one transition, one media.uploaded event', async () => {
    const upload = await presign('captions.vtt', 'text/vtt', SAMPLE_VTT);
    await putBytes(upload.uploadUrl, upload.uploadHeaders, SAMPLE_VTT);
    const confirmed = await t.client(ws.apiKey).POST('/v1/media/{id}/confirm', {
      params: { path: { id: upload.mediaId } },
    });
    expect(confirmed.response.status).toBe(200);
    expect(['PROCESSING', 'READY']).toContain(confirmed.data!.status);
    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      contentType: 'text/vtt',
      sizeBytes: SAMPLE_VTT.length,
    });
    expect(
      (await mediaEventTypes(t.app, upload.mediaId)).filter(
        (type) => type === 'media.uploaded',
      ),
    ).toHaveLength(1);
  });

  it('confirm before any upload is 409 conflict and changes nothing', async () => {
    const upload = await presign('later.pdf', 'application/pdf', SAMPLE_PDF);
    const { error, response } = await t
      .client(ws.apiKey)
      .POST('/v1/media/{id}/confirm', {
        params: { path: { id: upload.mediaId } },
      });
    expect(response.status).toBe(409);
    expect(error).toMatchObject({ code: 'conflict' });
    expect(
      (
        await t
          .client(ws.apiKey)
          .GET('/v1/media/{id}', { params: { path: { id: upload.mediaId } } })
      ).data?.status,
    ).toBe('PENDING');
  });

  it('refresh-presign gives a new URL for PENDING items and 409 for READY ones', async () => {
    const upload = await presign('refresh.pdf', 'application/pdf', SAMPLE_PDF);
    const refreshed = await t
      .client(ws.apiKey)
      .POST('/v1/media/{id}/refresh-presign', {
        params: { path: { id: upload.mediaId } },
      });
    expect(refreshed.response.status).toBe(200);
    expect(
      new Date(refreshed.data!.expiresAt).getTime(),
    ).toBeGreaterThanOrEqual(new Date(upload.expiresAt).getTime());
    expect(refreshed.data!.uploadHeaders).toEqual({
      'Content-Type': 'application/pdf',
    });
    expect(
      (
        await putBytes(
          refreshed.data!.presignedUrl,
          refreshed.data!.uploadHeaders,
          SAMPLE_PDF,
        )
      ).status,
    ).toBe(200);
    await waitForStatus(t.client(ws.apiKey), upload.mediaId);

    const again = await t
      .client(ws.apiKey)
      .POST('/v1/media/{id}/refresh-presign', {
        params: { path: { id: upload.mediaId } },
      });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ code: 'conflict' });
  });

  describe('the local upload URL refuses what was not signed and stores nothing', () => {
    it.each([
      [
        'a wrong content type',
        { 'Content-Type': 'image/png' },
        SAMPLE_PDF,
        'content_type_mismatch',
      ],
      [
        'a longer body',
        undefined,
        Buffer.concat([SAMPLE_PDF, Buffer.from('extra')]),
        undefined,
      ],
      ['a shorter body', undefined, SAMPLE_PDF.subarray(0, 20), undefined],
    ])('%s', async (_, headers, body, reason) => {
      const upload = await presign('strict.pdf', 'application/pdf', SAMPLE_PDF);
      const response = await putBytes(
        upload.uploadUrl,
        headers ?? upload.uploadHeaders,
        body,
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(
        /^application\/problem\+json/,
      );
      const problem = await response.json();
      expect(problem.code).toBe('upload_rejected');
      if (reason) {
        expect(problem.errors[0].field).toBe(reason);
      }
      const key = `${ws.workspace.id}/${upload.mediaId}/strict.pdf`;
      expect(existsSync(join(t.storageDir, key))).toBe(false);
      const media = await t
        .client(ws.apiKey)
        .GET('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
      expect(media.data?.status).toBe('PENDING');
    });

    it('a tampered or expired signature', async () => {
      const upload = await presign('tamper.pdf', 'application/pdf', SAMPLE_PDF);
      const tampered = new URL(upload.uploadUrl);
      tampered.searchParams.set('contentLength', String(SAMPLE_PDF.length + 1));
      const response = await putBytes(
        tampered.toString(),
        upload.uploadHeaders,
        Buffer.concat([SAMPLE_PDF, Buffer.from('x')]),
      );
      expect(response.status).toBe(403);
      expect((await response.json()).errors[0].field).toBe('invalid_signature');

      // Signed by the app's own storage an hour ago: only the expiry can refuse it.
      const anHourAgo = vi
        .spyOn(Date, 'now')
        .mockReturnValue(Date.now() - 3_600_000);
      const stale = await t.app
        .get(Storage)
        .presignUpload({
          key: decodeURIComponent(
            new URL(upload.uploadUrl).pathname.replace(/^\/uploads\//, ''),
          ),
          contentType: 'application/pdf',
          contentLength: SAMPLE_PDF.length,
          expiresInSeconds: 900,
        })
        .finally(() => anHourAgo.mockRestore());
      const late = await putBytes(stale.url, upload.uploadHeaders, SAMPLE_PDF);
      expect(late.status).toBe(403);
      expect((await late.json()).errors[0].field).toBe('expired');
    });
  });

  describe('rejections at presign time (400 validation_error, nothing created)', () => {
    async function expectRejected(
      path:
        | '/v1/media/upload'
        | '/v1/media/bulk-presign'
        | '/v1/media/bulk-video-upload-urls',
      body: unknown,
      field: string,
      message?: string,
    ) {
      const before = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM media WHERE workspace_id = $1', [
          ws.workspace.id,
        ]);
      const { error, response } = await t
        .client(ws.apiKey)
        .POST(path, { body: body as never });
      expect(response.status).toBe(400);
      expect(error).toMatchObject({ code: 'validation_error', status: 400 });
      expect(error!.errors!.map((e) => e.field)).toContain(field);
      if (message) {
        expect(error!.message).toContain(message);
      }
      const after = await t.app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM media WHERE workspace_id = $1', [
          ws.workspace.id,
        ]);
      expect(after[0].n).toBe(before[0].n);
    }

    it('unsupported content type', () =>
      expectRejected(
        '/v1/media/upload',
        { filename: 'a.tiff', contentType: 'image/tiff', sizeBytes: 10 },
        'contentType',
      ));
    it('an image over 20 MB', () =>
      expectRejected(
        '/v1/media/upload',
        { filename: 'a.png', contentType: 'image/png', sizeBytes: 20 * MB + 1 },
        'sizeBytes',
        'at most 20 MB',
      ));
    it('a caption over 5 MB', () =>
      expectRejected(
        '/v1/media/upload',
        {
          filename: 'a.srt',
          contentType: 'application/x-subrip',
          sizeBytes: 5 * MB + 1,
        },
        'sizeBytes',
        'at most 5 MB',
      ));
    it('a filename with control characters', () =>
      expectRejected(
        '/v1/media/upload',
        {
          filename: 'evil\u0000.pdf',
          contentType: 'application/pdf',
          sizeBytes: 10,
        },
        'filename',
      ));
    it('a filename with nothing usable', () =>
      expectRejected(
        '/v1/media/upload',
        { filename: '../..', contentType: 'application/pdf', sizeBytes: 10 },
        'filename',
      ));
    it('a filename over 255 characters', () =>
      expectRejected(
        '/v1/media/upload',
        {
          filename: `${'a'.repeat(256)}.pdf`,
          contentType: 'application/pdf',
          sizeBytes: 10,
        },
        'filename',
      ));
    it('an unknown field', () =>
      expectRejected(
        '/v1/media/upload',
        {
          filename: 'a.pdf',
          contentType: 'application/pdf',
          sizeBytes: 10,
          key: 'x/y',
        },
        'key',
      ));
    it('more than 20 files in a bulk presign', () =>
      expectRejected(
        '/v1/media/bulk-presign',
        {
          files: Array.from({ length: 21 }, (_, i) => ({
            filename: `v${i}.mp4`,
            contentType: 'video/mp4',
            size: 100,
          })),
        },
        'files',
      ));
    it('a non-video in a bulk presign', () =>
      expectRejected(
        '/v1/media/bulk-presign',
        { files: [{ filename: 'a.png', contentType: 'image/png', size: 100 }] },
        'files.0.contentType',
      ));
    it('a bulk video batch over 20 GB', () =>
      expectRejected(
        '/v1/media/bulk-video-upload-urls',
        {
          videos: Array.from({ length: 3 }, (_, i) => ({
            filename: `v${i}.mp4`,
            contentType: 'video/mp4',
            fileSizeMb: 8000,
          })),
          targetPlatforms: ['TIKTOK'],
        },
        'videos',
        'at most 20 GB',
      ));
    it('an unknown target platform', () =>
      expectRejected(
        '/v1/media/bulk-video-upload-urls',
        {
          videos: [
            { filename: 'v.mp4', contentType: 'video/mp4', fileSizeMb: 1 },
          ],
          targetPlatforms: ['MYSPACE'],
        },
        'targetPlatforms',
      ));
  });

  it('keeps hostile filenames out of the storage key', async () => {
    const upload = await presign(
      '../../../etc/passwd .pdf',
      'application/pdf',
      SAMPLE_PDF,
    );
    const { data } = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
    expect(data!.storagePath).toBe(
      `${ws.workspace.id}/${upload.mediaId}/passwd.pdf`,
    );
    expect(data!.filename).toBe('../../../etc/passwd .pdf');
  });

  it('bulk presign issues one-hour URLs that upload like single ones', async () => {
    const video = await fixture('video-landscape.mp4');
    const { data, response } = await t
      .client(ws.apiKey)
      .POST('/v1/media/bulk-presign', {
        body: {
          files: [
            {
              filename: 'clip.mp4',
              contentType: 'video/mp4',
              size: video.length,
            },
            { filename: 'b.webm', contentType: 'video/webm', size: 10 },
          ],
        },
      });
    expect(response.status).toBe(201);
    expect(data!.uploads).toHaveLength(2);
    const [first] = data!.uploads;
    expect(first.key).toBe(`${ws.workspace.id}/${first.mediaId}/clip.mp4`);
    const expiresIn = new Date(first.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(59 * 60 * 1000);
    expect(
      (await putBytes(first.presignedUrl, first.uploadHeaders, video)).status,
    ).toBe(200);
    const ready = await waitForStatus(t.client(ws.apiKey), first.mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      contentType: 'video/mp4',
      sizeBytes: video.length,
    });
  });

  it('bulk video upload URLs accept up to the declared size and keep the target platforms', async () => {
    const video = await fixture('video.mov');
    const { data, response } = await t
      .client(ws.apiKey)
      .POST('/v1/media/bulk-video-upload-urls', {
        body: {
          videos: [
            {
              filename: 'big.mov',
              contentType: 'video/quicktime',
              fileSizeMb: 1,
            },
          ],
          targetPlatforms: ['INSTAGRAM', 'TIKTOK'],
        },
      });
    expect(response.status).toBe(201);
    const [item] = data!.videos;
    expect(item.s3Key).toBe(`${ws.workspace.id}/${item.mediaId}/big.mov`);
    expect(
      (await putBytes(item.uploadUrl, item.uploadHeaders, video)).status,
    ).toBe(200);
    const ready = await waitForStatus(t.client(ws.apiKey), item.mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      contentType: 'video/quicktime',
      sizeBytes: video.length,
    });
    const rows = await t.app
      .get(DataSource)
      .query('SELECT target_platforms FROM media WHERE id = $1', [
        item.mediaId,
      ]);
    expect(rows[0].target_platforms).toEqual(['INSTAGRAM', 'TIKTOK']);
  });

  it('a bulk video URL refuses more bytes than declared', async () => {
    const { data } = await t
      .client(ws.apiKey)
      .POST('/v1/media/bulk-video-upload-urls', {
        body: {
          videos: [
            {
              filename: 'small.mp4',
              contentType: 'video/mp4',
              fileSizeMb: 0.001,
            },
          ],
          targetPlatforms: ['X'],
        },
      });
    const [item] = data!.videos;
    const response = await putBytes(
      item.uploadUrl,
      item.uploadHeaders,
      Buffer.alloc(2048, 1),
    );
    expect(response.status).toBe(403);
    expect(existsSync(join(t.storageDir, item.s3Key))).toBe(false);
  });

  it('register stores an external URL as-is, READY and unvalidated', async () => {
    const { data, response } = await t
      .client(ws.apiKey)
      .POST('/v1/media/register', {
        body: {
          url: 'https://cdn.example.com/campaign/banner.jpg',
          contentType: 'image/jpeg',
        },
      });
    expect(response.status).toBe(201);
    expect(data).toMatchObject({
      status: 'READY',
      filename: 'banner.jpg',
      contentType: 'image/jpeg',
      publicUrl: 'https://cdn.example.com/campaign/banner.jpg',
      storagePath: null,
      sizeBytes: null,
      validationStatus: 'skipped',
      metadata: { source: 'external' },
    });
  });

  it.each([
    'http://cdn.example.com/a.jpg',
    'https://127.0.0.1/a.jpg',
    'https://localhost/a.jpg',
    'https://user:pw@cdn.example.com/a.jpg',
    'https://[::1]/a.jpg',
  ])('register refuses %s', async (url) => {
    const { error, response } = await t
      .client(ws.apiKey)
      .POST('/v1/media/register', { body: { url, contentType: 'image/jpeg' } });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'validation_error' });
    expect(error!.errors!.map((e) => e.field)).toContain('url');
  });

  it('register says why a plain http URL is refused', async () => {
    const { error } = await t.client(ws.apiKey).POST('/v1/media/register', {
      body: { url: 'http://cdn.example.com/a.jpg', contentType: 'image/jpeg' },
    });
    expect(error!.errors).toEqual([
      { field: 'url', message: 'url must be an https URL with a domain name' },
    ]);
  });

  it('delete removes the record and the stored object', async () => {
    const upload = await presign('gone.pdf', 'application/pdf', SAMPLE_PDF);
    await putBytes(upload.uploadUrl, upload.uploadHeaders, SAMPLE_PDF);
    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    const deleted = await t
      .client(ws.apiKey)
      .DELETE('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
    expect(deleted.response.status).toBe(200);
    expect(deleted.data).toEqual({ success: true });
    expect(existsSync(join(t.storageDir, ready.storagePath!))).toBe(false);
    expect((await fetch(ready.publicUrl)).status).toBe(404);
    const after = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
    expect(after.response.status).toBe(404);
  });
});
