import { InjectQueue } from '@nestjs/bull';
import {
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/app-config.js';
import { ProcessingLoop } from '../../infra/queue/processing-loop.js';
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
export class ProcessingWorker implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ProcessingWorker.name);
  private loop?: ProcessingLoop;

  constructor(
    @InjectQueue(QUEUES.processing)
    private readonly queue: Queue<ProcessMediaJob>,
    private readonly processing: MediaProcessingService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.loop = ProcessingLoop.start(
      this.queue,
      JOBS.processMedia,
      this.config.processing.concurrency,
      async (job) => {
        const summary = await this.processing.process(job.data.mediaId);
        this.logger.log(`Job ${job.id}: ${summary}`);
      },
      this.logger,
    );
    this.queue.on('failed', (job, error) =>
      this.logger.warn(
        `Job ${job.id} attempt ${job.attemptsMade} failed: ${error.message}`,
      ),
    );
  }

  /**
   * Graceful shutdown: stop taking jobs and wait for the running ones to finish. This has to happen
   * in `onModuleDestroy`, which Nest calls on this module before the modules it imports (storage,
   * whose S3 client is released in its own `onModuleDestroy`) and before any
   * `onApplicationShutdown` (database, Redis, Bull connections). Left to Bull's own close in
   * `onApplicationShutdown`, a running job would lose its S3 client mid-download.
   */
  async onModuleDestroy(): Promise<void> {
    this.logger.log('Stopping: waiting for running processing jobs');
    await this.loop?.stop();
  }
}
