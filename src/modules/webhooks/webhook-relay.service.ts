import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../../infra/database/unit-of-work.js';
import {
  inBatchesFor,
  PASS_BUDGET_MS,
} from '../../infra/queue/batched-pass.js';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { MediaEventRepository } from '../media/media-event.repository.js';
import { WebhookJobs } from './webhook.jobs.js';
import { WebhookRepository } from './webhook.repository.js';

/** Events claimed per unit of work. */
const BATCH = 500;
const RECOVERY_BATCH = 500;
/** Often enough that a receiver hears of an upload within about a second. */
const RELAY_INTERVAL_MS = 1_000;

/**
 * Moves `media_events` (the transactional outbox) into webhook deliveries and queues them, and
 * finds deliveries whose job Redis lost. Both run in worker processes only, one pass at a time.
 */
@Injectable()
export class WebhookRelay {
  private readonly logger = new Logger(WebhookRelay.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly events: MediaEventRepository,
    private readonly webhooks: WebhookRepository,
    private readonly jobs: WebhookJobs,
  ) {}

  /**
   * Hands on every undispatched event: in one unit of work, the oldest entries of the outbox queue
   * are claimed (skipping rows another relay holds) and deleted, and their events' deliveries are
   * created, batch after batch for up to the pass budget (`inBatchesFor`; a backlog is followed by
   * the next pass a moment later). With nothing to do this is one query on the (empty) queue.
   * Deliveries are queued after their transaction commits; when that fails (Redis away, the
   * process dies) they stay due in the database for `requeueLost`.
   */
  @Every({
    name: 'Webhook relay',
    lockId: LOCKS.webhookRelay,
    intervalMs: () => RELAY_INTERVAL_MS,
  })
  async relayPending(budgetMs = PASS_BUDGET_MS): Promise<number> {
    let relayed = 0;
    await inBatchesFor(budgetMs, async () => {
      const { claimed, deliveries } = await this.unitOfWork.run(async (tx) => {
        const events = await this.events.claimUndispatched(BATCH, tx);
        return {
          claimed: events.length,
          deliveries: await this.webhooks.createDeliveries(events, tx),
        };
      });
      // Each first attempt joins the trace of the request or job that wrote its event.
      await this.jobs.enqueue(
        deliveries.map(({ id, traceContext }) => ({
          deliveryId: id,
          attempt: 1,
          trace: traceContext,
        })),
      );
      relayed += deliveries.length;
      return claimed === BATCH;
    });
    if (relayed > 0) {
      this.logger.debug(`Queued ${relayed} webhook deliveries`);
    }
    return relayed;
  }

  /** Queues again the due deliveries that have no job (Redis lost it, or could not take it). */
  @Every({
    name: 'Webhook recovery',
    lockId: LOCKS.webhookRecovery,
    intervalMs: (config) => config.reconciler.intervalSeconds * 1_000,
  })
  async requeueLost(now = new Date()): Promise<number> {
    const lost = [];
    for (const { id, attempts } of await this.webhooks.findDue(
      now,
      RECOVERY_BATCH,
    )) {
      const job = { deliveryId: id, attempt: attempts + 1 };
      if (!(await this.jobs.isQueued(job))) {
        lost.push(job);
      }
    }
    await this.jobs.enqueue(lost);
    if (lost.length > 0) {
      this.logger.log(`Queued ${lost.length} webhook deliveries again`);
    }
    return lost.length;
  }
}
