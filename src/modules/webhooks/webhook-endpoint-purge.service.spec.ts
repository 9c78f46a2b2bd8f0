import { Logger } from '@nestjs/common';
import { WebhookEndpointPurge } from './webhook-endpoint-purge.service.js';
import type { WebhookRepository } from './webhook.repository.js';

/** Deleted endpoints and their delivery ids in memory, with the repository's batch semantics. */
class FakeWebhookRepository implements Pick<
  WebhookRepository,
  'findDeletedEndpoints' | 'deleteDeliveriesOf' | 'purgeEndpoint'
> {
  readonly deliveries = new Map<string, number[]>();
  readonly purged: string[] = [];
  statements = 0;

  delete(endpointId: string, deliveries: number) {
    const first = this.deliveries.size * 1_000_000;
    this.deliveries.set(
      endpointId,
      Array.from({ length: deliveries }, (_, n) => first + n + 1),
    );
  }

  async findDeletedEndpoints(limit: number) {
    return [...this.deliveries.keys()].slice(0, limit);
  }

  async deleteDeliveriesOf(endpointId: string, afterId: number, limit: number) {
    this.statements++;
    const ids = this.deliveries.get(endpointId)!;
    const from = ids.findIndex((id) => id > afterId);
    const batch = from === -1 ? [] : ids.splice(from, limit);
    return { seen: batch.length, lastId: batch.at(-1) ?? afterId };
  }

  async purgeEndpoint(id: string) {
    expect(this.deliveries.get(id)).toEqual([]);
    this.deliveries.delete(id);
    this.purged.push(id);
  }
}

describe('WebhookEndpointPurge', () => {
  let webhooks: FakeWebhookRepository;
  let purge: WebhookEndpointPurge;

  beforeEach(() => {
    vi.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    webhooks = new FakeWebhookRepository();
    purge = new WebhookEndpointPurge(webhooks as unknown as WebhookRepository);
  });
  afterEach(() => vi.restoreAllMocks());

  it('deletes the deliveries of small deleted endpoints, then their rows, in one pass', async () => {
    webhooks.delete('wh_a', 0);
    webhooks.delete('wh_b', 4_500);

    expect(await purge.purgeDeleted()).toEqual({
      endpoints: 2,
      deliveries: 4_500,
    });
    expect(webhooks.purged).toEqual(['wh_a', 'wh_b']);
    // wh_a: one empty batch; wh_b: 2,000 + 2,000 + 500.
    expect(webhooks.statements).toBe(4);
  });

  it('stops a pass at its budget and finishes the endpoint in later passes', async () => {
    webhooks.delete('wh_big', 5_000);
    webhooks.delete('wh_next', 10);

    // A budget of nothing: one statement per pass, each going on from where the last one stopped.
    expect(await purge.purgeDeleted(0)).toEqual({
      endpoints: 0,
      deliveries: 2_000,
    });
    expect(await purge.purgeDeleted(0)).toEqual({
      endpoints: 0,
      deliveries: 2_000,
    });
    expect(await purge.purgeDeleted(0)).toEqual({
      endpoints: 1,
      deliveries: 1_000,
    });
    expect(webhooks.purged).toEqual(['wh_big']);
    expect(await purge.purgeDeleted(0)).toEqual({
      endpoints: 1,
      deliveries: 10,
    });
    expect(webhooks.purged).toEqual(['wh_big', 'wh_next']);
    expect(webhooks.statements).toBe(4);
    expect(await purge.purgeDeleted(0)).toEqual({
      endpoints: 0,
      deliveries: 0,
    });
  });
});
