import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media_events.trace_context`: the W3C trace headers of the request or job that wrote the event,
 * so the webhook deliveries the relay later makes of it join that trace (README#tracing). Null
 * while tracing is off.
 */
export class EventTraceContext1765620000000 implements MigrationInterface {
  name = 'EventTraceContext1765620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'media_events',
      new TableColumn({
        name: 'trace_context',
        type: 'jsonb',
        isNullable: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('media_events', 'trace_context');
  }
}
