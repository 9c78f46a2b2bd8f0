import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { newId } from '../../common/ids.js';
import {
  activeTraceCarrier,
  type TraceCarrier,
} from '../../infra/tracing/trace-context.js';
import { Sql } from '../../infra/database/sql.js';
import {
  managerOf,
  type Transaction,
} from '../../infra/database/unit-of-work.js';
import { MediaEvent, type MediaEventType } from './media-event.entity.js';
import type { Media } from './media.entity.js';
import { toMediaDto } from './media.mapper.js';
import type { MediaRendition } from './rendition.entity.js';
import { toRenditionDto } from './rendition.mapper.js';

/** An event taken from the outbox to be handed on. */
export interface ClaimedEvent {
  id: string;
  seq: number;
  workspaceId: string;
  type: MediaEventType;
  /** The trace of the request or job that wrote the event, for its deliveries to continue. */
  traceContext?: TraceCarrier;
}

/**
 * The outbox's statements, exported for the query-plan tests.
 * - `record`: events and their queue entries, in one statement of the caller's unit of work. An
 *   entry keeps the trace of the unit of work that wrote it (null while tracing is off) for the
 *   relay to hand on with the event's deliveries.
 * - `claim`: takes the oldest entries of the queue, skipping those another relay holds, and deletes
 *   them; the queue holds only the backlog, so this costs the same at any size of `media_events`
 *   (whose rows it does not touch). The claimed keys are collected first (`= ANY (ARRAY(…))`), so
 *   the delete is primary-key lookups whatever the planner thinks of the queue's size.
 * - `unqueueItem`: the queue entries of one item's events (through `idx_media_events_media`), for
 *   its deletion.
 * - `deleteDispatched`: retention. Reads the `limit` oldest events by `seq` (an index walk from its
 *   low end that stops at `limit` rows) and deletes those among them created before the horizon and
 *   below the oldest queued `seq`: the relay claims in `seq` order, so every event below it has
 *   been handed on. Filtering inside the walk instead would read the whole table on a pass that
 *   finds nothing old enough. Events are inserted in `seq` order with `now()`, so the oldest are
 *   first; a batch that meets a younger or queued event deletes fewer than `limit`, which ends the
 *   pass.
 */
export const OUTBOX_STATEMENTS = {
  record: `
WITH event AS (
  INSERT INTO media_events (id, workspace_id, media_id, type, data)
  SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[])
  RETURNING seq, id, workspace_id, type
)
INSERT INTO media_event_queue (seq, event_id, workspace_id, type, trace_context)
SELECT seq, id, workspace_id, type, $6::jsonb FROM event`,
  claim: `
DELETE FROM media_event_queue
WHERE seq = ANY (ARRAY(
  SELECT seq FROM media_event_queue
  ORDER BY seq
  LIMIT $1
  FOR UPDATE SKIP LOCKED
))
RETURNING event_id, seq, workspace_id, type, trace_context`,
  unqueueItem: `
DELETE FROM media_event_queue queued USING media_events event
WHERE event.media_id = $1 AND queued.seq = event.seq`,
  deleteDispatched: `
DELETE FROM media_events WHERE seq = ANY (ARRAY(
  SELECT head.seq FROM (
    SELECT seq, created_at FROM media_events ORDER BY seq LIMIT $2
  ) head
  WHERE head.created_at < $1
    AND head.seq < coalesce((SELECT min(seq) FROM media_event_queue), 9223372036854775807)
))`,
} as const;

/**
 * The only code that reads or writes the transactional outbox of lifecycle events (`media_events`
 * and `media_event_queue`): an event is written in the same unit of work as the status change it
 * describes, so it is never lost or invented when a process dies in between.
 */
@Injectable()
export class MediaEventRepository {
  constructor(
    @InjectRepository(MediaEvent)
    private readonly events: Repository<MediaEvent>,
    private readonly sql: Sql,
  ) {}

