import Bull, { type Queue } from 'bull';
import { QUEUES } from '../../src/infra/registry.js';
import type { DeliverWebhookJob } from '../../src/modules/webhooks/webhook.jobs.js';
import { waitFor } from './wait.js';

/** Runs one SQL statement against the application's database (a DataSource, a pg.Client). */
export type Query = (
  sql: string,
  parameters: unknown[],
) => Promise<Array<Record<string, unknown>>>;

export interface WebhookBacklog {
  /** The workspace's media events the relay has not handed on yet. */
  undispatched: number;
  /** Deliveries to the workspace's endpoints still `pending` (due, scheduled, or mid-attempt). */
  pending: number;
  /** Jobs for those deliveries waiting, delayed or running in the webhook-delivery queue. */
  queued: number;
}

/** What could still reach a receiver of `workspaceId`'s endpoints. */
export async function webhookBacklog(
  query: Query,
  queue: Queue<DeliverWebhookJob>,
  workspaceId: string,
): Promise<WebhookBacklog> {
  const [{ undispatched }] = await query(
    `SELECT count(*)::int AS undispatched FROM media_event_queue
      WHERE workspace_id = $1`,
    [workspaceId],
  );
  const deliveries = await query(
    `SELECT d.id::int AS id, d.state FROM webhook_deliveries d
       JOIN webhook_endpoints e ON e.id = d.endpoint_id
      WHERE e.workspace_id = $1`,
    [workspaceId],
  );
  const ids = new Set(deliveries.map((row) => Number(row.id)));
  const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'paused']);
  return {
    undispatched: Number(undispatched),
    pending: deliveries.filter((row) => row.state === 'pending').length,
    // A job is gone from the lists once finished; a null is one removed while listing.
    queued: jobs.filter((job) => job && ids.has(Number(job.data.deliveryId)))
      .length,
  };
}

/**
 * Waits until nothing more can reach the receivers of `workspaceId`'s endpoints: every event has
 * been handed on by the relay, every delivery is settled (succeeded, failed or cancelled; an
 * attempt in flight keeps its delivery `pending`) and no job for them is left in Bull (a re-run of
 * a settled delivery's job would be the one way to send it again). Then what the receiver got is
 * all it will get. No deadline but Vitest's.
 */
export async function webhooksDrained(
  query: Query,
  queue: Queue<DeliverWebhookJob>,
  workspaceId: string,
): Promise<WebhookBacklog> {
  return waitFor(
    () => webhookBacklog(query, queue, workspaceId),
    ({ undispatched, pending, queued }) =>
      undispatched === 0 && pending === 0 && queued === 0,
    { intervalMs: 100 },
  );
}

/**
 * The webhook-delivery queue of applications running in other processes with `redisUrl` and
 * `redisKeyPrefix` (the same Bull settings as QueueModule's). Only reads it; close it after use.
 */
export function webhookQueue(
  redisUrl: string,
  redisKeyPrefix: string,
): Queue<DeliverWebhookJob> {
  return new Bull<DeliverWebhookJob>(QUEUES.webhookDelivery, redisUrl, {
    prefix: `${redisKeyPrefix}:bull`,
  });
}
