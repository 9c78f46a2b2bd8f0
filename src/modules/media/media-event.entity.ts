import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
} from 'typeorm';

export const MEDIA_EVENT_TYPES = [
  'media.uploaded',
  'media.ready',
  'media.processing_failed',
] as const;
export type MediaEventType = (typeof MEDIA_EVENT_TYPES)[number];

/**
 * Lifecycle events, written in the same transaction as the status change they describe (a
 * transactional outbox), so an event is never lost or invented when a process dies in between.
 * Webhook delivery reads from here.
 */
@Entity({ name: 'media_events' })
@Index('idx_media_events_workspace_created', ['workspaceId', 'createdAt'])
export class MediaEvent {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ name: 'workspace_id', type: 'varchar', length: 40 })
  workspaceId: string;

  @Column({ name: 'media_id', type: 'varchar', length: 40 })
  mediaId: string;

  @Column({ type: 'varchar', length: 50 })
  type: MediaEventType;

  /** The media object as the API showed it when the event happened. */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
