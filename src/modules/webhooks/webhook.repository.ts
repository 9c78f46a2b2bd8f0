import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository, type EntityManager } from 'typeorm';
import {
  managerOf,
  type Transaction,
} from '../../infra/database/unit-of-work.js';
import type { TraceCarrier } from '../../infra/tracing/trace-context.js';
import type { ClaimedEvent } from '../media/media-event.repository.js';
import { WebhookAttempt } from './webhook-attempt.entity.js';
import {
  WebhookDelivery,
  type DeliveryState,
} from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/**
 * One delivery per enabled, undeleted endpoint of each event's workspace subscribed to its type.
 * The unique (event, endpoint) pair makes a second hand-over of the same event impossible even if
 * one ever claimed it again.
 */
const CREATE_DELIVERIES = `
INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at)
SELECT event.id, endpoint.id, now()
FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::bigint[])
  AS event(id, workspace_id, type, seq)
JOIN webhook_endpoints endpoint
  ON endpoint.workspace_id = event.workspace_id
 AND endpoint.enabled
 AND endpoint.deleted_at IS NULL
 AND event.type = ANY (endpoint.events)
ORDER BY event.seq, endpoint.id
ON CONFLICT (event_id, endpoint_id) DO NOTHING
RETURNING id, event_id`;

/**
 * The endpoint purge's statements (exported for the query-plan tests), each an index walk bounded
 * by its LIMIT: deleted endpoints, oldest deletion first (`idx_webhook_endpoints_deleted`); a batch
 * of one endpoint's deliveries after a cursor, with their attempts by cascade
 * (`idx_webhook_deliveries_endpoint`, then `idx_webhook_attempts_delivery` per delivery); the
 * endpoint row once its deliveries are gone. The batch's walk is written as a row comparison in
 * (endpoint_id, id) order with the endpoint filtered outside its LIMIT, so only that index can
 * serve it: with `endpoint_id = $1` inside, an endpoint holding a large share of the table made the
 * planner walk the primary key from the cursor and filter, which is a scan when its deliveries are
 * the newest. The last batch may read a few entries of the next endpoint; they are left alone.
 */
export const ENDPOINT_PURGE_STATEMENTS = {
  findDeleted: `
SELECT id FROM webhook_endpoints
WHERE deleted_at IS NOT NULL
ORDER BY deleted_at
LIMIT $1`,
  deleteDeliveries: `
WITH batch AS (
  SELECT id FROM (
    SELECT endpoint_id, id FROM webhook_deliveries
    WHERE (endpoint_id, id) > ($1, $2)
    ORDER BY endpoint_id, id
    LIMIT $3
  ) walk
  WHERE endpoint_id = $1
), deleted AS (
  DELETE FROM webhook_deliveries WHERE id = ANY (ARRAY(SELECT id FROM batch)) RETURNING id
)
SELECT (SELECT count(*) FROM batch)::int AS seen,
       (SELECT max(id) FROM batch) AS last,
       (SELECT count(*) FROM deleted)::int AS deleted`,
  deleteEndpoint: `
DELETE FROM webhook_endpoints WHERE id = $1 AND deleted_at IS NOT NULL`,
} as const;

/** A delivery due for an attempt, with its endpoint. */
export type DeliveryWithEndpoint = WebhookDelivery & {
  endpoint: WebhookEndpoint;
};

/** A delivery the relay made of an event, with the event's trace. */
export interface CreatedDelivery {
  id: number;
  traceContext?: TraceCarrier;
}

/** An attempt to log. */
export type AttemptRecord = Omit<
  WebhookAttempt,
  'id' | 'createdAt' | 'delivery'
>;

/**
 * The only code that reads or writes the webhook tables: endpoints, their deliveries (one event
 * owed to one endpoint, carrying its retry schedule) and the attempts log.
 */
@Injectable()
export class WebhookRepository {
  constructor(
    @InjectRepository(WebhookEndpoint)
    private readonly endpoints: Repository<WebhookEndpoint>,
    @InjectRepository(WebhookAttempt)
    private readonly attempts: Repository<WebhookAttempt>,
  ) {}

  // Endpoints

