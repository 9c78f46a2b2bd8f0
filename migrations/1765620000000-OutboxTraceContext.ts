import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media_event_queue.trace_context`: the W3C trace headers of the request or job that wrote the
 * event, kept only until the relay claims it, so the webhook deliveries it makes of the event join
 * that trace (README#tracing). Null while tracing is off.
 */
export class OutboxTraceContext1765620000000 implements MigrationInterface {
  name = 'OutboxTraceContext1765620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'media_event_queue',
      new TableColumn({
        name: 'trace_context',
        type: 'jsonb',
        isNullable: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('media_event_queue', 'trace_context');
  }
}
