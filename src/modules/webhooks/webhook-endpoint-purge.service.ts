import { Injectable, Logger } from '@nestjs/common';
import {
  inBatchesFor,
  PASS_BUDGET_MS,
} from '../../infra/queue/batched-pass.js';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { WebhookRepository } from './webhook.repository.js';

/** Deliveries deleted per statement, each with its attempts. */
const BATCH = 2_000;
/** Deleted endpoints looked up at a time. */
const ENDPOINTS_PER_LOOKUP = 20;

/** What one purge pass deleted. */
export interface EndpointPurgePass {
  endpoints: number;
  deliveries: number;
}

/**
 * Finishes deleting webhook endpoints. DELETE /v1/webhooks/:id only marks the endpoint deleted
 * (hidden from every read and from the relay at once); this pass, in worker processes and one of
 * them at a time, deletes its deliveries and attempts in bounded batches, then the endpoint row.
 * A pass runs batches for up to its budget (`inBatchesFor`); one that stops there with work left is
 * followed by the next a moment later, which takes the endpoint up again from its start (the
 * cursor only spares a pass the entries it already deleted).
 */
@Injectable()
export class WebhookEndpointPurge {
  private readonly logger = new Logger(WebhookEndpointPurge.name);

  constructor(private readonly webhooks: WebhookRepository) {}

  @Every({
    name: 'Webhook endpoint purge',
    lockId: LOCKS.webhookEndpointPurge,
    intervalMs: (config) => config.reconciler.intervalSeconds * 1_000,
  })
  async purgeDeleted(budgetMs = PASS_BUDGET_MS): Promise<EndpointPurgePass> {
    const pass = { endpoints: 0, deliveries: 0 };
    let endpoints: string[] = [];
    let afterId = 0;
    await inBatchesFor(budgetMs, async () => {
      if (endpoints.length === 0) {
        endpoints =
          await this.webhooks.findDeletedEndpoints(ENDPOINTS_PER_LOOKUP);
        if (endpoints.length === 0) return false;
      }
      const id = endpoints[0];
      const batch = await this.webhooks.deleteDeliveriesOf(id, afterId, BATCH);
      pass.deliveries += batch.seen;
      afterId = batch.lastId;
      if (batch.seen < BATCH) {
        await this.webhooks.purgeEndpoint(id);
        pass.endpoints++;
        endpoints.shift();
        afterId = 0;
      }
      return true;
    });
    if (pass.endpoints + pass.deliveries > 0) {
      this.logger.log(
        `Deleted ${pass.deliveries} deliveries of deleted webhook endpoints and ${pass.endpoints} endpoints`,
      );
    }
    return pass;
  }
}