  /** Records `type` for the item, with the item as the API shows it now, in the caller's unit of work. */
  record(media: Media, type: MediaEventType, tx: Transaction): Promise<void> {
    return this.recordAll([media], type, tx);
  }

  /** `record` for each of the items, in one INSERT. */
  async recordAll(
    items: Media[],
    type: MediaEventType,
    tx: Transaction,
  ): Promise<void> {
    await this.insert(
      items.map((media) => ({
        workspaceId: media.workspaceId,
        mediaId: media.id,
        type,
        data: toMediaDto(media),
      })),
      tx,
    );
  }

  /** Records a rendition's end (`media.rendition.ready`/`failed`) in the unit of work that finished it. */
  async recordRendition(
    rendition: MediaRendition,
    tx: Transaction,
  ): Promise<void> {
    await this.insert(
      [
        {
          workspaceId: rendition.workspaceId,
          mediaId: rendition.mediaId,
          type:
            rendition.status === 'ready'
              ? 'media.rendition.ready'
              : 'media.rendition.failed',
          data: {
            mediaId: rendition.mediaId,
            rendition: toRenditionDto(rendition),
          },
        },
      ],
      tx,
    );
  }

  /** Takes up to `limit` undispatched events, oldest first, out of the queue in `tx`. */
  async claimUndispatched(
    limit: number,
    tx: Transaction,
  ): Promise<ClaimedEvent[]> {
    const [rows] = (await this.manager(tx).query(OUTBOX_STATEMENTS.claim, [
      limit,
    ])) as [
      Array<{
        event_id: string;
        seq: string;
        workspace_id: string;
        type: string;
        trace_context: TraceCarrier | null;
      }>,
      number,
    ];
    return rows
      .map((row) => ({
        id: row.event_id,
        seq: Number(row.seq),
        workspaceId: row.workspace_id,
        type: row.type as MediaEventType,
        traceContext: row.trace_context ?? undefined,
      }))
      .sort((a, b) => a.seq - b.seq);
  }

  /**
   * Takes the item's events out of the queue in the unit of work deleting the item, before the
   * delete cascades to the events. A relay holds its queue entries, then its events' rows (their
   * deliveries reference them); erasing the other way round (events, then their entries by cascade)
   * deadlocked with a relay handing those events on at that moment, and PostgreSQL failed the
   * DELETE request. In the relay's order, the delete waits for the relay to commit, then erases the
   * deliveries it made with the events.
   */
  async unqueueItem(mediaId: string, tx: Transaction): Promise<void> {
    await this.manager(tx).query(OUTBOX_STATEMENTS.unqueueItem, [mediaId]);
  }

  /**
   * Deletes dispatched events created before `before`, from the `limit` oldest, with their
   * deliveries and attempts (by cascade, each through an index on the referencing column);
   * returns how many. A batch reads `limit` index entries whatever the size of the table.
   */
  async deleteDispatchedBefore(before: Date, limit: number): Promise<number> {
    const [, deleted] = (await this.events.query(
      OUTBOX_STATEMENTS.deleteDispatched,
      [before, limit],
    )) as [unknown, number];
    return deleted;
  }

  findById(id: string): Promise<MediaEvent | null> {
    return this.events.findOneBy({ id });
  }

  private async insert(
    events: Array<{
      workspaceId: string;
      mediaId: string;
      type: MediaEventType;
      data: object;
    }>,
    tx: Transaction,
  ): Promise<void> {
    if (events.length === 0) {
      return;
    }
    // A prepared statement: every upload landing and every job's end records an event.
    await this.sql.rows(
      'media_events_record',
      OUTBOX_STATEMENTS.record,
      [
        events.map(() => newId('event')),
        events.map((event) => event.workspaceId),
        events.map((event) => event.mediaId),
        events.map((event) => event.type),
        events.map((event) => JSON.stringify(event.data)),
        activeTraceCarrier() ?? null,
      ],
      tx,
    );
  }

  private manager(tx: Transaction): EntityManager {
    return managerOf(this.events.manager.connection, tx);
  }
}
