import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import {
  deliverWebhookJobOptions,
  isJobLive,
  JOBS,
  QUEUES,
  withQueue,
  type DeliverWebhookJob,
} from '../../infra/queue/queues.js';

export interface QueuedAttempt {
  deliveryId: number;
  /** The attempt number the job makes (the delivery's attempts so far + 1). */
  attempt: number;
  delayMs?: number;
}

/**
 * The `webhook-delivery` queue. Queue calls fail fast while Redis is away (see `withQueue`): the
 * delivery rows keep their schedule, and the recovery pass queues them again.
 */
@Injectable()
export class WebhookJobs {
  constructor(
    @InjectQueue(QUEUES.webhookDelivery)
    readonly queue: Queue<DeliverWebhookJob>,
  ) {}

  async enqueue(attempts: QueuedAttempt[]): Promise<void> {
    if (attempts.length === 0) {
      return;
    }
    await withQueue(this.queue, () =>
      this.queue.addBulk(
        attempts.map(({ deliveryId, attempt, delayMs }) => ({
          name: JOBS.deliverWebhook,
          data: { deliveryId },
          opts: deliverWebhookJobOptions(deliveryId, attempt, delayMs),
        })),
      ),
    );
  }

  isQueued(deliveryId: number, attempt: number): Promise<boolean> {
    return isJobLive(
      this.queue,
      deliverWebhookJobOptions(deliveryId, attempt).jobId!,
    );
  }
}
