import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from '../../infra/database/bigint.js';
import type { TraceCarrier } from '../../infra/tracing/trace-context.js';
import { MediaEvent } from './media-event.entity.js';

/**
 * An event the relay has not handed on yet: inserted with the event, deleted by the relay's claim
 * in the transaction that creates the event's deliveries. The table holds only the backlog, so a
 * claim costs the same however many events `media_events` keeps. It repeats what the relay needs
 * (workspace and type) so that a claim reads nothing else.
 */
@Entity({ name: 'media_event_queue' })
export class MediaEventQueueEntry {
  /** The event's `seq`: the relay claims in this order. Deleting the event deletes the entry. */
  @PrimaryColumn({
    type: 'bigint',
    transformer: bigintAsNumber,
    primaryKeyConstraintName: 'pk_media_event_queue',
  })
  seq: number;

  @ManyToOne(() => MediaEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seq', referencedColumnName: 'seq' })
  event?: MediaEvent;

  @Column({ name: 'event_id', type: 'varchar', length: 40 })
  eventId: string;

  @Column({ name: 'workspace_id', type: 'varchar', length: 40 })
  workspaceId: string;

  @Column({ type: 'varchar', length: 50 })
  type: string;

  /**
   * The trace of the request or job that wrote the event (W3C headers): the deliveries the relay
   * makes of it continue that trace. Null while tracing is off.
   */
  @Column({ name: 'trace_context', type: 'jsonb', nullable: true })
  traceContext: TraceCarrier | null;
}
