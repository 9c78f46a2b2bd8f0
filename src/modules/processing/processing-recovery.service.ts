import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import {
  eachInFlight,
  inBatchesFor,
  PASS_BUDGET_MS,
} from '../../infra/queue/batched-pass.js';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import {
  MediaRepository,
  type StaleKeyset,
} from '../media/media.repository.js';
import { ProcessingJobs } from '../media/processing.jobs.js';

const BATCH = 500;

/**
 * Finds items that have been PROCESSING for PROCESSING_STALE_SECONDS with no live job (Redis lost
 * its data, or the job could not be queued while Redis was down) and queues them again.
 * Processing is idempotent, so a spurious re-run is harmless.
 */
@Injectable()
export class ProcessingRecovery {
  private readonly logger = new Logger(ProcessingRecovery.name);

  constructor(
    private readonly media: MediaRepository,
    private readonly processing: ProcessingJobs,
    private readonly config: AppConfig,
  ) {}

  /**
   * Returns how many items were queued again. Goes through the stale items oldest first in
   * batches, each going on after the last, so items whose job is merely waiting in a long queue
   * do not hold the pass at the same first batch.
   */
  @Every({
    name: 'Processing recovery',
    lockId: LOCKS.processingRecovery,
    intervalMs: (config) => config.reconciler.intervalSeconds * 1_000,
  })
  async requeueStale(now = new Date()): Promise<number> {
    const before = new Date(
      now.getTime() - this.config.processing.staleSeconds * 1_000,
    );
    let requeued = 0;
    let after: StaleKeyset | null = null;
    await inBatchesFor(PASS_BUDGET_MS, async () => {
      const { items: batch, last } = await this.media.findStaleProcessing(
        before,
        after,
        BATCH,
      );
      const lost = await eachInFlight(
        batch,
        async (media) => !(await this.processing.hasLiveJob(media.id)),
      );
      await eachInFlight(
        batch.filter((_, index) => lost[index]),
        (media) => this.processing.enqueue(media.id),
      );
      requeued += lost.filter(Boolean).length;
      after = last ?? after;
      return batch.length === BATCH;
    });
    if (requeued > 0) {
      this.logger.log(`Queued ${requeued} stale PROCESSING items again`);
    }
    return requeued;
  }
}
