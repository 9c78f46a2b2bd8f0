import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../infra/database/unit-of-work.js';
import type { MediaEventType } from './media-event.entity.js';
import { MediaEventRepository } from './media-event.repository.js';
import type { Media } from './media.entity.js';
import { MediaRepository } from './media.repository.js';
import { ProcessingJobs } from './processing.jobs.js';

/**
 * What became of an uploaded body: it landed (`stored`); the same bytes had already landed
 * (`duplicate`, a client retrying); other bytes had (`conflict`); or the item is gone.
 */
export type UploadClaim = 'stored' | 'duplicate' | 'conflict' | 'gone';

export type ProcessingOutcome =
  | { status: 'READY'; changes: Partial<Media> }
  | { status: 'FAILED'; errors: string[]; changes?: Partial<Media> };

/**
 * The status transitions of an item (docs/lifecycle.md). Each is a unit of work that reads the
 * item under its row lock, changes it only from the status it must be in, and records the
 * lifecycle event, so concurrent or repeated triggers change state (and emit) once.
 */
@Injectable()
export class MediaLifecycleService {
  private readonly logger = new Logger(MediaLifecycleService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly media: MediaRepository,
    private readonly events: MediaEventRepository,
    private readonly processing: ProcessingJobs,
  ) {}

  /**
   * PENDING → PROCESSING when the bytes are in storage, from whichever trigger saw it first (local
   * upload handler, storage event, reconciler, confirm). Emits `media.uploaded` and queues
   * processing; refuses (QueueUnavailableError) while the queue is away, before changing anything,
   * so the trigger is retried rather than leaving the item PROCESSING without a job. Returns the
   * item when this call made the transition, null when it was not PENDING.
   */
  async markBytesReceived(
    mediaId: string,
    changes: Partial<Media> = {},
  ): Promise<Media | null> {
    this.processing.assertAvailable();
    const media = await this.leavePending(
      mediaId,
      () => ({ ...changes, status: 'PROCESSING' }),
      'media.uploaded',
    );
    if (media) {
      await this.processing.enqueue(media.id);
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
    const claim = await this.unitOfWork.run(async (tx) => {
      const current = await this.media.lockForUpdate(mediaId, tx);
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
      await this.media.update(
        current,
        {
          ...changes,
          status: 'PROCESSING',
          uploadExpiresAt: null,
          uploadSha256: sha256,
        },
        tx,
      );
      await this.events.record(current, 'media.uploaded', tx);
      return { outcome: 'stored' as const, status: current.status };
    });
    if (claim.outcome !== 'conflict' && claim.status === 'PROCESSING') {
      await this.processing.enqueue(mediaId);
    }
    return claim.outcome;
  }

  /**
   * Saves a new item whose bytes the server has just stored (status PROCESSING), with its
   * `media.uploaded` event in the same transaction, and queues its processing.
   */
  async insertReceived(media: Media): Promise<Media> {
    await this.unitOfWork.run(async (tx) => {
      await this.media.insert(media, tx);
      await this.events.record(media, 'media.uploaded', tx);
      await this.unitOfWork.recordCreated(tx, [media.id]);
    });
    await this.processing.enqueue(media.id);
    return media;
  }

  /**
   * PROCESSING → READY or FAILED, for the processing job. A READY item holding the same checksum
   * as an older item of its workspace records that one as `metadata.duplicateOf`. Null when the
   * item was not PROCESSING (gone, or finished by another run).
   */
  async completeProcessing(
    mediaId: string,
    outcome: ProcessingOutcome,
  ): Promise<Media | null> {
    return this.unitOfWork.run(async (tx) => {
      const checksum =
        outcome.status === 'READY' ? outcome.changes.checksumSha256 : null;
      const locked = await this.media.lockWithDuplicate(
        mediaId,
        checksum ?? null,
        tx,
      );
      if (locked?.media.status !== 'PROCESSING') {
        return null;
      }
      const { media: current, duplicateOf } = locked;
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
      if (duplicateOf) {
        changes.metadata = {
          ...(changes.metadata ?? current.metadata),
          duplicateOf,
        };
      }
      await this.media.update(current, changes, tx);
      await this.events.record(
        current,
        outcome.status === 'READY' ? 'media.ready' : 'media.processing_failed',
        tx,
      );
      this.logger.log(`Media ${current.id} is ${current.status}`);
      return current;
    });
  }

  /** PENDING → FAILED for an upload that never arrived or an import that could not be fetched. */
  failPending(
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
   * PENDING → FAILED for many items at once (the reconciler's expired uploads), each with its
   * reason: one UPDATE fails those still PENDING (it takes their row locks, as a single transition
   * does) and one INSERT records their events, in one unit of work. Returns the items it failed.
   */
  async failAllPending(reasons: Map<string, string>): Promise<Media[]> {
    if (reasons.size === 0) {
      return [];
    }
    return this.unitOfWork.run(async (tx) => {
      const failed = await this.media.failAllPending(reasons, tx);
      await this.events.recordAll(failed, 'media.processing_failed', tx);
      return failed;
    });
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
    return this.unitOfWork.run(async (tx) => {
      const current = await this.media.lockForUpdate(mediaId, tx);
      if (current?.status !== 'PENDING') {
        return null;
      }
      await this.media.update(
        current,
        { ...changes(current), uploadExpiresAt: null },
        tx,
      );
      await this.events.record(current, event, tx);
      return current;
    });
  }
}
