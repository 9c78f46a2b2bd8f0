import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { newId } from '../../common/ids.js';
import {
  activeTraceCarrier,
  type TraceCarrier,
} from '../../infra/tracing/trace-context.js';
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
  /** The trace that wrote the event, for its deliveries to continue. */
  traceContext?: TraceCarrier;
}

/**
 * Claims the oldest undispatched events, skipping rows another relay holds, and marks them
 * dispatched, in one statement; the partial index of undispatched events serves it.
 */
const CLAIM_UNDISPATCHED = `
WITH claimed AS (
  SELECT id FROM media_events
  WHERE dispatched_at IS NULL
  ORDER BY seq
  LIMIT $1
  FOR UPDATE SKIP LOCKED
)
UPDATE media_events event SET dispatched_at = now()
FROM claimed
WHERE event.id = claimed.id
RETURNING event.id, event.seq, event.workspace_id, event.type, event.trace_context`;

/**
 * The only code that reads or writes `media_events`, the transactional outbox of lifecycle events:
 * an event is written in the same unit of work as the status change it describes, so it is never
 * lost or invented when a process dies in between.
 */
@Injectable()
export class MediaEventRepository {
  constructor(
    @InjectRepository(MediaEvent)
    private readonly events: Repository<MediaEvent>,
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
    if (items.length === 0) {
      return;
    }
    const traceContext = activeTraceCarrier() ?? null;
    await managerOf(this.events.manager.connection, tx).insert(
      MediaEvent,
      items.map((media) => ({
        id: newId('event'),
        workspaceId: media.workspaceId,
        mediaId: media.id,
        type,
        traceContext,
        data: JSON.parse(
          JSON.stringify(toMediaDto(media)),
        ) as QueryDeepPartialEntity<Record<string, unknown>>,
      })),
    );
  }

  /** Records a rendition's end (`media.rendition.ready`/`failed`) in the unit of work that finished it. */
  async recordRendition(
    rendition: MediaRendition,
    tx: Transaction,
  ): Promise<void> {
    await managerOf(this.events.manager.connection, tx).insert(MediaEvent, {
      id: newId('event'),
      workspaceId: rendition.workspaceId,
      mediaId: rendition.mediaId,
      traceContext: activeTraceCarrier() ?? null,
      type:
        rendition.status === 'ready'
          ? 'media.rendition.ready'
          : 'media.rendition.failed',
      data: JSON.parse(
        JSON.stringify({
          mediaId: rendition.mediaId,
          rendition: toRenditionDto(rendition),
        }),
      ) as QueryDeepPartialEntity<Record<string, unknown>>,
    });
  }

  /** Takes up to `limit` undispatched events, oldest first, marking them dispatched in `tx`. */
  async claimUndispatched(
    limit: number,
    tx: Transaction,
  ): Promise<ClaimedEvent[]> {
    const [rows] = (await managerOf(this.events.manager.connection, tx).query(
      CLAIM_UNDISPATCHED,
      [limit],
    )) as [
      Array<{
        id: string;
        seq: string;
        workspace_id: string;
        type: string;
        trace_context: TraceCarrier | null;
      }>,
      number,
    ];
    return rows
      .map((row) => ({
        id: row.id,
        seq: Number(row.seq),
        workspaceId: row.workspace_id,
        type: row.type as MediaEventType,
        traceContext: row.trace_context ?? undefined,
      }))
      .sort((a, b) => a.seq - b.seq);
  }

  /**
   * Deletes up to `limit` dispatched events created before `before`, oldest first, with their
   * deliveries and attempts (by cascade); returns how many. Walks the `seq` index from its low end,
   * where old events are, so a pass costs the rows it deletes, not the table.
   */
  async deleteDispatchedBefore(before: Date, limit: number): Promise<number> {
    const [, deleted] = (await this.events.query(
      `DELETE FROM media_events WHERE seq IN (
         SELECT seq FROM media_events
         WHERE dispatched_at IS NOT NULL AND created_at < $1
         ORDER BY seq LIMIT $2)`,
      [before, limit],
    )) as [unknown, number];
    return deleted;
  }

  findById(id: string): Promise<MediaEvent | null> {
    return this.events.findOneBy({ id });
  }
}
