import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { newId } from '../src/common/ids.js';
import { QUEUES } from '../src/infra/registry.js';
import { Storage } from '../src/infra/storage/storage.port.js';
import { MediaRepository } from '../src/modules/media/media.repository.js';
import { ProcessingJobs } from '../src/modules/media/processing.jobs.js';
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

/**
 * An app on s3rver with a database of its own, for the hooks of the calling `describe`. No storage
 * events, no schedule: only reconcile() can notice an upload.
 */
function reconcilerOnS3(databaseName: string) {
  const app = {} as { s3: RunningS3rver; t: TestApp };
  const database = isolatedDatabase(databaseName);
  beforeAll(async () => {
    app.s3 = await startS3rver();
    app.t = await startTestApp({
      ...s3Environment(app.s3),
      DATABASE_URL: database.url,
      RECONCILER_INTERVAL_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await app.t?.close();
    await app.s3?.stop();
    await database.drop();
  });
  return app;
}

describe('upload reconciler with the S3 driver, called directly', () => {
  const app = reconcilerOnS3('reconcile_s3');
  let s3: RunningS3rver;
  let t: TestApp;
  let ws: TestWorkspace;
  let h: ReturnType<typeof helpers>;

  beforeAll(() => {
    ({ s3, t } = app);
    h = helpers(t, () => ws);
  });
  beforeEach(async () => {
    ws = await t.createWorkspace();
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

describe('upload reconciler with one workspace holding more pending uploads than a pass looks at', () => {
  // A pass looks at 200 pending uploads (RECONCILE_BATCH).
  const CROWD = 250;
  const app = reconcilerOnS3('reconcile_fair');
  let t: TestApp;
  let ws: TestWorkspace;
  let crowded: TestWorkspace;
  let h: ReturnType<typeof helpers>;

  beforeAll(() => {
    ({ t } = app);
    h = helpers(t, () => ws);
  });
  beforeEach(async () => {
    ws = await t.createWorkspace();
    crowded = await t.createWorkspace();
  });
  afterEach(async () => {
    // Each test counts on the pending uploads it made being the only ones.
    await h.sql('DELETE FROM workspaces WHERE id = ANY($1)', [
      [ws.workspace.id, crowded.workspace.id],
    ]);
  });
  /**
   * `count` PENDING uploads in the crowded workspace, oldest first, as if presigned one after
   * another after every item so far: each URL expires a millisecond after the one before, the first
   * a minute after the latest one yet (or from now). No object is stored for any of them.
   */
  async function crowd(count: number) {
    const ids = Array.from({ length: count }, () => newId('media'));
    await h.sql(
      `INSERT INTO media (id, workspace_id, filename, content_type, status, storage_path,
         public_url, validation_status, metadata, upload_channel, upload_expires_at)
       SELECT seeded.id, $1::text, 'crowd.pdf', 'application/pdf', 'PENDING',
         $1::text || '/' || seeded.id || '/crowd.pdf', 'https://cdn.test/' || seeded.id, 'skipped',
         '{"source": "upload"}', 'bulk_presign',
         (SELECT coalesce(max(upload_expires_at), now()) FROM media) + interval '1 minute' + seeded.n * interval '1 millisecond'
       FROM unnest($2::text[]) WITH ORDINALITY AS seeded(id, n)
       ORDER BY seeded.n`,
      [crowded.workspace.id, ids],
    );
    return ids.map((id) => ({
      id,
      storagePath: `${crowded.workspace.id}/${id}/crowd.pdf`,
    }));
  }

  /** Puts the bytes where a client's upload for the item lands (S3's private upload area). */
  async function storeObject(storagePath: string, pdf: Buffer) {
    const storage = t.app.get(Storage);
    await storage.write({
      key: storage.uploadAreaKey(storagePath),
      body: Readable.from([pdf]),
      contentType: 'application/pdf',
    });
  }

  async function statusOf(mediaId: string) {
    const [{ status }] = await h.sql<{ status: string }>(
      'SELECT status FROM media WHERE id = $1',
      [mediaId],
    );
    return status;
  }

  /** The crowded workspace's pending items by when they were last checked (null: never). */
  async function checkedAtCounts() {
    return h.sql<{ checked_at: Date | null; n: number }>(
      `SELECT upload_checked_at AS checked_at, count(*)::int AS n FROM media
       WHERE workspace_id = $1 AND status = 'PENDING'
       GROUP BY upload_checked_at ORDER BY upload_checked_at NULLS FIRST`,
      [crowded.workspace.id],
    );
  }

  it("one pass finds a workspace's single upload while another holds more newer ones than the pass looks at", async () => {
    const pdf = await fixture('document.pdf');
    const upload = await h.presignPdf('alone.pdf', pdf);
    expect(
      (await putBytes(upload.uploadUrl, upload.uploadHeaders, pdf)).status,
    ).toBe(200);
    await crowd(CROWD);

    expect(await h.reconcile()).toEqual({ started: 1, expired: 0 });
    const ready = await waitForStatus(t.client(ws.apiKey), upload.mediaId);
    expect(ready).toMatchObject({ status: 'READY', sizeBytes: pdf.length });
    // The rest of the pass went to the crowded workspace's oldest items.
    expect(await checkedAtCounts()).toEqual([
      { checked_at: null, n: CROWD - 199 },
      { checked_at: expect.any(Date), n: 199 },
    ]);
  });

  it("passes take turns through all of a workspace's pending uploads, least recently checked first", async () => {
    const pdf = await fixture('document.pdf');
    const items = await crowd(CROWD);
    const [oldest, newest] = [items[0], items[CROWD - 1]];
    await storeObject(oldest.storagePath, pdf);
    await storeObject(newest.storagePath, pdf);

    // The first pass looks at the 200 oldest, never checked before.
    expect(await h.reconcile()).toEqual({ started: 1, expired: 0 });
    expect(await statusOf(oldest.id)).not.toBe('PENDING');
    expect(await statusOf(newest.id)).toBe('PENDING');
    const afterFirst = await checkedAtCounts();
    expect(afterFirst).toEqual([
      { checked_at: null, n: CROWD - 200 },
      { checked_at: expect.any(Date), n: 199 },
    ]);

    // The second: the 50 never checked, then 150 of those checked longest ago.
    expect(await h.reconcile()).toEqual({ started: 1, expired: 0 });
    expect(await statusOf(newest.id)).not.toBe('PENDING');
    const afterSecond = await checkedAtCounts();
    expect(afterSecond).toEqual([
      { checked_at: afterFirst[1].checked_at, n: 199 - 150 },
      { checked_at: expect.any(Date), n: 199 },
    ]);
    expect(afterSecond[1].checked_at!.getTime()).toBeGreaterThan(
      afterFirst[1].checked_at!.getTime(),
    );

    for (const item of [oldest, newest]) {
      await waitForStatus(t.client(crowded.apiKey), item.id);
    }
  });

  it("fails an expired backlog larger than a batch in one pass, and a batch holds every workspace's expired items", async () => {
    const pdf = await fixture('document.pdf');
    const backlog = await crowd(1_200);
    const lone = await h.presignPdf('lone.pdf', pdf);
    await h.expireUploadUrl(lone.mediaId, 30 * HOUR);
    await h.sql(
      `UPDATE media SET upload_expires_at = now() - interval '30 hours' WHERE workspace_id = $1`,
      [crowded.workspace.id],
    );

    // However the workspaces are ordered, the lone item is in the first batch beside the backlog.
    const batch = await t.app
      .get(MediaRepository)
      .findExpiredUploads(new Date(Date.now() - 24 * HOUR), '', 150, 100);
    expect(batch.map((media) => media.id)).toContain(lone.mediaId);
    expect(
      batch.filter((media) => media.workspaceId === crowded.workspace.id),
    ).toHaveLength(100);

    expect(await h.reconcile()).toEqual({ started: 0, expired: 1_201 });
    const [counts] = await h.sql<{ failed: number; events: number }>(
      `SELECT
         (SELECT count(*)::int FROM media WHERE workspace_id = ANY($1) AND status = 'FAILED') AS failed,
         (SELECT count(*)::int FROM media_events WHERE workspace_id = ANY($1)
            AND type = 'media.processing_failed') AS events`,
      [[ws.workspace.id, crowded.workspace.id]],
    );
    expect(counts).toEqual({ failed: 1_201, events: 1_201 });
    const [{ results }] = await h.sql<{ results: unknown }>(
      'SELECT validation_results AS results FROM media WHERE id = $1',
      [backlog[1_199].id],
    );
    expect(results).toEqual({
      processing: { valid: false, errors: [expect.stringMatching(/expired/)] },
    });
  });

  it('marking items checked stamps PENDING ones only and leaves updatedAt alone', async () => {
    const [waiting, finished] = await crowd(2);
    await h.sql(`UPDATE media SET status = 'FAILED' WHERE id = $1`, [
      finished.id,
    ]);
    const read = async (id: string) =>
      (await t.app.get(MediaRepository).findById(id))!;
    const before = await read(waiting.id);
    expect(before.uploadCheckedAt).toBeNull();

    await t.app
      .get(MediaRepository)
      .markUploadsChecked([waiting.id, finished.id]);
    const first = await read(waiting.id);
    expect(first.uploadCheckedAt).toBeInstanceOf(Date);
    expect(first.updatedAt).toEqual(before.updatedAt);
    expect((await read(finished.id)).uploadCheckedAt).toBeNull();

    await t.app.get(MediaRepository).markUploadsChecked([waiting.id]);
    const second = await read(waiting.id);
    expect(second.uploadCheckedAt!.getTime()).toBeGreaterThan(
      first.uploadCheckedAt!.getTime(),
    );
    expect(second.updatedAt).toEqual(before.updatedAt);
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
  it('re-queues a stale backlog larger than a batch whose items share one updated_at', async () => {
    // One UPDATE stamps them all with the same microsecond timestamp: batches must go on after
    // each other's last row exactly, not find the first batch again.
    const ids = Array.from({ length: 1_100 }, () => newId('media'));
    await h.sql(
      `INSERT INTO media (id, workspace_id, filename, content_type, status, storage_path,
         public_url, validation_status, metadata, updated_at)
       SELECT id, $1::text, 'stuck.pdf', 'application/pdf', 'PROCESSING', $1::text || '/' || id || '/stuck.pdf',
         'https://cdn.test/' || id, 'skipped', '{"source": "upload"}', now() - interval '1 day'
       FROM unnest($2::text[]) AS id`,
      [ws.workspace.id, ids],
    );
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.processing));
    // This app's own worker takes no job meanwhile: what is queued is what the pass queued.
    await queue.pause(true);
    try {
      expect(await t.app.get(ProcessingRecovery).requeueStale()).toBe(1_100);
      const queued = await Promise.all(
        ids.map((id) => queue.getJob(`process:${id}`)),
      );
      expect(queued.filter((job) => job === null)).toHaveLength(0);
      // A second pass finds every one of them with its job.
      expect(await t.app.get(ProcessingRecovery).requeueStale()).toBe(0);
    } finally {
      await h.sql('DELETE FROM media WHERE id = ANY($1)', [ids]);
      await Promise.all(
        ids.map(async (id) => (await queue.getJob(`process:${id}`))?.remove()),
      );
      await queue.resume(true);
    }
  });
  it('tells a queued processing job from a missing one', async () => {
    const jobs = t.app.get(ProcessingJobs);
    const queue = t.app.get<Queue>(getQueueToken(QUEUES.processing));
    const mediaId = newId('media');
    await queue.pause(true);
    try {
      expect(await jobs.hasLiveJob(mediaId)).toBe(false);
      await jobs.enqueue(mediaId);
      expect(await jobs.hasLiveJob(mediaId)).toBe(true);
      // Completed jobs are removed (removeOnComplete): no longer live, and queued again on demand.
      await (await queue.getJob(`process:${mediaId}`))!.remove();
      expect(await jobs.hasLiveJob(mediaId)).toBe(false);
      await jobs.enqueue(mediaId);
      expect(await jobs.hasLiveJob(mediaId)).toBe(true);
    } finally {
      await (await queue.getJob(`process:${mediaId}`))?.remove();
      await queue.resume(true);
    }
  });
});
