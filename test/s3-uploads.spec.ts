import sharp from 'sharp';
import type { components } from '../client/schema.js';
import { decodeEventKey } from '../src/modules/upload/upload-receipt.service.js';
import {
  fixture,
  mediaEventTypes,
  putBytes,
  requestUpload,
  waitForStatus,
  type UploadContentType,
} from './support/media.js';
import {
  s3Environment,
  startS3rver,
  type RunningS3rver,
  type S3EventNotification,
} from './support/s3rver.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

type StorageEventsBody = components['schemas']['StorageEventsDto'];

const EVENTS_SECRET = 'storage-events-secret-for-the-s3-tests-0123456789';
const JFIF_START = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00,
]);
const CHECKSUM_PARAM = /^x-amz-(checksum-|sdk-checksum-algorithm)/i;

/** A key as real S3 puts it in a notification: URL-encoded, spaces as `+`, slashes kept. */
function s3EncodedKey(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');
}

/** The notification with every record's key URL-encoded the way real S3 sends it. */
function asRealS3Sends(notification: S3EventNotification): S3EventNotification {
  return {
    Records: notification.Records.map((record) => ({
      ...record,
      s3: {
        ...record.s3,
        object: {
          ...record.s3.object,
          key: s3EncodedKey(record.s3.object.key),
        },
      },
    })),
  };
}

function signedHeaders(url: string): string[] | undefined {
  return new URL(url).searchParams.get('X-Amz-SignedHeaders')?.split(';');
}

function checksumParams(url: string): string[] {
  return [...new URL(url).searchParams.keys()].filter((name) =>
    CHECKSUM_PARAM.test(name),
  );
}

