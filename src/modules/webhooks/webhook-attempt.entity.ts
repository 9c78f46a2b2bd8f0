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
import { WebhookDelivery } from './webhook-delivery.entity.js';

/** One POST to an endpoint and what came of it: the deliveries log of GET /v1/webhooks/:id/deliveries. */
@Entity({ name: 'webhook_attempts' })
@Index('idx_webhook_attempts_endpoint_id', ['endpointId', 'id'])
export class WebhookAttempt {
  /** Insertion order, for newest-first cursors. */
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  id: number;

  /** Indexed: deleting a delivery (with its event or endpoint) deletes its attempts. */
  @Index('idx_webhook_attempts_delivery')
  @Column({ name: 'delivery_id', type: 'bigint', transformer: bigintAsNumber })
  deliveryId: number;

  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: WebhookDelivery;

  /** Copied from the delivery, so the log is read from one index. */
  @Column({ name: 'endpoint_id', type: 'varchar', length: 40 })
  endpointId: string;

  @Column({ name: 'event_id', type: 'varchar', length: 40 })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 50 })
  eventType: string;

  /** 1 for the first attempt of the delivery, 2 for its first retry, … */
  @Column({ type: 'int' })
  attempt: number;

  /** The endpoint's HTTP status; null when no response arrived. */
  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  /** Why the attempt failed; null on success. */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  /** When the delivery is tried again after this failure; null when it will not be. */
  @Column({ name: 'next_retry_at', type: 'timestamptz', nullable: true })
  nextRetryAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
