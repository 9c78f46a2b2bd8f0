import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { bigintAsNumber } from '../../infra/database/bigint.js';
import type { TraceCarrier } from '../../infra/tracing/trace-context.js';
import { Media } from './media.entity.js';

export const MEDIA_EVENT_TYPES = [
  'media.uploaded',
  'media.ready',
  'media.processing_failed',
  'media.rendition.ready',
  'media.rendition.failed',
] as const;
export type MediaEventType = (typeof MEDIA_EVENT_TYPES)[number];

/**
 * Lifecycle events, written in the same transaction as the status change they describe (a
 * transactional outbox), so an event is never lost or invented when a process dies in between.
 * Webhook delivery reads from here.
 */
@Entity({ name: 'media_events' })
@Index('idx_media_events_undispatched', ['seq'], {
  where: '"dispatched_at" IS NULL',
})
export class MediaEvent {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  /** Commit-independent insertion order: the order a relay hands events on in. */
  @Index('uq_media_events_seq', { unique: true })
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  seq: number;

  @Column({ name: 'workspace_id', type: 'varchar', length: 40 })
  workspaceId: string;

  /** Deleting the item deletes its events, and with them their deliveries. */
  @Index('idx_media_events_media')
  @Column({ name: 'media_id', type: 'varchar', length: 40 })
  mediaId: string;

  @ManyToOne(() => Media, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'media_id' })
  media?: Media;

  @Column({ type: 'varchar', length: 50 })
  type: MediaEventType;

  /**
   * The media object as the API showed it when the event happened; for `media.rendition.*`, the
   * rendition and its `mediaId`.
   */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /**
   * The trace of the request or job that wrote the event (W3C headers), continued by the webhook
   * deliveries made of it; null while tracing is off.
   */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext: TraceCarrier | null;

  /** Set once a relay has handed the event on; undispatched events are found by a partial index. */
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
