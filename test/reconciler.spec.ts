import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { QUEUES } from '../src/infra/registry.js';
import { Storage } from '../src/infra/storage/storage.port.js';
import { ProcessingRecovery } from '../src/modules/processing/processing-recovery.service.js';
import { UploadReceiptService } from '../src/modules/upload/upload-receipt.service.js';
import { isolatedDatabase } from './support/database.js';
import {
  fixture,
  mediaEventTypes,
  putBytes,
  waitForStatus,
} from './support/media.js';
import {
  s3Environment,
  startS3rver,
  type RunningS3rver,
} from './support/s3rver.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Helpers bound to one app and one workspace. */
function helpers(t: TestApp, ws: () => TestWorkspace) {
  const sql = <T = Record<string, unknown>>(
    query: string,
    parameters: unknown[] = [],
  ): Promise<T[]> => t.app.get(DataSource).query(query, parameters);

  return {
    sql,
    async presignPdf(filename: string, pdf: Buffer) {
      const { data, response, error } = await t
        .client(ws().apiKey)
        .POST('/v1/media/upload', {
          body: {
            filename,
            contentType: 'application/pdf',
            sizeBytes: pdf.length,
          },
        });
      expect(response.status, JSON.stringify(error)).toBe(201);
      return data!;
    },
    async getMedia(mediaId: string) {
      const { data, response } = await t
        .client(ws().apiKey)
        .GET('/v1/media/{id}', { params: { path: { id: mediaId } } });
      expect(response.status).toBe(200);
      return data!;
    },
    /** Moves the item's upload window so its URL expired `agoMs` ago. */
    async expireUploadUrl(mediaId: string, agoMs: number) {
      // Through a CTE, so TypeORM hands back the rows rather than [rows, count].
      const rows = await sql(
        `WITH moved AS (
           UPDATE media SET upload_expires_at = now() - make_interval(secs => $2::double precision / 1000)
           WHERE id = $1 AND status = 'PENDING' RETURNING id
         ) SELECT id FROM moved`,
        [mediaId, agoMs],
      );
      expect(rows).toEqual([{ id: mediaId }]);
    },
    eventTypes: (mediaId: string) => mediaEventTypes(t.app, mediaId),
    reconcile: (now?: Date) => t.app.get(UploadReceiptService).reconcile(now),
  };
}

describe('upload reconciler with the S3 driver, called directly', () => {
  let s3: RunningS3rver;
  let t: TestApp;
  let ws: TestWorkspace;
  let h: ReturnType<typeof helpers>;
  const database = isolatedDatabase('reconcile_s3');

  beforeAll(async () => {
    s3 = await startS3rver();
    // No storage events, no schedule: only reconcile() can notice an upload.
    t = await startTestApp({
      ...s3Environment(s3),
      DATABASE_URL: database.url,
      RECONCILER_INTERVAL_SECONDS: '0',
    });
    h = helpers(t, () => ws);
  });
  beforeEach(async () => {
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
    await database.drop();
  });

  it('finds an object uploaded to the bucket and starts its processing', async () => {
    const pdf = await fixture('document.pdf');
    const uploaded = await h.presignPdf('found.pdf', pdf);
    const waiting = await h.presignPdf('not-yet.pdf', pdf);
    const put = await putBytes(uploaded.uploadUrl, uploaded.uploadHeaders, pdf);
    expect(put.status).toBe(200);
    expect((await h.getMedia(uploaded.mediaId)).status).toBe('PENDING');

    expect(await h.reconcile()).toEqual({
      started: 1,
      expired: 0,
    });
    const ready = await waitForStatus(t.client(ws.apiKey), uploaded.mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      publicUrl: `${s3.endpoint}/${s3.bucket}/${ws.workspace.id}/${uploaded.mediaId}/found.pdf`,
    });
    expect(await h.eventTypes(uploaded.mediaId)).toEqual([
      'media.uploaded',
      'media.ready',
    ]);
    // The item without an object is left waiting.
    expect((await h.getMedia(waiting.mediaId)).status).toBe('PENDING');

    // A second sweep finds nothing new to do.
    expect(await h.reconcile()).toEqual({
      started: 0,
      expired: 0,
    });
    expect(
      (await h.eventTypes(uploaded.mediaId)).filter(
        (type) => type === 'media.uploaded',
      ),
    ).toHaveLength(1);
  });

  it('processes an item whose upload window closed long ago when its object is there', async () => {
    const pdf = await fixture('document.pdf');
    const upload = await h.presignPdf('late.pdf', pdf);
    expect(
      (await putBytes(upload.uploadUrl, upload.uploadHeaders, pdf)).status,
    ).toBe(200);
    await h.expireUploadUrl(upload.mediaId, 25 * HOUR);

    expect(await h.reconcile()).toEqual({
      started: 1,
      expired: 0,
    });
    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      sizeBytes: pdf.length,
      validationResults: null,
    });
    expect(await h.eventTypes(upload.mediaId)).toEqual([
      'media.uploaded',
      'media.ready',
    ]);
  });
});

