import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Media } from '../media/media.entity.js';
import { Workspace } from '../workspaces/workspace.entity.js';

export const IMPORT_SOURCES = ['url', 'drive'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** `importing` until the bytes are stored; `stored` then; `failed` when the download failed. */
export const IMPORT_JOB_STATES = ['importing', 'stored', 'failed'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

/**
 * An asynchronous import (import-from-url, import-from-drive). Kept in the database, so its status
 * outlives queue retention and a Redis restart. The access token is never stored here.
 */
@Entity({ name: 'import_jobs' })
@Index('idx_import_jobs_state_updated', ['state', 'updatedAt'])
export class ImportJob {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ name: 'workspace_id', type: 'varchar', length: 40 })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  /** Deleting the item deletes its import job. */
  @Index('idx_import_jobs_media')
  @Column({ name: 'media_id', type: 'varchar', length: 40 })
  mediaId: string;

  @ManyToOne(() => Media, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'media_id' })
  media?: Media;

  @Column({ type: 'varchar', length: 10 })
  source: ImportSource;

  /** The URL to download (url imports) or the Drive file id (drive imports). */
  @Column({ type: 'text' })
  location: string;

  /** The MIME type the client declared; Google-native documents are exported as PDF. */
  @Column({ name: 'declared_type', type: 'varchar', length: 255 })
  declaredType: string;

  @Column({ type: 'varchar', length: 20 })
  state: ImportJobState;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
