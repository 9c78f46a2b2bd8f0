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
 * One delivery per enabled endpoint of each event's workspace subscribed to its type. The unique
 * (event, endpoint) pair makes a second hand-over of the same event impossible even if one ever
 * claimed it again.
 */
const CREATE_DELIVERIES = `
INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at)
SELECT event.id, endpoint.id, now()
FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::bigint[])
  AS event(id, workspace_id, type, seq)
JOIN webhook_endpoints endpoint
  ON endpoint.workspace_id = event.workspace_id
 AND endpoint.enabled
 AND event.type = ANY (endpoint.events)
ORDER BY event.seq, endpoint.id
ON CONFLICT (event_id, endpoint_id) DO NOTHING
RETURNING id, event_id`;

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

  /** Removes the endpoint, with its deliveries and their log (cascade). */
  async deleteEndpoint(workspaceId: string, id: string): Promise<void> {
    await this.endpoints.delete({ id, workspaceId });
  }

  /**
   * Holds off a concurrent delete of the endpoint (which cascades to its deliveries) until `tx`
   * ends, while letting other deliveries' updates of the endpoint through. False when it is gone.
   */
  async holdEndpoint(id: string, tx: Transaction): Promise<boolean> {
    const rows = (await this.manager(tx).query(
      'SELECT 1 FROM webhook_endpoints WHERE id = $1 FOR KEY SHARE',
      [id],
    )) as unknown[];
    return rows.length > 0;
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
