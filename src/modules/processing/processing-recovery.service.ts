import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { MediaRepository } from '../media/media.repository.js';
import { ProcessingJobs } from '../media/processing.jobs.js';

const BATCH = 200;

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

  /** Returns how many items were queued again. */
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
    for (const media of await this.media.findStaleProcessing(before, BATCH)) {
      if (!(await this.processing.hasLiveJob(media.id))) {
        await this.processing.enqueue(media.id);
        requeued += 1;
      }
    }
    if (requeued > 0) {
      this.logger.log(`Queued ${requeued} stale PROCESSING items again`);
    }
    return requeued;
  }
}
