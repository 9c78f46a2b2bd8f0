import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { newId } from '../../common/ids.js';
import {
  JOBS,
  QUEUES,
  isJobLive,
  isQueueAvailable,
  processMediaJobOptions,
  queueUnavailable,
  withQueue,
  type ProcessMediaJob,
} from '../../infra/queue/queues.js';
import { MediaEvent, type MediaEventType } from './media-event.entity.js';
import { Media } from './media.entity.js';
import { toMediaDto } from './media.mapper.js';

/**
 * What became of an uploaded body: it landed (`stored`); the same bytes had already landed
 * (`duplicate`, a client retrying); other bytes had (`conflict`); or the item is gone.
 */
export type UploadClaim = 'stored' | 'duplicate' | 'conflict' | 'gone';

export type ProcessingOutcome =
  | { status: 'READY'; changes: Partial<Media> }
  | { status: 'FAILED'; errors: string[]; changes?: Partial<Media> };

/**
 * The status transitions of SPEC §5. Each is a conditional update inside a transaction that also
 * records the lifecycle event, so concurrent or repeated triggers change state (and emit) once.
 */
@Injectable()
export class MediaLifecycleService {
  private readonly logger = new Logger(MediaLifecycleService.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.processing)
    private readonly processingQueue: Queue<ProcessMediaJob>,
  ) {}

  /**
   * PENDING → PROCESSING when the bytes are in storage, from whichever trigger saw it first (local
   * upload handler, storage event, reconciler, confirm). Emits `media.uploaded` and enqueues
   * processing; refuses with 503 while the queue is unavailable. Returns the item when this call made the transition, null when it was not PENDING.
   */
  async markBytesReceived(
    mediaId: string,
    changes: Partial<Media> = {},
  ): Promise<Media | null> {
    this.assertCanQueueProcessing();
    const media = await this.leavePending(
      mediaId,
      () => ({ ...changes, status: 'PROCESSING' }),
      'media.uploaded',
    );
    if (media) {
      await this.enqueueProcessing(media.id);
    }
    return media;
  }

  /**
   * Lets the bytes of a direct upload received by this app land, at most once per item. Under the
   * item's row lock (which DELETE takes too), the first complete upload of a PENDING item is
   * stored (`store` moves it under its key) and the item becomes PROCESSING with `media.uploaded`
   * in the same transaction; any later one is compared by digest and stores nothing. Processing
   * is queued for a stored upload, and again for a retried one, whose first attempt may have
   * landed while Redis was away.
   */
  async claimUpload(
    mediaId: string,
    sha256: string,
    store: () => Promise<unknown>,
    changes: Partial<Media> = {},
  ): Promise<UploadClaim> {
    const claim = await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForUpdate(manager, mediaId);
      if (!current) {
        return { outcome: 'gone' as const };
      }
      if (current.status !== 'PENDING') {
        return {
          outcome:
            current.uploadSha256 === sha256
              ? ('duplicate' as const)
              : ('conflict' as const),
          status: current.status,
        };
      }
      await store();
      await this.update(manager, current, {
        ...changes,
        status: 'PROCESSING',
        uploadExpiresAt: null,
        uploadSha256: sha256,
      });
      await this.recordEvent(manager, current, 'media.uploaded');
      return { outcome: 'stored' as const, status: current.status };
    });
    if (claim.outcome !== 'conflict' && claim.status === 'PROCESSING') {
      await this.enqueueProcessing(mediaId);
    }
    return claim.outcome;
  }

  /**
   * Saves a new item whose bytes the server has just stored (status PROCESSING), with its
   * `media.uploaded` event in the same transaction, and queues its processing.
   */
  async insertReceived(media: Media): Promise<Media> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.save(media);
      await this.recordEvent(manager, inserted, 'media.uploaded');
      return inserted;
    });
    await this.enqueueProcessing(saved.id);
    return saved;
  }

  /**
   * Queues processing under the item's deterministic job id. A job that exhausted its attempts is
   * retried rather than re-added, since Bull ignores an add whose id it still holds.
   */
  async enqueueProcessing(mediaId: string): Promise<void> {
    const options = processMediaJobOptions(mediaId);
    await withQueue(this.processingQueue, async () => {
      const existing = await this.processingQueue.getJob(options.jobId!);
      if (existing && (await existing.isFailed())) {
        await existing.retry();
        return;
      }
      await this.processingQueue.add(JOBS.processMedia, { mediaId }, options);
    });
  }

  /** True while the item's processing job is waiting, delayed or running. */
  hasLiveProcessingJob(mediaId: string): Promise<boolean> {
    return isJobLive(
      this.processingQueue,
      processMediaJobOptions(mediaId).jobId!,
    );
  }

  /**
   * Refuses (503) to take in bytes that could not be queued for processing right now, so the
   * caller (a client's PUT or confirm, a storage notification) retries later with nothing changed,
   * rather than leaving the item PROCESSING without a job until recovery finds it.
   */
  assertCanQueueProcessing(): void {
    if (!isQueueAvailable(this.processingQueue)) {
      throw queueUnavailable();
    }
  }

  /**
   * PROCESSING → READY or FAILED, for the processing worker, in one transaction of three
   * statements: the item read under its row lock (with, for a READY outcome, the oldest other item
   * of its workspace holding the same checksum, then recorded as `metadata.duplicateOf`), one
   * UPDATE of the changed columns and one INSERT of the event.
   */
  async completeProcessing(
    mediaId: string,
    outcome: ProcessingOutcome,
  ): Promise<Media | null> {
    return this.dataSource.transaction(async (manager) => {
      const checksum =
        outcome.status === 'READY' ? outcome.changes.checksumSha256 : null;
      const query = manager
        .createQueryBuilder(Media, 'media')
        .where('media.id = :mediaId', { mediaId })
        .setLock('pessimistic_write');
      if (checksum) {
        query.addSelect(
          (duplicates) =>
            duplicates
              .select('duplicate.id')
              .from(Media, 'duplicate')
              .where('duplicate.workspace_id = media.workspace_id')
              .andWhere('duplicate.checksum_sha256 = :checksum', { checksum })
              .andWhere('duplicate.id <> media.id')
              .orderBy('duplicate.seq', 'ASC')
              .limit(1),
          'duplicate_of',
        );
      }
      const {
        entities: [current],
        raw: [row],
      } = await query.getRawAndEntities<{ duplicate_of?: string | null }>();
      if (current?.status !== 'PROCESSING') {
        return null;
      }
      const changes: Partial<Media> = {
        ...outcome.changes,
        status: outcome.status,
      };
      if (outcome.status === 'FAILED') {
        changes.validationResults = {
          ...current.validationResults,
          processing: { valid: false, errors: outcome.errors },
        };
      }
      if (row.duplicate_of) {
        changes.metadata = {
          ...(changes.metadata ?? current.metadata),
          duplicateOf: row.duplicate_of,
        };
      }
      await this.update(manager, current, changes);
      await this.recordEvent(
        manager,
        current,
        outcome.status === 'READY' ? 'media.ready' : 'media.processing_failed',
      );
      this.logger.log(`Media ${current.id} is ${current.status}`);
      return current;
    });
  }

  /** PENDING → FAILED for an upload that never arrived or an import that could not be fetched. */
  async failPending(
    mediaId: string,
    reason: string,
    changes: Partial<Media> = {},
  ): Promise<Media | null> {
    return this.leavePending(
      mediaId,
      (current) => ({
        ...changes,
        status: 'FAILED',
        validationResults: {
          ...current.validationResults,
          processing: { valid: false, errors: [reason] },
        },
      }),
      'media.processing_failed',
    );
  }

  /**
   * PENDING → what `changes` gives for the item read under its row lock (its upload window
   * closed), with `event` in the same transaction. Null when the item is not PENDING.
   */
  private leavePending(
    mediaId: string,
    changes: (current: Media) => Partial<Media>,
    event: MediaEventType,
  ): Promise<Media | null> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.lockForUpdate(manager, mediaId);
      if (current?.status !== 'PENDING') {
        return null;
      }
      await this.update(manager, current, {
        ...changes(current),
        uploadExpiresAt: null,
      });
      await this.recordEvent(manager, current, event);
      return current;
    });
  }

  private lockForUpdate(
    manager: EntityManager,
    mediaId: string,
  ): Promise<Media | null> {
    return manager.findOne(Media, {
      where: { id: mediaId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * One UPDATE of the item read under its row lock, applied to `current` too. `save` would read
   * the row again first to work out what changed.
   */
  private async update(
    manager: EntityManager,
    current: Media,
    changes: Partial<Media>,
  ): Promise<void> {
    const updated = await manager
      .createQueryBuilder()
      .update(Media)
      .set(changes as QueryDeepPartialEntity<Media>)
      .where('id = :id', { id: current.id })
      .returning('updated_at')
      .execute();
    const [{ updated_at: updatedAt }] = updated.raw as Array<{
      updated_at: Date;
    }>;
    Object.assign(current, changes, { updatedAt });
  }

  /** The lifecycle event, with the item as the API shows it, in the caller's transaction. */
  private async recordEvent(
    manager: EntityManager,
    media: Media,
    type: MediaEventType,
  ): Promise<void> {
    await manager.insert(MediaEvent, {
      id: newId('event'),
      workspaceId: media.workspaceId,
      mediaId: media.id,
      type,
      data: JSON.parse(
        JSON.stringify(toMediaDto(media)),
      ) as QueryDeepPartialEntity<Record<string, unknown>>,
    });
  }
}
