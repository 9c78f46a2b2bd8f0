import { Inject, Injectable, Logger } from '@nestjs/common';
import { ApiError } from '../../common/errors/api-error.js';
import { AppConfig } from '../../config/app-config.js';
import { AppMetrics } from '../../infra/metrics/app-metrics.js';
import {
  eachInFlight,
  inBatchesFor,
  PASS_BUDGET_MS,
} from '../../infra/queue/batched-pass.js';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { isValidObjectKey } from '../../infra/storage/object-key.js';
import {
  isPartUploadQuery,
  SignedUploadReceiver,
  type SignedUploadRequest,
} from '../../infra/storage/signed-upload-receiver.js';
import { Storage } from '../../infra/storage/storage.port.js';
import { MediaLifecycleService } from '../media/media-lifecycle.service.js';
import type { Media } from '../media/media.entity.js';
import { MediaRepository } from '../media/media.repository.js';
import { ProcessingJobs } from '../media/processing.jobs.js';
import type {
  StorageEventsDto,
  StorageEventsResultDto,
} from './storage-events.dto.js';

const RECONCILE_BATCH = 200;
/** Expired uploads failed per unit of work, and taken from one workspace per batch at most. */
const EXPIRE_BATCH = 500;
const EXPIRE_PER_WORKSPACE = 100;
/** How long after its URL expired a pending upload is still checked every run. */
const RECENT_WINDOW_MS = 60 * 60 * 1000;

export interface ReconcileResult {
  started: number;
  expired: number;
}

/** S3 notifications URL-encode keys and encode spaces as `+`. Null when the key is not valid encoding. */
export function decodeEventKey(key: string): string | null {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    // A malformed escape (e.g. a bare `%`) names no key of ours; one bad record must not fail the batch.
    return null;
  }
}

/**
 * The ways the service learns that upload bytes arrived: PUTs to the local driver's signed URLs,
 * storage event notifications and the periodic reconciler. All converge on one "bytes received"
 * transition per item.
 */
@Injectable()
export class UploadReceiptService {
  private readonly logger = new Logger(UploadReceiptService.name);
  /** The workspace whose expired uploads the last batch ended with; the next batch starts after it. */
  private expiryTurn = '';

  constructor(
    private readonly media: MediaRepository,
    private readonly lifecycle: MediaLifecycleService,
    private readonly processing: ProcessingJobs,
    private readonly storage: Storage,
    private readonly config: AppConfig,
    @Inject(SignedUploadReceiver)
    private readonly receiver: SignedUploadReceiver | null,
    private readonly metrics: AppMetrics,
  ) {}

  /** False with the S3 driver, where the bucket receives uploads and serves files. */
  get receivesUploads(): boolean {
    return this.receiver !== null;
  }

  /**
   * A PUT to a local upload URL. An upload URL is single-use: the body is staged, then allowed to
   * land only if the item is still waiting for bytes (MediaLifecycleService.claimUpload). A client
   * repeating an upload that already landed (say after a 503) is answered as the first time was;
   * different bytes are refused with 409. Nothing is left behind by a refused or losing upload.
   * Returns the stored object's ETag.
   */
  async receiveSignedUpload(request: SignedUploadRequest): Promise<string> {
    const media = isValidObjectKey(request.key)
      ? await this.media.findByStoragePath(request.key)
      : null;
    if (!media || !this.receiver) {
      throw new ApiError('not_found', 'No upload is expected at this URL');
    }
    const used = () =>
      new ApiError(
        'conflict',
        `Media ${media.id} is ${media.status}; this upload URL has been used`,
      );
    if (isPartUploadQuery(request.query)) {
      return this.receivePart(media, request, used);
    }
    if (media.status !== 'PENDING' && !media.uploadSha256) {
      throw used();
    }
    if (media.status === 'PENDING') {
      // Refused before the body is read: nothing changes, and the client retries the same PUT.
      this.processing.assertAvailable();
    }
    const received = await this.receiver.receive(request);
    try {
      const claim = await this.lifecycle.claimUpload(
        media.id,
        received.sha256,
        () => received.commit(),
      );
      if (claim === 'gone') {
        throw new ApiError(
          'not_found',
          `Media ${media.id} was deleted; nothing was stored`,
        );
      }
      if (claim === 'conflict') {
        throw used();
      }
      if (claim === 'stored') {
        this.metrics.countIngestedBytes('upload', received.sizeBytes);
      }
      return `"${received.sha256}"`;
    } finally {
      await received.discard();
    }
  }

  /**
   * One part of a multipart upload: kept (replacing an earlier copy, as S3 does) while the item
   * waits for its bytes. Its ETag is the part's SHA-256, which completion checks the parts against.
   */
  private async receivePart(
    media: Media,
    request: SignedUploadRequest,
    used: () => ApiError,
  ): Promise<string> {
    if (media.status !== 'PENDING' || !media.multipartUploadId) {
      throw used();
    }
    const part = await this.receiver!.receivePart(request);
    try {
      if (part.uploadId !== media.multipartUploadId) {
        throw used();
      }
      await part.store();
      this.metrics.countIngestedBytes('upload', part.sizeBytes);
      return `"${part.sha256}"`;
    } finally {
      await part.discard();
    }
  }