describe('direct uploads with the S3 storage driver (s3rver)', () => {
  let s3: RunningS3rver;
  let t: TestApp;
  let ws: TestWorkspace;

  beforeAll(async () => {
    s3 = await startS3rver();
    t = await startTestApp({
      ...s3Environment(s3),
      STORAGE_EVENTS_SECRET: EVENTS_SECRET,
      // Only storage events (or confirm) may start processing in these tests.
      RECONCILER_INTERVAL_SECONDS: '0',
    });
  });
  beforeEach(async () => {
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
  });

  async function presign(
    filename: string,
    contentType: UploadContentType,
    bytes: Buffer,
  ) {
    return requestUpload(t.client(ws.apiKey), filename, contentType, bytes);
  }

  async function getMedia(mediaId: string) {
    const { data, response } = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: mediaId } } });
    expect(response.status).toBe(200);
    return data!;
  }

  /** Resolves with the next s3rver `ObjectCreated:*` notification for `key`. */
  function nextCreatedEvent(
    key: string,
    timeoutMs?: number,
  ): Promise<S3EventNotification> {
    return s3.waitForEvent(
      (notification) =>
        notification.Records.some(
          (record) =>
            record.eventName.startsWith('ObjectCreated:') &&
            record.s3.object.key === key,
        ),
      timeoutMs,
    );
  }

  /**
   * PUTs the bytes to the presigned URL of the item at `key` and returns the notification s3rver
   * emitted for them, which names the private upload area, never the item's key.
   */
  async function uploadToBucket(
    url: string,
    headers: Record<string, string>,
    bytes: Buffer,
    key: string,
  ): Promise<S3EventNotification> {
    const created = nextCreatedEvent(`staging/${key}`);
    // Awaited below; this only keeps an early failure from also reporting an unhandled rejection.
    created.catch(() => undefined);
    const put = await putBytes(url, headers, bytes);
    expect(put.status, await put.clone().text()).toBe(200);
    return created;
  }

  /** Delivers a notification as a forwarder would; `secret: null` sends no secret header. */
  function postEvents(
    body: unknown,
    secret: string | null = EVENTS_SECRET,
    app: TestApp = t,
  ) {
    // The header is required by the spec; its absence is what some calls test.
    const header = (
      secret === null ? {} : { 'x-storage-events-secret': secret }
    ) as { 'x-storage-events-secret': string };
    return app.client().POST('/internal/storage-events', {
      body: body as StorageEventsBody,
      params: { header },
    });
  }

  async function uploadedEventCount(mediaId: string): Promise<number> {
    return (await mediaEventTypes(t.app, mediaId)).filter(
      (type) => type === 'media.uploaded',
    ).length;
  }

  describe('upload URLs', () => {
    it('a single upload URL signs type, length, host and SSE for 15 minutes, with no checksum parameters', async () => {
      const pdf = await fixture('document.pdf');
      const upload = await presign('Signed.pdf', 'application/pdf', pdf);
      const url = new URL(upload.uploadUrl);
      expect(url.origin).toBe(s3.endpoint);
      expect(url.pathname).toBe(
        `/${s3.bucket}/staging/${ws.workspace.id}/${upload.mediaId}/Signed.pdf`,
      );
      expect(signedHeaders(upload.uploadUrl)).toEqual([
        'content-length',
        'content-type',
        'host',
        'x-amz-server-side-encryption',
      ]);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
      expect(checksumParams(upload.uploadUrl)).toEqual([]);
      expect(upload.uploadHeaders).toEqual({
        'Content-Type': 'application/pdf',
        'x-amz-server-side-encryption': 'AES256',
      });
      // expiresAt is exactly the signing time plus the URL's lifetime.
      const signedAt = url.searchParams
        .get('X-Amz-Date')!
        .replace(
          /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
          '$1-$2-$3T$4:$5:$6Z',
        );
      expect(new Date(upload.expiresAt).getTime()).toBe(
        new Date(signedAt).getTime() + 900_000,
      );
    });

    it('bulk presign URLs last an hour and sign the exact length', async () => {
      const { data, response } = await t
        .client(ws.apiKey)
        .POST('/v1/media/bulk-presign', {
          body: {
            files: [
              { filename: 'a.mp4', contentType: 'video/mp4', size: 1000 },
              { filename: 'b.webm', contentType: 'video/webm', size: 2000 },
            ],
          },
        });
      expect(response.status).toBe(201);
      expect(data!.uploads).toHaveLength(2);
      for (const upload of data!.uploads) {
        const url = new URL(upload.presignedUrl);
        expect(url.pathname).toBe(`/${s3.bucket}/staging/${upload.key}`);
        expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
        expect(signedHeaders(upload.presignedUrl)).toEqual([
          'content-length',
          'content-type',
          'host',
          'x-amz-server-side-encryption',
        ]);
        expect(checksumParams(upload.presignedUrl)).toEqual([]);
      }
      expect(data!.uploads[1].uploadHeaders).toEqual({
        'Content-Type': 'video/webm',
        'x-amz-server-side-encryption': 'AES256',
      });
    });

    it('bulk video upload URLs last an hour and sign the type but not a length', async () => {
      const { data, response } = await t
        .client(ws.apiKey)
        .POST('/v1/media/bulk-video-upload-urls', {
          body: {
            videos: [
              {
                filename: 'long.mp4',
                contentType: 'video/mp4',
                fileSizeMb: 2.5,
              },
            ],
            targetPlatforms: ['YOUTUBE'],
          },
        });
      expect(response.status).toBe(201);
      const [video] = data!.videos;
      const url = new URL(video.uploadUrl);
      expect(url.pathname).toBe(`/${s3.bucket}/staging/${video.s3Key}`);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('3600');
      expect(signedHeaders(video.uploadUrl)).toEqual([
        'content-type',
        'host',
        'x-amz-server-side-encryption',
      ]);
      expect(checksumParams(video.uploadUrl)).toEqual([]);
      expect(video.uploadHeaders).toEqual({
        'Content-Type': 'video/mp4',
        'x-amz-server-side-encryption': 'AES256',
      });
    });
  });

  describe('upload → storage event → processing', () => {
    it('a PDF: the event as s3rver sends it starts processing; the public URL serves the same bytes', async () => {
      const pdf = await fixture('document.pdf');
      const upload = await presign(
        'Quarterly report.pdf',
        'application/pdf',
        pdf,
      );
      const key = `${ws.workspace.id}/${upload.mediaId}/Quarterly-report.pdf`;
      const event = await uploadToBucket(
        upload.uploadUrl,
        upload.uploadHeaders,
        pdf,
        key,
      );
      expect(event.Records).toHaveLength(1);
      expect(event.Records[0]).toMatchObject({
        eventName: 'ObjectCreated:Put',
        s3: {
          bucket: { name: s3.bucket },
          object: { key: `staging/${key}`, size: pdf.length },
        },
      });
      // Until processing has verified them, the bytes are not at the item's key.
      expect((await fetch(`${s3.endpoint}/${s3.bucket}/${key}`)).status).toBe(
        404,
      );

      // Nothing but the event starts processing here.
      expect((await getMedia(upload.mediaId)).status).toBe('PENDING');

      const delivered = await postEvents(event);
      expect(delivered.response.status).toBe(200);
      expect(delivered.data).toEqual({ started: 1, ignored: 0 });
      expect(['PROCESSING', 'READY']).toContain(
        (await getMedia(upload.mediaId)).status,
      );

      const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
      expect(ready).toMatchObject({
        status: 'READY',
        filename: 'Quarterly report.pdf',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
        storagePath: key,
        publicUrl: `${s3.endpoint}/${s3.bucket}/${key}`,
        metadata: { source: 'upload' },
      });
      expect(await mediaEventTypes(t.app, upload.mediaId)).toEqual([
        'media.uploaded',
        'media.ready',
      ]);

      const served = await fetch(ready.publicUrl);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      // The headers `/files` sends, kept on the object for a bucket or CDN to serve.
      expect(served.headers.get('content-disposition')).toBe(
        `attachment; filename="Quarterly-report.pdf"; filename*=UTF-8''Quarterly-report.pdf`,
      );
      expect(served.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
      // Published, the upload itself is gone.
      expect(
        (await fetch(`${s3.endpoint}/${s3.bucket}/staging/${key}`)).status,
      ).toBe(404);
    });

    it('a PNG: the URL-encoded event of real S3 starts processing, and the JPEG is written back to the same key', async () => {
      const png = await fixture('png-alpha.png');
      const source = await sharp(png).metadata();
      const upload = await presign('Café logo (final).png', 'image/png', png);
      const key = `${ws.workspace.id}/${upload.mediaId}/Café-logo-final.png`;
      expect((await getMedia(upload.mediaId)).storagePath).toBe(key);
      const event = await uploadToBucket(
        upload.uploadUrl,
        upload.uploadHeaders,
        png,
        key,
      );

      const encoded = asRealS3Sends(event);
      expect(encoded.Records[0].s3.object.key).toBe(
        `staging/${ws.workspace.id}/${upload.mediaId}/Caf%C3%A9-logo-final.png`,
      );
      // The normalised JPEG is written to the item's key, which makes s3rver announce it.
      const rewritten = nextCreatedEvent(key, 20_000);
      rewritten.catch(() => undefined);
      const delivered = await postEvents(encoded);
      expect(delivered.data).toEqual({ started: 1, ignored: 0 });

      const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
      expect(ready).toMatchObject({
        status: 'READY',
        contentType: 'image/jpeg',
        storagePath: key,
        publicUrl: `${s3.endpoint}/${s3.bucket}/${ws.workspace.id}/${upload.mediaId}/Caf%C3%A9-logo-final.png`,
        width: source.width,
        height: source.height,
        metadata: { source: 'upload', normalization: { sourceFormat: 'png' } },
      });
      expect(upload.uploadUrl.split('?')[0]).toBe(
        `${s3.endpoint}/${s3.bucket}/staging/${ws.workspace.id}/${upload.mediaId}/Caf%C3%A9-logo-final.png`,
      );

      const head = await fetch(ready.publicUrl, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('image/jpeg');
      // Stored as a JPEG by the normalisation, so the object is named as one.
      expect(head.headers.get('content-disposition')).toBe(
        `inline; filename="Caf_-logo-final.jpg"; filename*=UTF-8''Caf%C3%A9-logo-final.jpg`,
      );
      expect(Number(head.headers.get('content-length'))).toBe(ready.sizeBytes);

      const stored = Buffer.from(
        await (await fetch(ready.publicUrl)).arrayBuffer(),
      );
      expect(stored.length).toBe(ready.sizeBytes);
      expect(stored.subarray(0, JFIF_START.length).equals(JFIF_START)).toBe(
        true,
      );
      expect(stored.equals(png)).toBe(false);
      const decoded = await sharp(stored).metadata();
      expect(decoded).toMatchObject({
        format: 'jpeg',
        width: source.width,
        height: source.height,
        isProgressive: false,
      });

      // The announcement of our own write changes nothing: it is not an upload.
      expect(await postEvents(asRealS3Sends(await rewritten))).toMatchObject({
        data: { started: 0, ignored: 1 },
      });
      expect(await mediaEventTypes(t.app, upload.mediaId)).toEqual([
        'media.uploaded',
        'media.ready',
      ]);
    });

    it('a video from a bulk presign URL: probed with ffprobe over a presigned GET', async () => {
      const video = await fixture('video-landscape.mp4');
      const { data } = await t
        .client(ws.apiKey)
        .POST('/v1/media/bulk-presign', {
          body: {
            files: [
              {
                filename: 'clip.mp4',
                contentType: 'video/mp4',
                size: video.length,
              },
            ],
          },
        });
      const [upload] = data!.uploads;
      const event = await uploadToBucket(
        upload.presignedUrl,
        upload.uploadHeaders,
        video,
        upload.key,
      );
      expect((await postEvents(event)).data).toEqual({
        started: 1,
        ignored: 0,
      });
      const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
      expect(ready).toMatchObject({
        status: 'READY',
        contentType: 'video/mp4',
        sizeBytes: video.length,
        videoWidth: 320,
        videoHeight: 180,
        videoCodec: 'h264',
        metadata: {
          source: 'upload',
          video: { container: 'mp4', audioCodec: 'aac', rotation: 0 },
        },
      });
      expect(ready.videoDuration).toBeCloseTo(2, 1);
      const served = await fetch(ready.publicUrl);
      expect(Buffer.from(await served.arrayBuffer()).equals(video)).toBe(true);
    });

    it('a bulk video object larger than declared fails processing (S3 cannot refuse it)', async () => {
      const video = await fixture('video-landscape.mp4');
      const { data } = await t
        .client(ws.apiKey)
        .POST('/v1/media/bulk-video-upload-urls', {
          body: {
            videos: [
              {
                filename: 'tiny.mp4',
                contentType: 'video/mp4',
                fileSizeMb: 0.01,
              },
            ],
            targetPlatforms: ['TIKTOK'],
          },
        });
      const [item] = data!.videos;
      expect(video.length).toBeGreaterThan(0.01 * 1024 * 1024);
      const event = await uploadToBucket(
        item.uploadUrl,
        item.uploadHeaders,
        video,
        item.s3Key,
      );
      expect((await postEvents(event)).data).toEqual({
        started: 1,
        ignored: 0,
      });
      const failed = await waitForStatus(t.client(ws.apiKey), item.mediaId);
      expect(failed.status).toBe('FAILED');
      expect(failed.validationResults).toMatchObject({
        processing: {
          valid: false,
          errors: [expect.stringContaining('at most')],
        },
      });
      // The oversized bytes are gone from the bucket; the reason stays on the item.
      for (const key of [item.s3Key, `staging/${item.s3Key}`]) {
        expect((await fetch(`${s3.endpoint}/${s3.bucket}/${key}`)).status).toBe(
          404,
        );
      }
    });

    it('a second PUT after READY cannot change what the public URL serves', async () => {
      const png = await fixture('png-alpha.png');
      const upload = await presign('logo.png', 'image/png', png);
      const key = `${ws.workspace.id}/${upload.mediaId}/logo.png`;
      await postEvents(
        await uploadToBucket(upload.uploadUrl, upload.uploadHeaders, png, key),
      );
      const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
      expect(ready.status).toBe('READY');
      const served = Buffer.from(
        await (await fetch(ready.publicUrl)).arrayBuffer(),
      );

      // Other bytes of the same length and type: the URL is still within its 15 minutes.
      const other = Buffer.concat([
        png.subarray(0, 64),
        Buffer.alloc(png.length - 64, 0x41),
      ]);
      const late = await uploadToBucket(
        upload.uploadUrl,
        upload.uploadHeaders,
        other,
        key,
      );
      // Its notification starts nothing, and the late bytes are deleted unread.
      expect((await postEvents(late)).data).toEqual({ started: 0, ignored: 1 });
      expect(
        (await fetch(`${s3.endpoint}/${s3.bucket}/staging/${key}`)).status,
      ).toBe(404);
      const confirmed = await t
        .client(ws.apiKey)
        .POST('/v1/media/{id}/confirm', {
          params: { path: { id: upload.mediaId } },
        });
      expect(confirmed.data).toMatchObject({
        status: 'READY',
        checksumSha256: ready.checksumSha256,
        sizeBytes: ready.sizeBytes,
      });
      const after = Buffer.from(
        await (await fetch(ready.publicUrl)).arrayBuffer(),
      );
      expect(after.equals(served)).toBe(true);
      expect(after.equals(other)).toBe(false);
    });

    it('bytes of the wrong type are deleted from the bucket; the item keeps the reason', async () => {
      const pdf = await fixture('document.pdf');
      const upload = await presign('not-a-photo.png', 'image/png', pdf);
      const key = `${ws.workspace.id}/${upload.mediaId}/not-a-photo.png`;
      await postEvents(
        await uploadToBucket(upload.uploadUrl, upload.uploadHeaders, pdf, key),
      );
      const failed = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
      expect(failed).toMatchObject({
        status: 'FAILED',
        validationResults: {
          processing: {
            valid: false,
            errors: [expect.stringContaining('application/pdf')],
          },
        },
      });
      for (const at of [key, `staging/${key}`]) {
        expect((await fetch(`${s3.endpoint}/${s3.bucket}/${at}`)).status).toBe(
          404,
        );
      }
    });
  });

  describe('POST /internal/storage-events', () => {
    /** A PENDING item whose object is in the bucket, and the notification s3rver sent for it. */
    async function uploadedPdf(filename = 'event.pdf') {
      const pdf = await fixture('document.pdf');
      const upload = await presign(filename, 'application/pdf', pdf);
      const itemKey = `${ws.workspace.id}/${upload.mediaId}/${filename}`;
      const event = await uploadToBucket(
        upload.uploadUrl,
        upload.uploadHeaders,
        pdf,
        itemKey,
      );
      return { upload, itemKey, key: `staging/${itemKey}`, event };
    }

    it.each([
      ['no secret', null],
      ['an empty secret', ''],
      ['a wrong secret of the same length', EVENTS_SECRET.replace(/.$/, 'X')],
      ['a wrong shorter secret', 'nope'],
    ])(
      'refuses %s with 401 unauthorized and changes nothing',
      async (_, secret) => {
        const { upload, event } = await uploadedPdf();
        const { error, response } = await postEvents(event, secret);
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toMatch(
          /^application\/problem\+json/,
        );
        expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
        expect((await getMedia(upload.mediaId)).status).toBe('PENDING');
        expect(await mediaEventTypes(t.app, upload.mediaId)).toEqual([]);
      },
    );

    it('the same event delivered several times starts processing once', async () => {
      const { upload, event } = await uploadedPdf();
      const concurrent = await Promise.all([
        postEvents(event),
        postEvents(asRealS3Sends(event)),
      ]);
      expect(concurrent.map(({ response }) => response.status)).toEqual([
        200, 200,
      ]);
      // Exactly one of the two deliveries made the transition.
      expect(
        concurrent
          .map(({ data }) => data!)
          .sort((a, b) => b.started - a.started),
      ).toEqual([
        { started: 1, ignored: 0 },
        { started: 0, ignored: 1 },
      ]);
      await waitForStatus(t.client(ws.apiKey), upload.mediaId);
      expect((await postEvents(event)).data).toEqual({
        started: 0,
        ignored: 1,
      });
      expect(await uploadedEventCount(upload.mediaId)).toBe(1);
      expect(await mediaEventTypes(t.app, upload.mediaId)).toEqual([
        'media.uploaded',
        'media.ready',
      ]);
    });

    it('counts other events, unknown keys and undecodable keys as ignored', async () => {
      const { upload, itemKey, key, event } = await uploadedPdf();
      const [record] = event.Records;
      const withKey = (eventName: string, objectKey: string) => ({
        ...record,
        eventName,
        s3: { ...record.s3, object: { ...record.s3.object, key: objectKey } },
      });
      const ignoredOnly = await postEvents({
        Records: [
          withKey('ObjectRemoved:Delete', key),
          withKey('ObjectRestore:Completed', key),
          withKey(
            'ObjectCreated:Put',
            `${ws.workspace.id}/media_unknown/x.pdf`,
          ),
          withKey('ObjectCreated:Put', `${key}.extra`),
          withKey('ObjectCreated:Put', `${ws.workspace.id}/%E0%A4%A.pdf`),
          // The item's own key is where we publish, not where clients upload.
          withKey('ObjectCreated:Put', itemKey),
        ],
      });
      expect(ignoredOnly.response.status).toBe(200);
      expect(ignoredOnly.data).toEqual({ started: 0, ignored: 6 });
      expect((await getMedia(upload.mediaId)).status).toBe('PENDING');
      expect(await mediaEventTypes(t.app, upload.mediaId)).toEqual([]);

      const empty = await postEvents({ Records: [] });
      expect(empty.data).toEqual({ started: 0, ignored: 0 });

      // A mixed batch starts what it can and counts the rest.
      const mixed = await postEvents({
        Records: [
          withKey('ObjectRemoved:Delete', key),
          withKey('ObjectCreated:Put', key),
          withKey('ObjectCreated:Put', 'ws_nobody/media_nothing/none.pdf'),
        ],
      });
      expect(mixed.data).toEqual({ started: 1, ignored: 2 });
      expect(
        (await waitForStatus(t.client(ws.apiKey), upload.mediaId)).status,
      ).toBe('READY');
    });

    it.each([
      's3:ObjectCreated:Put',
      's3:ObjectCreated:CompleteMultipartUpload',
    ])(
      'accepts the s3:-prefixed event name %s that MinIO sends',
      async (eventName) => {
        const { upload, event } = await uploadedPdf();
        const [record] = event.Records;
        const { data } = await postEvents({
          Records: [{ ...record, eventName }],
        });
        expect(data).toEqual({ started: 1, ignored: 0 });
        expect(
          (await waitForStatus(t.client(ws.apiKey), upload.mediaId)).status,
        ).toBe('READY');
      },
    );

    it.each([
      ['Records is not an array', { Records: { eventName: 'x' } }, 'Records'],
      [
        'a record without an object key',
        { Records: [{ eventName: 'ObjectCreated:Put', s3: { object: {} } }] },
        'Records.0.s3.object.key',
      ],
      [
        'a record without an event name',
        { Records: [{ s3: { object: { key: 'a/b/c.pdf' } } }] },
        'Records.0.eventName',
      ],
    ])('%s → 400 validation_error', async (_, body, field) => {
      const { error, response } = await postEvents(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(
        /^application\/problem\+json/,
      );
      expect(error).toMatchObject({ status: 400, code: 'validation_error' });
      expect(error!.errors!.map((e) => e.field)).toContain(field);
    });

    it('is 403 forbidden on an app without STORAGE_EVENTS_SECRET', async () => {
      const { upload, event } = await uploadedPdf();
      const off = await startTestApp({
        ...s3Environment(s3),
        RECONCILER_INTERVAL_SECONDS: '0',
      });
      try {
        for (const secret of [EVENTS_SECRET, null]) {
          const { error, response } = await postEvents(event, secret, off);
          expect(response.status).toBe(403);
          expect(response.headers.get('content-type')).toMatch(
            /^application\/problem\+json/,
          );
          expect(error).toMatchObject({ status: 403, code: 'forbidden' });
        }
      } finally {
        await off.close();
      }
      expect((await getMedia(upload.mediaId)).status).toBe('PENDING');
    });
  });

  describe('confirm', () => {
    it('is 409 before the object is in the bucket, then starts processing without any event', async () => {
      const pdf = await fixture('document.pdf');
      const upload = await presign('confirm me.pdf', 'application/pdf', pdf);
      const early = await t.client(ws.apiKey).POST('/v1/media/{id}/confirm', {
        params: { path: { id: upload.mediaId } },
      });
      expect(early.response.status).toBe(409);
      expect(early.error).toMatchObject({ code: 'conflict' });
      expect((await getMedia(upload.mediaId)).status).toBe('PENDING');

      const put = await putBytes(upload.uploadUrl, upload.uploadHeaders, pdf);
      expect(put.status).toBe(200);
      const confirmed = await t
        .client(ws.apiKey)
        .POST('/v1/media/{id}/confirm', {
          params: { path: { id: upload.mediaId } },
        });
      expect(confirmed.response.status).toBe(200);
      expect(['PROCESSING', 'READY']).toContain(confirmed.data!.status);
      const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
      expect(ready).toMatchObject({
        status: 'READY',
        contentType: 'application/pdf',
        sizeBytes: pdf.length,
      });
      expect(await uploadedEventCount(upload.mediaId)).toBe(1);
    });
  });

  it('the local driver routes answer 404 problem+json', async () => {
    const pdf = await fixture('document.pdf');
    const upload = await presign('routes.pdf', 'application/pdf', pdf);
    const key = `${ws.workspace.id}/${upload.mediaId}/routes.pdf`;
    const event = await uploadToBucket(
      upload.uploadUrl,
      upload.uploadHeaders,
      pdf,
      key,
    );
    await postEvents(event);
    expect(
      (await waitForStatus(t.client(ws.apiKey), upload.mediaId)).status,
    ).toBe('READY');

    const file = await fetch(`${t.baseUrl}/files/${key}`);
    const pending = await presign('other.pdf', 'application/pdf', pdf);
    const put = await putBytes(
      `${t.baseUrl}/uploads/${ws.workspace.id}/${pending.mediaId}/other.pdf`,
      { 'Content-Type': 'application/pdf' },
      pdf,
    );
    for (const response of [file, put]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(
        /^application\/problem\+json/,
      );
      expect((await response.json()).code).toBe('not_found');
    }
    expect((await getMedia(pending.mediaId)).status).toBe('PENDING');
  });

  it('delete removes the record, the object in the bucket and an upload still in the upload area', async () => {
    const pdf = await fixture('document.pdf');
    const upload = await presign('gone.pdf', 'application/pdf', pdf);
    const key = `${ws.workspace.id}/${upload.mediaId}/gone.pdf`;
    await postEvents(
      await uploadToBucket(upload.uploadUrl, upload.uploadHeaders, pdf, key),
    );
    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(ready.status).toBe('READY');
    expect((await fetch(ready.publicUrl, { method: 'HEAD' })).status).toBe(200);
    // A late PUT whose notification never came (no forwarder) waits in the upload area.
    await uploadToBucket(upload.uploadUrl, upload.uploadHeaders, pdf, key);
    const staged = `${s3.endpoint}/${s3.bucket}/staging/${key}`;
    expect((await fetch(staged, { method: 'HEAD' })).status).toBe(200);

    const deleted = await t
      .client(ws.apiKey)
      .DELETE('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
    expect(deleted.response.status).toBe(200);
    expect(deleted.data).toEqual({ success: true });
    expect((await fetch(ready.publicUrl, { method: 'HEAD' })).status).toBe(404);
    expect((await fetch(staged, { method: 'HEAD' })).status).toBe(404);
    const after = await t
      .client(ws.apiKey)
      .GET('/v1/media/{id}', { params: { path: { id: upload.mediaId } } });
    expect(after.response.status).toBe(404);
  });
});

describe('storage event keys', () => {
  it('are decoded as S3 encodes them: percent escapes, + for a space; a malformed escape is no key', () => {
    expect(decodeEventKey('ws_1/media_1/red+flower%28v2%29.png')).toBe(
      'ws_1/media_1/red flower(v2).png',
    );
    expect(decodeEventKey('ws_1/media_1/Caf%C3%A9%2Bx.pdf')).toBe(
      'ws_1/media_1/Café+x.pdf',
    );
    expect(decodeEventKey('ws_1/media_1/Café-menu.pdf')).toBe(
      'ws_1/media_1/Café-menu.pdf',
    );
    expect(decodeEventKey('ws_1/%E0%A4%A.pdf')).toBeNull();
    expect(decodeEventKey('100%.pdf')).toBeNull();
  });
});
