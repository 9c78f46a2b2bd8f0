import {
  Table,
  TableForeignKey,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * Webhook endpoints, the deliveries the outbox relay creates from `media_events` (one per event
 * and endpoint, carrying the retry schedule) and the log of every attempt.
 */
export class CreateWebhooks1764322200000 implements MigrationInterface {
  name = 'CreateWebhooks1764322200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'webhook_endpoints',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          {
            name: 'seq',
            type: 'bigint',
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'workspace_id', type: 'varchar', length: '40' },
          { name: 'url', type: 'text' },
          {
            name: 'description',
            type: 'varchar',
            length: '500',
            isNullable: true,
          },
          { name: 'events', type: 'text', isArray: true },
          { name: 'enabled', type: 'boolean', default: true },
          {
            name: 'disabled_reason',
            type: 'varchar',
            length: '300',
            isNullable: true,
          },
          { name: 'secret_sealed', type: 'text' },
          { name: 'previous_secret_sealed', type: 'text', isNullable: true },
          {
            name: 'previous_secret_expires_at',
            type: 'timestamptz',
            isNullable: true,
          },
          { name: 'failing_since', type: 'timestamptz', isNullable: true },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
          { name: 'updated_at', type: 'timestamptz', default: 'now()' },
        ],
        indices: [
          {
            name: 'uq_webhook_endpoints_seq',
            columnNames: ['seq'],
            isUnique: true,
          },
          {
            name: 'idx_webhook_endpoints_workspace_seq',
            columnNames: ['workspace_id', 'seq'],
          },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['workspace_id'],
            referencedTableName: 'workspaces',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          {
            name: 'id',
            type: 'bigint',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'event_id', type: 'varchar', length: '40' },
          { name: 'endpoint_id', type: 'varchar', length: '40' },
          {
            name: 'state',
            type: 'varchar',
            length: '20',
            default: `'pending'`,
          },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'next_attempt_at', type: 'timestamptz', isNullable: true },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
          { name: 'updated_at', type: 'timestamptz', default: 'now()' },
        ],
        uniques: [
          {
            name: 'uq_webhook_deliveries_event_endpoint',
            columnNames: ['event_id', 'endpoint_id'],
          },
        ],
        indices: [
          {
            name: 'idx_webhook_deliveries_due',
            columnNames: ['next_attempt_at'],
            where: `"state" = 'pending'`,
          },
          {
            name: 'idx_webhook_deliveries_endpoint_state',
            columnNames: ['endpoint_id', 'state'],
          },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['event_id'],
            referencedTableName: 'media_events',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['endpoint_id'],
            referencedTableName: 'webhook_endpoints',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_attempts',
        columns: [
          {
            name: 'id',
            type: 'bigint',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'delivery_id', type: 'bigint' },
          { name: 'endpoint_id', type: 'varchar', length: '40' },
          { name: 'event_id', type: 'varchar', length: '40' },
          { name: 'event_type', type: 'varchar', length: '50' },
          { name: 'attempt', type: 'int' },
          { name: 'status_code', type: 'int', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'duration_ms', type: 'int' },
          { name: 'next_retry_at', type: 'timestamptz', isNullable: true },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
        ],
        indices: [
          {
            name: 'idx_webhook_attempts_endpoint_id',
            columnNames: ['endpoint_id', 'id'],
          },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['delivery_id'],
            referencedTableName: 'webhook_deliveries',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_attempts');
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('webhook_endpoints');
  }
}
