import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { JobRunner } from '../../infra/queue/job-runner.js';
import { UploadReceiptService } from './upload-receipt.service.js';

/** Lock id of the upload reconciler ("media-api upload reconciler"). */
const RECONCILER_LOCK_ID = 724_311_908;

/**
 * Runs the upload reconciler every RECONCILER_INTERVAL_SECONDS in worker processes, one pass at a
 * time across all of them; 0 turns it off.
 */
@Injectable()
export class UploadReconcilerWorker implements OnModuleInit {
  private readonly logger = new Logger(UploadReconcilerWorker.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly receipts: UploadReceiptService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.runner.every(
      {
        name: 'Upload reconciler',
        lockId: RECONCILER_LOCK_ID,
        intervalMs: this.config.reconciler.intervalSeconds * 1_000,
        run: async () => {
          await this.receipts.reconcile();
        },
      },
      this.logger,
    );
  }
}
