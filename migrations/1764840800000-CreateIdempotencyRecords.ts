import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `idempotency_records`: one row per workspace and Idempotency-Key (a SHA-256 of the key, or of the
 * derived one), kept in PostgreSQL beside the data the requests create rather than in Redis, so a
 * Redis outage or a Redis restarted empty neither forgets a finished request nor runs it twice
 * (docs/contracts.md#idempotency). The primary key is the claim: one INSERT takes the key. While the
 * request runs, `owner` and `lease_expires_at` hold it; when it ends, `status`, `content_type` and the
 * sealed `body` hold its answer until `expires_at`, when the sweep deletes the row.
 */
export class CreateIdempotencyRecords1764840800000 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1764840800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [
          {
            name: 'workspace_id',
            type: 'varchar',
            length: '40',
            isPrimary: true,
          },
          { name: 'key', type: 'char', length: '64', isPrimary: true },
          { name: 'fingerprint', type: 'char', length: '64' },
          { name: 'owner', type: 'uuid', isNullable: true },
          { name: 'lease_expires_at', type: 'timestamptz', isNullable: true },
          { name: 'status', type: 'smallint', isNullable: true },
          {
            name: 'content_type',
            type: 'varchar',
            length: '100',
            isNullable: true,
          },
          { name: 'body', type: 'text', isNullable: true },
          { name: 'expires_at', type: 'timestamptz' },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'idempotency_records',
      new TableIndex({
        name: 'idx_idempotency_records_expires',
        columnNames: ['expires_at'],
      }),
    );
    await queryRunner.createForeignKey(
      'idempotency_records',
      new TableForeignKey({
        columnNames: ['workspace_id'],
        referencedTableName: 'workspaces',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('idempotency_records');
  }
}
