import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/app-config.js';
import { JobRunner, logJobReport } from '../../infra/queue/job-runner.js';
import {
  JOBS,
  QUEUES,
  type ProcessMediaJob,
} from '../../infra/queue/queues.js';
import { sweepOrphanWorkDirs } from '../../infra/temp/work-dirs.js';
import {
  IMAGE_WORK_DIR,
  MediaProcessingService,
} from './media-processing.service.js';
import { ProcessingRecovery } from './processing-recovery.service.js';

/** Lock id of the stale-PROCESSING sweep ("media-api processing recovery"). */
const RECOVERY_LOCK_ID = 724_311_907;

/**
 * The processing side of a worker process: consumes processing jobs (Bull re-runs a job whose
 * worker died and retries failures with backoff; shutdown waits for running jobs), periodically
 * re-queues items whose job was lost, and at start removes the work directories of workers that
 * were killed mid-job.
 */
@Injectable()
export class ProcessingWorker implements OnModuleInit {
  private readonly logger = new Logger(ProcessingWorker.name);

  constructor(
    @InjectQueue(QUEUES.processing)
    private readonly queue: Queue<ProcessMediaJob>,
    private readonly processing: MediaProcessingService,
    private readonly recovery: ProcessingRecovery,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.runner.runsWorkers) {
      return;
    }
    const swept = await sweepOrphanWorkDirs(IMAGE_WORK_DIR);
    if (swept.length > 0) {
      this.logger.log(
        `Removed ${swept.length} work directories of stopped workers`,
      );
    }
    this.queue.on('failed', (job, error) =>
      this.logger.warn(
        { jobId: job.id, mediaId: job.data.mediaId },
        `Job ${job.id} attempt ${job.attemptsMade} failed: ${error.message}`,
      ),
    );
    this.runner.consume(
      this.queue,
      JOBS.processMedia,
      this.config.processing.concurrency,
      async (job) => {
        const report = await this.processing.process(job.data.mediaId);
        logJobReport(this.logger, job, report);
      },
      this.logger,
    );
    this.runner.every(
      {
        name: 'Processing recovery',
        lockId: RECOVERY_LOCK_ID,
        intervalMs: this.config.reconciler.intervalSeconds * 1_000,
        run: async () => {
          await this.recovery.requeueStale();
        },
      },
      this.logger,
    );
  }
}
