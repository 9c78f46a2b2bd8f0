import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { JobRunner, logJobReport } from '../../infra/queue/job-runner.js';
import { JOBS } from '../../infra/queue/queues.js';
import { WebhookDeliveryService } from './webhook-delivery.service.js';
import { WebhookJobs } from './webhook-jobs.js';
import { WebhookRelay } from './webhook-relay.service.js';

/** Lock ids of the relay and of the lost-job sweep ("media-api webhook relay/recovery"). */
const RELAY_LOCK_ID = 724_311_931;
const RECOVERY_LOCK_ID = 724_311_932;
/** Often enough that a receiver hears of an upload within about a second. */
const RELAY_INTERVAL_MS = 1_000;
/** Attempts at once per worker process; they wait on receivers, not on the CPU. */
const DELIVERY_CONCURRENCY = 16;

/**
 * The webhook side of a worker process: the outbox relay, the delivery jobs, and the sweep that
 * queues again deliveries whose job Redis lost.
 */
@Injectable()
export class WebhooksWorker implements OnModuleInit {
  private readonly logger = new Logger(WebhooksWorker.name);

  constructor(
    private readonly jobs: WebhookJobs,
    private readonly relay: WebhookRelay,
    private readonly deliveries: WebhookDeliveryService,
    private readonly runner: JobRunner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.runner.consume(
      this.jobs.queue,
      JOBS.deliverWebhook,
      DELIVERY_CONCURRENCY,
      async (job) => {
        logJobReport(
          this.logger,
          job,
          await this.deliveries.attempt(job.data.deliveryId),
        );
      },
      this.logger,
    );
    this.runner.every(
      {
        name: 'Webhook relay',
        lockId: RELAY_LOCK_ID,
        intervalMs: RELAY_INTERVAL_MS,
        run: async () => {
          await this.relay.relayPending();
        },
      },
      this.logger,
    );
    this.runner.every(
      {
        name: 'Webhook recovery',
        lockId: RECOVERY_LOCK_ID,
        intervalMs: this.config.reconciler.intervalSeconds * 1_000,
        run: async () => {
          await this.relay.requeueLost();
        },
      },
      this.logger,
    );
  }
}
