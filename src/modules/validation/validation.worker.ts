import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/app-config.js';
import { JobRunner, logJobReport } from '../../infra/queue/job-runner.js';
import {
  JOBS,
  QUEUES,
  type ValidateMediaJob,
} from '../../infra/queue/queues.js';
import { ValidationService } from './validation.service.js';

/** Lock id of the forgotten-validation sweep ("media-api validation recovery"). */
const RECOVERY_LOCK_ID = 724_311_920;
const BATCH = 200;

/**
 * The validation side of a worker process: consumes validation jobs, and every
 * RECONCILER_INTERVAL_SECONDS queues again validations left pending for PROCESSING_STALE_SECONDS
 * (their job was lost with Redis) or never queued. Runs only where VALIDATION_ENABLED is true.
 */
@Injectable()
export class ValidationWorker implements OnModuleInit {
  private readonly logger = new Logger(ValidationWorker.name);

  constructor(
    @InjectQueue(QUEUES.validation)
    private readonly queue: Queue<ValidateMediaJob>,
    private readonly validation: ValidationService,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (!this.config.validation.enabled) {
      return;
    }
    this.runner.consume(
      this.queue,
      JOBS.validateMedia,
      this.config.processing.concurrency,
      async (job) => {
        const report = await this.validation.run(job.data.mediaId);
        logJobReport(this.logger, job, report);
      },
      this.logger,
    );
    this.runner.every(
      {
        name: 'Validation recovery',
        lockId: RECOVERY_LOCK_ID,
        intervalMs: this.config.reconciler.intervalSeconds * 1_000,
        run: async () => {
          const before = new Date(
            Date.now() - this.config.processing.staleSeconds * 1_000,
          );
          const queued = await this.validation.requeueForgotten(before, BATCH);
          if (queued > 0) {
            this.logger.log(`Queued ${queued} forgotten validations again`);
          }
        },
      },
      this.logger,
    );
  }
}
