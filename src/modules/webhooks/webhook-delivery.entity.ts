import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { bigintAsNumber } from '../../infra/database/bigint.js';
import { MediaEvent } from '../media/media-event.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/**
 * `pending` until an attempt succeeds (`succeeded`), the retries run out or the endpoint answers
 * 410 (`failed`), or the endpoint is disabled or deleted first (`cancelled`).
 */
export const DELIVERY_STATES = [
  'pending',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * One event owed to one endpoint; the unique pair is what makes the relay's hand-over exactly
 * once. The row carries the retry schedule, so a Redis that lost its jobs loses no delivery.
 */
@Entity({ name: 'webhook_deliveries' })
@Unique('uq_webhook_deliveries_event_endpoint', ['eventId', 'endpointId'])
@Index('idx_webhook_deliveries_due', ['nextAttemptAt'], {
  where: `"state" = 'pending'`,
})
/** An endpoint's deliveries in id order: the endpoint purge's batches and the endpoint's cascade. */
@Index('idx_webhook_deliveries_endpoint', ['endpointId', 'id'])
export class WebhookDelivery {
  @PrimaryColumn({ type: 'bigint', transformer: bigintAsNumber })
  @Generated('increment')
  id: number;

  @Column({ name: 'event_id', type: 'varchar', length: 40 })
  eventId: string;

  @ManyToOne(() => MediaEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: MediaEvent;

  @Column({ name: 'endpoint_id', type: 'varchar', length: 40 })
  endpointId: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: WebhookEndpoint;

  @Column({ type: 'varchar', length: 20, default: 'pending' })
  state: DeliveryState;

  /** Attempts started so far. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /**
   * When the next attempt is due (pending only). While an attempt runs it is the attempt's lease:
   * past it, a worker that died mid-attempt is presumed gone and the next attempt may start.
   */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
