import { Logger } from '@nestjs/common';
import { QueueUnavailableError } from '../../infra/queue/job-port.js';
import {
  FakeMediaEventRepository,
  FakeMediaRepository,
  FakeProcessingJobs,
  mediaRow,
} from '../../testing/fakes/media.fakes.js';
import { FakeUnitOfWork } from '../../testing/fakes/unit-of-work.fake.js';
import { MediaLifecycleService } from './media-lifecycle.service.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

describe('MediaLifecycleService', () => {
  beforeAll(() => Logger.overrideLogger(false));

  let media: FakeMediaRepository;
  let events: FakeMediaEventRepository;
  let unitOfWork: FakeUnitOfWork;
  let processing: FakeProcessingJobs;
  let lifecycle: MediaLifecycleService;

  beforeEach(() => {
    media = new FakeMediaRepository();
    events = new FakeMediaEventRepository();
    unitOfWork = new FakeUnitOfWork([media, events]);
    processing = new FakeProcessingJobs();
    lifecycle = new MediaLifecycleService(
      unitOfWork.asUnitOfWork(),
      media.asRepository(),
      events.asRepository(),
      processing.asPort(),
    );
  });

  describe('markBytesReceived', () => {
    it('moves a PENDING item to PROCESSING with the changes, records media.uploaded and queues processing once', async () => {
      const item = media.seed({ status: 'PENDING' });

      const moved = await lifecycle.markBytesReceived(item.id, {
        sizeBytes: 1234,
        contentType: 'image/png',
      });

      expect(moved).toMatchObject({
        id: item.id,
        status: 'PROCESSING',
        sizeBytes: 1234,
      });
      expect(media.row(item.id)).toMatchObject({
        status: 'PROCESSING',
        sizeBytes: 1234,
        contentType: 'image/png',
        uploadExpiresAt: null,
      });
      expect(events.events).toEqual([
        expect.objectContaining({
          mediaId: item.id,
          type: 'media.uploaded',
          status: 'PROCESSING',
        }),
      ]);
      expect(processing.enqueued).toEqual([item.id]);
    });

    it('does nothing for a second trigger: no second event, no second job', async () => {
      const item = media.seed({ status: 'PENDING' });
      await lifecycle.markBytesReceived(item.id);

      expect(await lifecycle.markBytesReceived(item.id)).toBeNull();
      expect(events.typesFor(item.id)).toEqual(['media.uploaded']);
      expect(processing.enqueued).toEqual([item.id]);
    });

    it.each(['PROCESSING', 'READY', 'FAILED'] as const)(
      'leaves a %s item alone',
      async (status) => {
        const item = media.seed({ status });
        expect(await lifecycle.markBytesReceived(item.id)).toBeNull();
        expect(media.row(item.id)?.status).toBe(status);
        expect(events.events).toEqual([]);
        expect(processing.enqueued).toEqual([]);
      },
    );

    it('returns null for an item that is gone', async () => {
      expect(await lifecycle.markBytesReceived('media_gone')).toBeNull();
      expect(processing.enqueued).toEqual([]);
    });

    it('refuses while the queue is away, before changing anything', async () => {
      const item = media.seed({ status: 'PENDING' });
      processing.available = false;

      await expect(lifecycle.markBytesReceived(item.id)).rejects.toBeInstanceOf(
        QueueUnavailableError,
      );
      expect(media.row(item.id)?.status).toBe('PENDING');
      expect(events.events).toEqual([]);
    });
  });

  describe('claimUpload', () => {
    it('stores the first upload of a PENDING item, moves it to PROCESSING and queues it', async () => {
      const item = media.seed({ status: 'PENDING' });
      const store = vi.fn(async () => undefined);

      expect(
        await lifecycle.claimUpload(item.id, SHA_A, store, { sizeBytes: 10 }),
      ).toBe('stored');

      expect(store).toHaveBeenCalledTimes(1);
      expect(media.row(item.id)).toMatchObject({
        status: 'PROCESSING',
        uploadSha256: SHA_A,
        uploadExpiresAt: null,
        sizeBytes: 10,
      });
      expect(events.typesFor(item.id)).toEqual(['media.uploaded']);
      expect(processing.enqueued).toEqual([item.id]);
    });

    it('recognises a retried upload of the same bytes: stores nothing, records nothing, queues processing again', async () => {
      const item = media.seed({ status: 'PENDING' });
      await lifecycle.claimUpload(item.id, SHA_A, async () => undefined);
      const store = vi.fn(async () => undefined);

      expect(await lifecycle.claimUpload(item.id, SHA_A, store)).toBe(
        'duplicate',
      );
      expect(store).not.toHaveBeenCalled();
      expect(events.typesFor(item.id)).toEqual(['media.uploaded']);
      expect(processing.enqueued).toEqual([item.id, item.id]);
    });

    it('reports other bytes as a conflict and queues nothing', async () => {
      const item = media.seed({ status: 'PENDING' });
      await lifecycle.claimUpload(item.id, SHA_A, async () => undefined);
      const store = vi.fn(async () => undefined);

      expect(await lifecycle.claimUpload(item.id, SHA_B, store)).toBe(
        'conflict',
      );
      expect(store).not.toHaveBeenCalled();
      expect(media.row(item.id)?.uploadSha256).toBe(SHA_A);
      expect(processing.enqueued).toEqual([item.id]);
    });

    it('does not queue a finished item again for a retried upload', async () => {
      const item = media.seed({ status: 'READY', uploadSha256: SHA_A });
      expect(
        await lifecycle.claimUpload(item.id, SHA_A, async () => undefined),
      ).toBe('duplicate');
      expect(processing.enqueued).toEqual([]);
    });

    it('says gone for a deleted item without storing', async () => {
      const store = vi.fn(async () => undefined);
      expect(await lifecycle.claimUpload('media_gone', SHA_A, store)).toBe(
        'gone',
      );
      expect(store).not.toHaveBeenCalled();
      expect(processing.enqueued).toEqual([]);
    });

    it('leaves the item PENDING without an event when storing fails', async () => {
      const item = media.seed({ status: 'PENDING' });
      await expect(
        lifecycle.claimUpload(item.id, SHA_A, async () => {
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      expect(media.row(item.id)).toMatchObject({
        status: 'PENDING',
        uploadSha256: null,
      });
      expect(events.events).toEqual([]);
      expect(processing.enqueued).toEqual([]);
    });
  });

  describe('insertReceived', () => {
    it('saves the PROCESSING item with media.uploaded and queues its processing', async () => {
      const item = mediaRow({ status: 'PROCESSING', uploadExpiresAt: null });

      expect(await lifecycle.insertReceived(item)).toBe(item);
      expect(media.row(item.id)?.status).toBe('PROCESSING');
      expect(events.typesFor(item.id)).toEqual(['media.uploaded']);
      expect(processing.enqueued).toEqual([item.id]);
      // A keyed request's record learns in the same transaction that the item exists.
      expect(unitOfWork.recorded).toEqual([item.id]);
    });

    it('queues nothing when the insert fails', async () => {
      const item = media.seed({ status: 'PROCESSING' });
      await expect(lifecycle.insertReceived(item)).rejects.toThrow(
        'duplicate key',
      );
      expect(events.events).toEqual([]);
      expect(processing.enqueued).toEqual([]);
    });
  });

  describe('completeProcessing', () => {
    it('makes a PROCESSING item READY with the changes and records media.ready', async () => {
      const item = media.seed({ status: 'PROCESSING' });

      const done = await lifecycle.completeProcessing(item.id, {
        status: 'READY',
        changes: { width: 640, height: 480, checksumSha256: SHA_A },
      });

      expect(done).toMatchObject({ id: item.id, status: 'READY', width: 640 });
      expect(media.row(item.id)).toMatchObject({
        status: 'READY',
        width: 640,
        height: 480,
        checksumSha256: SHA_A,
      });
      expect(media.row(item.id)?.metadata).not.toHaveProperty('duplicateOf');
      expect(events.events).toEqual([
        expect.objectContaining({ type: 'media.ready', status: 'READY' }),
      ]);
    });

    it('fails an item with the reasons in validationResults.processing, keeping other results', async () => {
      const item = media.seed({
        status: 'PROCESSING',
        validationResults: { instagram: { valid: true, errors: [] } },
      });

      await lifecycle.completeProcessing(item.id, {
        status: 'FAILED',
        errors: ['The uploaded file is empty'],
      });

      expect(media.row(item.id)).toMatchObject({
        status: 'FAILED',
        validationResults: {
          instagram: { valid: true, errors: [] },
          processing: { valid: false, errors: ['The uploaded file is empty'] },
        },
      });
      expect(events.typesFor(item.id)).toEqual(['media.processing_failed']);
    });

    it('records the oldest item of the workspace with the same checksum as duplicateOf', async () => {
      const older = media.seed({ status: 'READY', checksumSha256: SHA_A });
      media.seed({ status: 'READY', checksumSha256: SHA_A });
      media.seed({
        workspaceId: 'ws_other',
        status: 'READY',
        checksumSha256: SHA_A,
      });
      const item = media.seed({
        status: 'PROCESSING',
        metadata: { source: 'upload' },
      });

      await lifecycle.completeProcessing(item.id, {
        status: 'READY',
        changes: { checksumSha256: SHA_A },
      });

      expect(media.row(item.id)?.metadata).toEqual({
        source: 'upload',
        duplicateOf: older.id,
      });
    });

    it('ignores a checksum held only in another workspace', async () => {
      media.seed({
        workspaceId: 'ws_other',
        status: 'READY',
        checksumSha256: SHA_A,
      });
      const item = media.seed({ status: 'PROCESSING' });
      await lifecycle.completeProcessing(item.id, {
        status: 'READY',
        changes: { checksumSha256: SHA_A },
      });
      expect(media.row(item.id)?.metadata).toEqual({ source: 'upload' });
    });

    it.each(['PENDING', 'READY', 'FAILED'] as const)(
      'returns null and changes nothing for a %s item',
      async (status) => {
        const item = media.seed({ status });
        expect(
          await lifecycle.completeProcessing(item.id, {
            status: 'READY',
            changes: { width: 1 },
          }),
        ).toBeNull();
        expect(media.row(item.id)).toMatchObject({ status, width: null });
        expect(events.events).toEqual([]);
      },
    );

    it('returns null for an item deleted meanwhile', async () => {
      expect(
        await lifecycle.completeProcessing('media_gone', {
          status: 'FAILED',
          errors: ['x'],
        }),
      ).toBeNull();
      expect(events.events).toEqual([]);
    });
  });

  describe('failPending', () => {
    it('fails a PENDING item with the reason and records media.processing_failed', async () => {
      const item = media.seed({ status: 'PENDING' });

      const failed = await lifecycle.failPending(item.id, 'Upload expired', {
        metadata: { source: 'upload', importStatus: 'failed' },
      });

      expect(failed?.status).toBe('FAILED');
      expect(media.row(item.id)).toMatchObject({
        status: 'FAILED',
        uploadExpiresAt: null,
        metadata: { source: 'upload', importStatus: 'failed' },
        validationResults: {
          processing: { valid: false, errors: ['Upload expired'] },
        },
      });
      expect(events.typesFor(item.id)).toEqual(['media.processing_failed']);
      expect(processing.enqueued).toEqual([]);
    });

    it('leaves an item that is no longer PENDING as it is', async () => {
      const item = media.seed({ status: 'PROCESSING' });
      expect(await lifecycle.failPending(item.id, 'late')).toBeNull();
      expect(media.row(item.id)?.status).toBe('PROCESSING');
      expect(events.events).toEqual([]);
    });

    it('works while the queue is away (it queues nothing)', async () => {
      const item = media.seed({ status: 'PENDING' });
      processing.available = false;
      expect((await lifecycle.failPending(item.id, 'gone'))?.status).toBe(
        'FAILED',
      );
    });
  });
});
