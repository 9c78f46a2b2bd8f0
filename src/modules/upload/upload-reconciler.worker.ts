import { InjectQueue } from '@nestjs/bull';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/app-config.js';
import { ProcessingLoop } from '../../infra/queue/processing-loop.js';
import {
  JOBS,
  QUEUES,
  reconcileUploadsJobOptions,
} from '../../infra/queue/queues.js';
import { UploadReceiptService } from './upload-receipt.service.js';

/**
 * Schedules the upload reconciler as a Bull repeatable job, so however many workers run, one of
 * them reconciles each interval. RECONCILER_INTERVAL_SECONDS=0 turns it off.
 */
@Injectable()
export class UploadReconcilerWorker
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger(UploadReconcilerWorker.name);
  private loop?: ProcessingLoop;

  constructor(
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
    private readonly receipts: UploadReceiptService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { intervalSeconds } = this.config.reconciler;
    const options = reconcileUploadsJobOptions(intervalSeconds || 1);
    // Drop schedules left by an earlier configuration before adding the current one.
    for (const repeatable of await this.queue.getRepeatableJobs()) {
      const every = 'every' in repeatable ? repeatable.every : undefined;
      if (
        repeatable.name === JOBS.reconcileUploads &&
        (intervalSeconds === 0 || every !== intervalSeconds * 1_000)
      ) {
        await this.queue.removeRepeatableByKey(repeatable.key);
      }
    }
    if (intervalSeconds === 0) {
      return;
    }
    this.loop = ProcessingLoop.start(
      this.queue,
      JOBS.reconcileUploads,
      1,
      async () => {
        await this.receipts.reconcile();
      },
      this.logger,
    );
    await this.queue.add(JOBS.reconcileUploads, {}, options);
    this.logger.log(`Upload reconciler runs every ${intervalSeconds} s`);
  }

  /** Lets a running reconciliation finish before the connections it uses close. */
  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }
}
