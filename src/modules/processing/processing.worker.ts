import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/app-config.js';
import {
  JOBS,
  QUEUES,
  type ProcessMediaJob,
} from '../../infra/queue/queues.js';
import { MediaProcessingService } from './media-processing.service.js';

/**
 * Runs processing jobs in the worker role. Registered with `queue.process` rather than Bull
 * decorators because the concurrency comes from configuration. Bull re-runs a job whose worker
 * died (stalled-job recovery) and retries failures with backoff; shutdown waits for running jobs.
 */
@Injectable()
export class ProcessingWorker implements OnModuleInit {
  private readonly logger = new Logger(ProcessingWorker.name);

  constructor(
    @InjectQueue(QUEUES.processing)
    private readonly queue: Queue<ProcessMediaJob>,
    private readonly processing: MediaProcessingService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    void this.queue.process(
      JOBS.processMedia,
      this.config.processing.concurrency,
      async (job) => {
        const summary = await this.processing.process(job.data.mediaId);
        this.logger.log(`Job ${job.id}: ${summary}`);
        return summary;
      },
    );
    this.queue.on('failed', (job, error) =>
      this.logger.warn(
        `Job ${job.id} attempt ${job.attemptsMade} failed: ${error.message}`,
      ),
    );
  }
}