  countEndpoints(workspaceId: string, tx: Transaction): Promise<number> {
    return this.manager(tx).countBy(WebhookEndpoint, { workspaceId });
  }

  async insertEndpoint(
    endpoint: WebhookEndpoint,
    tx: Transaction,
  ): Promise<void> {
    await this.manager(tx).insert(WebhookEndpoint, endpoint);
  }

  /** A page of the workspace's endpoints, newest first, below `beforeSeq` when given. */
  listEndpoints(
    workspaceId: string,
    { limit, beforeSeq }: { limit: number; beforeSeq?: number },
  ): Promise<WebhookEndpoint[]> {
    return this.endpoints.find({
      where: {
        workspaceId,
        ...(beforeSeq === undefined ? {} : { seq: LessThan(beforeSeq) }),
      },
      order: { seq: 'DESC' },
      take: limit,
    });
  }

  findEndpoint(
    workspaceId: string,
    id: string,
  ): Promise<WebhookEndpoint | null> {
    return this.endpoints.findOneBy({ id, workspaceId });
  }

  /** The endpoint under its row lock, or null. */
  lockEndpoint(
    workspaceId: string,
    id: string,
    tx: Transaction,
  ): Promise<WebhookEndpoint | null> {
    return this.manager(tx).findOne(WebhookEndpoint, {
      where: { id, workspaceId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Writes the endpoint's changed fields (read under its lock in `tx`). */
  saveEndpoint(
    endpoint: WebhookEndpoint,
    tx: Transaction,
  ): Promise<WebhookEndpoint> {
    return this.manager(tx).save(endpoint);
  }

  /**
   * Marks the endpoint deleted: from now on no read finds it and the relay creates no delivery for
   * it. One row's update whatever its history; the purge pass removes the rest.
   */
  async softDeleteEndpoint(workspaceId: string, id: string): Promise<void> {
    await this.endpoints.softDelete({ id, workspaceId });
  }

  /**
   * Holds off the purge's delete of the endpoint row until `tx` ends, while letting other
   * deliveries' updates of the endpoint through. False when it is deleted or gone.
   */
  async holdEndpoint(id: string, tx: Transaction): Promise<boolean> {
    const rows = (await this.manager(tx).query(
      'SELECT 1 FROM webhook_endpoints WHERE id = $1 AND deleted_at IS NULL FOR KEY SHARE',
      [id],
    )) as unknown[];
    return rows.length > 0;
  }

  /** Up to `limit` deleted endpoints still in the table, the longest deleted first. */
  async findDeletedEndpoints(limit: number): Promise<string[]> {
    const rows = (await this.manager(undefined).query(
      ENDPOINT_PURGE_STATEMENTS.findDeleted,
      [limit],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /**
   * Deletes the next `limit` deliveries of a deleted endpoint with ids above `afterId`, with their
   * attempts. Returns how many it looked at and the last id (the next batch's cursor).
   */
  async deleteDeliveriesOf(
    endpointId: string,
    afterId: number,
    limit: number,
  ): Promise<{ seen: number; lastId: number }> {
    const [row] = (await this.manager(undefined).query(
      ENDPOINT_PURGE_STATEMENTS.deleteDeliveries,
      [endpointId, afterId, limit],
    )) as Array<{ seen: number; last: string | null }>;
    return { seen: row.seen, lastId: Number(row.last ?? afterId) };
  }

  /**
   * Deletes a deleted endpoint's row; a delivery a relay created while the endpoint was being
   * deleted goes with it by cascade.
   */
  async purgeEndpoint(id: string): Promise<void> {
    await this.manager(undefined).query(
      ENDPOINT_PURGE_STATEMENTS.deleteEndpoint,
      [id],
    );
  }

  /**
   * Stops delivering to an endpoint. Its outstanding deliveries are cancelled as they come due,
   * not here, so this takes no lock on delivery rows that workers hold.
   */
  async disableEndpoint(
    id: string,
    reason: string,
    tx: Transaction,
  ): Promise<void> {
    await this.manager(tx).update(
      WebhookEndpoint,
      { id, enabled: true },
      { enabled: false, disabledReason: reason },
    );
  }

  /** The endpoint succeeded: its run of failures, if any, is over. */
  async endFailingRun(id: string, tx: Transaction): Promise<void> {
    await this.manager(tx).query(
      `UPDATE webhook_endpoints SET failing_since = NULL
       WHERE id = $1 AND failing_since IS NOT NULL`,
      [id],
    );
  }

  /**
   * Starts the endpoint's run of failures at `now` unless one is running; returns when the run
   * started, or null when the endpoint is disabled or gone.
   */
  async continueFailingRun(
    id: string,
    now: Date,
    tx: Transaction,
  ): Promise<Date | null> {
    const [rows] = (await this.manager(tx).query(
      `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $2)
       WHERE id = $1 AND enabled
       RETURNING failing_since`,
      [id, now],
    )) as [Array<{ failing_since: Date }>, number];
    return rows[0]?.failing_since ?? null;
  }

  // Deliveries

  /** Creates the deliveries the claimed events owe, in the unit of work that claimed them. */
  async createDeliveries(
    events: ClaimedEvent[],
    tx: Transaction,
  ): Promise<CreatedDelivery[]> {
    if (events.length === 0) {
      return [];
    }
    const rows = (await this.manager(tx).query(CREATE_DELIVERIES, [
      events.map((event) => event.id),
      events.map((event) => event.workspaceId),
      events.map((event) => event.type),
      events.map((event) => event.seq),
    ])) as Array<{ id: string; event_id: string }>;
    const traces = new Map(
      events.map((event) => [event.id, event.traceContext]),
    );
    return rows.map((row) => ({
      id: Number(row.id),
      traceContext: traces.get(row.event_id),
    }));
  }

  /** The delivery with its endpoint, in one query. */
  findDelivery(id: number): Promise<DeliveryWithEndpoint | null> {
    return this.manager(undefined)
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .innerJoinAndSelect('delivery.endpoint', 'endpoint')
      .where('delivery.id = :id', { id })
      .getOne() as Promise<DeliveryWithEndpoint | null>;
  }

  /**
   * Takes the delivery's next attempt: counts it and sets its lease, only if it is still pending
   * with `attemptsSoFar` attempts (so two workers cannot both take it). Returns whether it did.
   */
  async claimAttempt(
    id: number,
    attemptsSoFar: number,
    lease: Date,
  ): Promise<boolean> {
    const [, affected] = (await this.manager(undefined).query(
      `UPDATE webhook_deliveries
       SET attempts = attempts + 1, next_attempt_at = $3, updated_at = now()
       WHERE id = $1 AND state = 'pending' AND attempts = $2`,
      [id, attemptsSoFar, lease],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Moves a still-pending delivery on (a settled one stays as it is). */
  async moveDelivery(
    id: number,
    state: DeliveryState,
    nextAttemptAt: Date | null,
    tx?: Transaction,
  ): Promise<void> {
    await this.manager(tx).update(
      WebhookDelivery,
      { id, state: 'pending' },
      { state, nextAttemptAt },
    );
  }

  /** Pending deliveries due by `now`, the longest overdue first. */
  async findDue(
    now: Date,
    limit: number,
  ): Promise<Array<{ id: number; attempts: number }>> {
    const rows = (await this.manager(undefined).query(
      `SELECT id, attempts FROM webhook_deliveries
       WHERE state = 'pending' AND next_attempt_at <= $1
       ORDER BY next_attempt_at
       LIMIT $2`,
      [now, limit],
    )) as Array<{ id: string; attempts: number }>;
    return rows.map((row) => ({ id: Number(row.id), attempts: row.attempts }));
  }

  // Attempts

  async logAttempt(attempt: AttemptRecord, tx: Transaction): Promise<void> {
    await this.manager(tx).insert(WebhookAttempt, attempt);
  }

  /** A page of the endpoint's attempts, newest first, below `beforeId` when given. */
  listAttempts(
    endpointId: string,
    { limit, beforeId }: { limit: number; beforeId?: number },
  ): Promise<WebhookAttempt[]> {
    return this.attempts.find({
      where: {
        endpointId,
        ...(beforeId === undefined ? {} : { id: LessThan(beforeId) }),
      },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  private manager(tx: Transaction | undefined): EntityManager {
    return managerOf(this.endpoints.manager.connection, tx);
  }
}