describe('upload reconciler as a scheduled job', () => {
  let s3: RunningS3rver;
  let t: TestApp;
  let ws: TestWorkspace;
  let h: ReturnType<typeof helpers>;
  const database = isolatedDatabase('reconcile_scheduled');

  beforeAll(async () => {
    s3 = await startS3rver();
    t = await startTestApp({
      ...s3Environment(s3),
      DATABASE_URL: database.url,
      RECONCILER_INTERVAL_SECONDS: '1',
    });
    h = helpers(t, () => ws);
  });
  beforeEach(async () => {
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
    await database.drop();
  });

  it('starts processing of an uploaded object with no event and no confirm', async () => {
    const pdf = await fixture('document.pdf');
    const upload = await h.presignPdf('scheduled.pdf', pdf);
    expect(
      (await putBytes(upload.uploadUrl, upload.uploadHeaders, pdf)).status,
    ).toBe(200);
    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    expect(await h.eventTypes(upload.mediaId)).toEqual([
      'media.uploaded',
      'media.ready',
    ]);
  });

  it('fails an upload that never arrived once its window is long closed', async () => {
    const pdf = await fixture('document.pdf');
    const upload = await h.presignPdf('never.pdf', pdf);
    await h.expireUploadUrl(upload.mediaId, 25 * HOUR);
    const failed = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(failed.status).toBe('FAILED');
    expect(failed.validationResults).toEqual({
      processing: {
        valid: false,
        errors: [expect.stringContaining('expired')],
      },
    });
  });
});

describe('upload reconciler with the local driver', () => {
  let t: TestApp;
  let ws: TestWorkspace;
  let h: ReturnType<typeof helpers>;
  const database = isolatedDatabase('reconcile_local');

  beforeAll(async () => {
    t = await startTestApp({
      DATABASE_URL: database.url,
      RECONCILER_INTERVAL_SECONDS: '0',
      PENDING_UPLOAD_EXPIRY_HOURS: '2',
    });
    h = helpers(t, () => ws);
  });
  beforeEach(async () => {
    ws = await t.createWorkspace();
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it('fails PENDING uploads whose URL expired more than PENDING_UPLOAD_EXPIRY_HOURS ago, and only those', async () => {
    const pdf = await fixture('document.pdf');
    const expired = await h.presignPdf('expired.pdf', pdf);
    const withinWindow = await h.presignPdf('within.pdf', pdf);
    const open = await h.presignPdf('open.pdf', pdf);
    await h.expireUploadUrl(expired.mediaId, 2 * HOUR + 5 * MINUTE);
    await h.expireUploadUrl(withinWindow.mediaId, 2 * HOUR - 5 * MINUTE);

    expect(await h.reconcile()).toEqual({
      started: 0,
      expired: 1,
    });

    const failed = await h.getMedia(expired.mediaId);
    expect(failed.status).toBe('FAILED');
    expect(failed.validationResults).toEqual({
      processing: {
        valid: false,
        errors: [expect.stringMatching(/expired/)],
      },
    });
    expect(await h.eventTypes(expired.mediaId)).toEqual([
      'media.processing_failed',
    ]);
    expect((await h.getMedia(withinWindow.mediaId)).status).toBe('PENDING');
    expect((await h.getMedia(open.mediaId)).status).toBe('PENDING');

    // Expiring is a one-time transition: the next sweep leaves everything as it is.
    expect(await h.reconcile()).toEqual({
      started: 0,
      expired: 0,
    });
    expect((await h.getMedia(expired.mediaId)).validationResults).toEqual(
      failed.validationResults,
    );
    // A FAILED item's URL no longer accepts the bytes.
    const late = await putBytes(expired.uploadUrl, expired.uploadHeaders, pdf);
    expect(late.status).toBe(409);
  });

  it('re-queues an item stuck in PROCESSING with no job, which then reaches READY', async () => {
    const pdf = await fixture('document.pdf');
    const stuck = await h.presignPdf('stuck.pdf', pdf);
    const busy = await h.presignPdf('busy.pdf', pdf);
    // The bytes are in storage, but nothing told the app (as if Redis lost the job).
    for (const item of [stuck, busy]) {
      const { storagePath } = await h.getMedia(item.mediaId);
      await t.app.get(Storage).write({
        key: storagePath!,
        body: Readable.from([pdf]),
        contentType: 'application/pdf',
      });
    }
    const markProcessing = async (mediaId: string, agoMs: number) =>
      expect(
        await h.sql(
          `WITH stuck AS (
             UPDATE media SET status = 'PROCESSING', upload_expires_at = NULL,
               updated_at = now() - make_interval(secs => $2::double precision / 1000)
             WHERE id = $1 AND status = 'PENDING' RETURNING id
           ) SELECT id FROM stuck`,
          [mediaId, agoMs],
        ),
      ).toEqual([{ id: mediaId }]);
    await markProcessing(stuck.mediaId, 11 * MINUTE);
    await markProcessing(busy.mediaId, 5 * MINUTE);
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.processing));
    expect(await queue.getJob(`process:${stuck.mediaId}`)).toBeNull();

    expect(await t.app.get(ProcessingRecovery).requeueStale()).toBe(1);
    const ready = await waitForStatus(t.client(ws.apiKey), stuck.mediaId);
    expect(ready).toMatchObject({
      status: 'READY',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    expect(await h.eventTypes(stuck.mediaId)).toEqual(['media.ready']);

    // Ten minutes is the threshold: the recently touched item was left to its (presumed) job.
    expect((await h.getMedia(busy.mediaId)).status).toBe('PROCESSING');
    expect(await queue.getJob(`process:${busy.mediaId}`)).toBeNull();
  });
});
