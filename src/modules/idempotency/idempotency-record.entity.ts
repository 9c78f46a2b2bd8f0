import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * One Idempotency-Key of one workspace (docs/contracts.md#idempotency): while its first request
 * runs, the lease (`owner`, `lease_expires_at`); once it ended, the answer to replay (`status`,
 * `contentType`, the sealed `body`) until `expiresAt`; `created` once its effect committed.
 * Written only by IdempotencyRecordRepository.
 */
@Entity({ name: 'idempotency_records' })
@Index('idx_idempotency_records_expires', ['expiresAt'])
export class IdempotencyRecord {
  @PrimaryColumn({ name: 'workspace_id', type: 'varchar', length: 40 })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  /** SHA-256 (hex) of the Idempotency-Key, or of the key derived from the request. */
  @PrimaryColumn({ type: 'char', length: 64 })
  key: string;

  /** SHA-256 of method, path and canonical body: what "the same request" means. */
  @Column({ type: 'char', length: 64 })
  fingerprint: string;

  /** The running request's token; null once it ended. */
  @Column({ type: 'uuid', nullable: true })
  owner: string | null;

  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true })
  leaseExpiresAt: Date | null;

  /** The status answered; null while the request runs. */
  @Column({ type: 'smallint', nullable: true })
  status: number | null;

  @Column({
    name: 'content_type',
    type: 'varchar',
    length: 100,
    nullable: true,
  })
  contentType: string | null;

  /** The body answered, sealed (AES-256-GCM); null while running, or when it is re-read on replay. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /**
   * The ids of what the request's PostgreSQL effect created, written in that effect's transaction
   * (its recovery point): once set, the request is never run again under the key.
   */
  @Column({ type: 'text', array: true, nullable: true })
  created: string[] | null;

  /** When the record may be deleted: 24 h after the request arrived. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
