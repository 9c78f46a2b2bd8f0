import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../../infra/database/bigint.js';
import { Workspace } from '../workspaces/workspace.entity.js';

/**
 * A workspace's subscription: where to POST which events. The signing secrets are stored only
 * sealed (AES-256-GCM, see WebhookSecretBox), so a database dump alone reveals none.
 */
@Entity({ name: 'webhook_endpoints' })
@Index('idx_webhook_endpoints_workspace_seq', ['workspaceId', 'seq'])
@Index('idx_webhook_endpoints_deleted', ['deletedAt'], {
  where: '"deleted_at" IS NOT NULL',
})
export class WebhookEndpoint {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  /** Insertion order, for newest-first cursors. */
  @Index('uq_webhook_endpoints_seq', { unique: true })
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  seq: number;

  @Column({ name: 'workspace_id', type: 'varchar', length: 40 })
  workspaceId: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Workspace;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ type: 'text', array: true })
  events: string[];

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** Why the service disabled it (410, failing for days); null while enabled or disabled by the client. */
  @Column({
    name: 'disabled_reason',
    type: 'varchar',
    length: 300,
    nullable: true,
  })
  disabledReason: string | null;

  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed: string;

  /** The secret before the last rotation, still signed with until `previousSecretExpiresAt`. */
  @Column({ name: 'previous_secret_sealed', type: 'text', nullable: true })
  previousSecretSealed: string | null;

  @Column({
    name: 'previous_secret_expires_at',
    type: 'timestamptz',
    nullable: true,
  })
  previousSecretExpiresAt: Date | null;

  /** Start of the current run of failed attempts; cleared by any success. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /**
   * Set by DELETE /v1/webhooks/:id. TypeORM's reads leave such an endpoint out (a soft delete), so
   * it is gone for the client and the delivery jobs at once; the endpoint purge pass deletes its
   * deliveries in batches, then the row.
   */
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
