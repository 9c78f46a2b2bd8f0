import { Injectable, Logger } from '@nestjs/common';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { WebhookRepository } from './webhook.repository.js';

/**
 * Deliveries deleted per statement (each with its attempts), and statements per pass: a pass
 * deletes at most 200,000 deliveries in a few seconds, the next pass goes on where it stopped.
 */
const BATCH = 2_000;
const MAX_BATCHES = 100;
const ENDPOINTS_PER_PASS = 20;

/** What one purge pass deleted. */
export interface EndpointPurgePass {
  endpoints: number;
  deliveries: number;
}

/**
 * Finishes deleting webhook endpoints. DELETE /v1/webhooks/:id only marks the endpoint deleted
 * (hidden from every read and from the relay at once); this pass, in worker processes and one of
 * them at a time, deletes its deliveries and attempts in bounded batches, then the endpoint row.
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
  async purgeDeleted(): Promise<EndpointPurgePass> {
    const pass = { endpoints: 0, deliveries: 0 };
    let batches = 0;
    for (const id of await this.webhooks.findDeletedEndpoints(
      ENDPOINTS_PER_PASS,
    )) {
      let afterId = 0;
      let seen = BATCH;
      // An endpoint whose deliveries outlast this pass's batches is taken up again from its start
      // by the next pass; the cursor only spares this pass the entries it already deleted.
      while (seen === BATCH && batches < MAX_BATCHES) {
        batches++;
        const batch = await this.webhooks.deleteDeliveriesOf(
          id,
          afterId,
          BATCH,
        );
        seen = batch.seen;
        afterId = batch.lastId;
        pass.deliveries += seen;
      }
      if (seen === BATCH) {
        break;
      }
      await this.webhooks.purgeEndpoint(id);
      pass.endpoints++;
    }
    if (pass.endpoints + pass.deliveries > 0) {
      this.logger.log(
        `Deleted ${pass.deliveries} deliveries of deleted webhook endpoints and ${pass.endpoints} endpoints`,
      );
    }
    return pass;
  }
}
