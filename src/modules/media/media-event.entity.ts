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
 * Webhook delivery reads from here. Rows are never updated: what a relay has still to hand on is
 * kept in `media_event_queue` (MediaEventQueueEntry), so the table only grows at its end and
 * shrinks at its start (retention).
 */
@Entity({ name: 'media_events' })
export class MediaEvent {
  /** Delivery jobs load their event by id; deliveries reference it. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  /**
   * Commit-independent insertion order: the order a relay hands events on in. Indexed for
   * retention (oldest first, from the low end) and as the key the queue references.
   */
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
}
