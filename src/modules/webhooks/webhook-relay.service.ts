import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookJobs } from './webhook-jobs.js';

/** Events claimed per statement; a pass takes at most MAX_BATCHES of them, the next pass the rest. */
const BATCH = 500;
const MAX_BATCHES = 10;
const RECOVERY_BATCH = 500;

/**
 * In one statement (so one transaction): claims the oldest undispatched events, skipping rows
 * another relay holds, marks them dispatched, and creates one delivery per enabled endpoint of
 * the event's workspace subscribed to its type. The unique (event, endpoint) pair makes a
 * second hand-over of the same event impossible even if one ever claimed it again.
 */
const RELAY_SQL = `
WITH claimed AS (
  SELECT id, seq, workspace_id, type
  FROM media_events
  WHERE dispatched_at IS NULL
  ORDER BY seq
  LIMIT $1
  FOR UPDATE SKIP LOCKED
), dispatched AS (
  UPDATE media_events SET dispatched_at = now()
  WHERE id IN (SELECT id FROM claimed)
  RETURNING id
), created AS (
  INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at)
  SELECT claimed.id, endpoint.id, now()
  FROM claimed
  JOIN webhook_endpoints endpoint
    ON endpoint.workspace_id = claimed.workspace_id
   AND endpoint.enabled
   AND claimed.type = ANY (endpoint.events)
  ORDER BY claimed.seq, endpoint.id
  ON CONFLICT (event_id, endpoint_id) DO NOTHING
  RETURNING id
)
SELECT
  (SELECT count(*) FROM dispatched)::int AS claimed,
  (SELECT coalesce(array_agg(id), '{}') FROM created) AS deliveries`;

/**
 * Moves `media_events` (the transactional outbox) into webhook deliveries and queues them, and
 * finds deliveries whose job Redis lost. Both run in worker processes only (WebhooksWorker).
 */
@Injectable()
export class WebhookRelay {
  private readonly logger = new Logger(WebhookRelay.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: WebhookJobs,
  ) {}

  /**
   * Hands on every undispatched event. With nothing to do this is one query on the partial index
   * of undispatched events. Deliveries are queued after their transaction commits; when that
   * fails (Redis away, the process dies) they stay due in the database for `requeueLost`.
   */
  async relayPending(): Promise<number> {
    let relayed = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const [{ claimed, deliveries }] = (await this.dataSource.query(
        RELAY_SQL,
        [BATCH],
      )) as Array<{ claimed: number; deliveries: string[] }>;
      await this.jobs.enqueue(
        deliveries.map((id) => ({ deliveryId: Number(id), attempt: 1 })),
      );
      relayed += deliveries.length;
      if (claimed < BATCH) {
        break;
      }
    }
    if (relayed > 0) {
      this.logger.debug(`Queued ${relayed} webhook deliveries`);
    }
    return relayed;
  }

  /** Queues again the due deliveries that have no job (Redis lost it, or could not take it). */
  async requeueLost(now = new Date()): Promise<number> {
    const due = (await this.dataSource.query(
      `SELECT id, attempts FROM webhook_deliveries
       WHERE state = 'pending' AND next_attempt_at <= $1
       ORDER BY next_attempt_at
       LIMIT $2`,
      [now, RECOVERY_BATCH],
    )) as Array<{ id: string; attempts: number }>;
    const lost = [];
    for (const row of due) {
      const deliveryId = Number(row.id);
      const attempt = row.attempts + 1;
      if (!(await this.jobs.isQueued(deliveryId, attempt))) {
        lost.push({ deliveryId, attempt });
      }
    }
    await this.jobs.enqueue(lost);
    if (lost.length > 0) {
      this.logger.log(`Queued ${lost.length} webhook deliveries again`);
    }
    return lost.length;
  }
}