  async handleStorageEvents(
    notification: StorageEventsDto,
  ): Promise<StorageEventsResultDto> {
    let started = 0;
    for (const record of notification.Records) {
      // S3 names events `ObjectCreated:Put`; MinIO prefixes them (`s3:ObjectCreated:CompleteMultipartUpload`).
      if (!record.eventName.replace(/^s3:/, '').startsWith('ObjectCreated:')) {
        continue;
      }
      const objectKey = decodeEventKey(record.s3.object.key);
      // Uploads land in the storage's upload area; objects we publish at item keys are not uploads.
      const key =
        objectKey && isValidObjectKey(objectKey)
          ? this.storage.keyOfUploadArea(objectKey)
          : null;
      const media = key ? await this.media.findByStoragePath(key) : null;
      if (!media) {
        continue;
      }
      if (media.status === 'READY' || media.status === 'FAILED') {
        // A client reusing its URL after processing: those bytes will never be used.
        await this.storage.delete(objectKey!);
      } else if (await this.lifecycle.markBytesReceived(media.id)) {
        started += 1;
      }
    }
    return { started, ignored: notification.Records.length - started };
  }

  /**
   * Starts processing for PENDING uploads whose object is in storage, fails those whose upload
   * window closed more than PENDING_UPLOAD_EXPIRY_HOURS ago, and aborts multipart uploads their
   * items no longer need. Runs every RECONCILER_INTERVAL_SECONDS in one worker process at a time;
   * 0 turns it off.
   */
  @Every({
    name: 'Upload reconciler',
    lockId: LOCKS.uploadReconciler,
    intervalMs: (config) => config.reconciler.intervalSeconds * 1_000,
  })
  async reconcile(now = new Date()): Promise<ReconcileResult> {
    const result: ReconcileResult = { started: 0, expired: 0 };
    // URLs still open or recently closed: most likely to have just received their bytes. A batch
    // goes round the workspaces, least recently checked first; marking what it looked at sends
    // those to the back, so every pending item is reached in turn.
    const recent = await this.media.findPendingUploads(
      new Date(now.getTime() - RECENT_WINDOW_MS),
      RECONCILE_BATCH,
    );
    for (const media of recent) {
      if (
        (await this.storage.headUpload(media.storagePath!)) !== null &&
        (await this.lifecycle.markBytesReceived(media.id))
      ) {
        result.started += 1;
      }
    }
    await this.media.markUploadsChecked(recent.map((media) => media.id));
    await this.expireAbandonedUploads(now, result);
    if (result.started + result.expired > 0) {
      this.logger.log(`Reconciled uploads: ${JSON.stringify(result)}`);
    }
    await this.abortAbandonedMultipartUploads();
    return result;
  }

  /**
   * Windows closed long ago: one last look in storage, then the item fails as never uploaded.
   * Batches take up to EXPIRE_PER_WORKSPACE items from each workspace in turn, going on from the
   * workspace the last batch (or pass) stopped at, so a workspace with a huge backlog delays
   * another's by a batch, not by the backlog. Every item looked at leaves PENDING.
   */
  private async expireAbandonedUploads(
    now: Date,
    result: ReconcileResult,
  ): Promise<void> {
    const expiredBefore = new Date(
      now.getTime() - this.config.reconciler.pendingExpiryHours * 3_600_000,
    );
    await inBatchesFor(PASS_BUDGET_MS, async () => {
      const batch = await this.media.findExpiredUploads(
        expiredBefore,
        this.expiryTurn,
        EXPIRE_BATCH,
        EXPIRE_PER_WORKSPACE,
      );
      if (batch.length === 0) {
        // Past the last workspace: go on from the first, unless that is where this batch began.
        const more = this.expiryTurn !== '';
        this.expiryTurn = '';
        return more;
      }
      this.expiryTurn = batch.at(-1)!.workspaceId;
      const found = await eachInFlight(
        batch,
        async (media) =>
          (await this.storage.headUpload(media.storagePath!)) !== null,
      );
      const reasons = new Map<string, string>();
      for (const [index, media] of batch.entries()) {
        if (found[index]) {
          result.started += (await this.lifecycle.markBytesReceived(media.id))
            ? 1
            : 0;
        } else {
          reasons.set(
            media.id,
            `No upload was received before the upload URL expired at ${media.uploadExpiresAt!.toISOString()}`,
          );
        }
      }
      result.expired += (await this.lifecycle.failAllPending(reasons)).length;
      return true;
    });
  }

  /**
   * Expired items, and items filled through their single-PUT URL, leave an open multipart upload
   * whose parts would otherwise be kept (and, on S3, billed) forever. One that storage will not
   * abort is logged and tried again next pass, without holding up the others.
   */
  private async abortAbandonedMultipartUploads(): Promise<void> {
    let aborted = 0;
    let afterId = '';
    await inBatchesFor(PASS_BUDGET_MS, async () => {
      const batch = await this.media.findAbandonedMultipartUploads(
        afterId,
        RECONCILE_BATCH,
      );
      await eachInFlight(batch, async (media) => {
        try {
          await this.storage.abortMultipartUpload(
            media.storagePath!,
            media.multipartUploadId!,
          );
        } catch (error) {
          this.logger.warn(
            { mediaId: media.id, workspaceId: media.workspaceId },
            `Could not abort the multipart upload of media ${media.id}: ${String(error)}`,
          );
          return;
        }
        await this.media.clearMultipartUpload(media.id);
        aborted += 1;
      });
      afterId = batch.at(-1)?.id ?? afterId;
      return batch.length === RECONCILE_BATCH;
    });
    if (aborted > 0) {
      this.logger.log(`Aborted ${aborted} abandoned multipart uploads`);
    }
  }
}
