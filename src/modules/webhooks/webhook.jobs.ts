import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { defineJob } from '../../infra/queue/job.js';
import { JobPort } from '../../infra/queue/job-port.js';
import type { TraceCarrier } from '../../infra/tracing/trace-context.js';
import { QUEUES } from '../../infra/registry.js';

export interface DeliverWebhookJob {
  deliveryId: number;
  /** The attempt the job makes (the delivery's attempts so far + 1). */
  attempt: number;
}

/**
 * One attempt of one delivery (its handler: WebhookDeliveryService), as `webhook:<delivery>:<attempt>`:
 * a re-run or a second queueing of the same attempt collapses into one job, and the next attempt can
 * be queued (delayed) while the current one's job still exists. Retry timing lives on the delivery
 * row, not in Bull, so a handler error is retried only briefly here; the recovery pass picks up
 * anything lost.
 */
export const DELIVER_WEBHOOK = defineJob<DeliverWebhookJob>({
  queue: QUEUES.webhookDelivery,
  name: 'deliver-webhook',
  options: ({ deliveryId, attempt }) => ({
    jobId: `webhook:${deliveryId}:${attempt}`,
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: true,
  }),
});

/**
 * Queues delivery attempts. Queue calls fail fast while Redis is away: the delivery rows keep their
 * schedule, and the recovery pass queues them again.
 */
@Injectable()
export class WebhookJobs extends JobPort<DeliverWebhookJob> {
  constructor(
    @InjectQueue(QUEUES.webhookDelivery) queue: Queue<DeliverWebhookJob>,
  ) {
    super(queue, DELIVER_WEBHOOK);
  }

  /** Queues the attempts, each in the trace it names (its event's), else in the active one. */
  enqueue(
    attempts: Array<
      DeliverWebhookJob & { delayMs?: number; trace?: TraceCarrier }
    >,
  ): Promise<void> {
    return this.addAll(
      attempts.map(({ delayMs, trace, ...data }) => ({ data, delayMs, trace })),
    );
  }

  isQueued(attempt: DeliverWebhookJob): Promise<boolean> {
    return this.isLive(attempt);
  }
}
