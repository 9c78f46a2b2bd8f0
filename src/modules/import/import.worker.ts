import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/app-config.js';
import { JobRunner, logJobReport } from '../../infra/queue/job-runner.js';
import { JOBS, QUEUES, type ImportMediaJob } from '../../infra/queue/queues.js';
import { ImportService } from './import.service.js';

/** Lock id of the stale-import sweep ("media-api import recovery"). */
const RECOVERY_LOCK_ID = 724_311_909;
/** Downloads run at once per worker process; they wait on the network, not the CPU. */
const IMPORT_CONCURRENCY = 4;

/** The import side of a worker process: import jobs, and re-queueing imports whose job was lost. */
@Injectable()
export class ImportWorker implements OnModuleInit {
  private readonly logger = new Logger(ImportWorker.name);

  constructor(
    @InjectQueue(QUEUES.imports) private readonly queue: Queue<ImportMediaJob>,
    private readonly imports: ImportService,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.runner.consume(
      this.queue,
      JOBS.importMedia,
      IMPORT_CONCURRENCY,
      async (job) => {
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const report = await this.imports.runImport(
          job.data.importJobId,
          lastAttempt,
        );
        logJobReport(this.logger, job, report);
      },
      this.logger,
    );
    this.runner.every(
      {
        name: 'Import recovery',
        lockId: RECOVERY_LOCK_ID,
        intervalMs: this.config.reconciler.intervalSeconds * 1_000,
        run: async () => {
          await this.imports.recoverStale();
        },
      },
      this.logger,
    );
  }
}
