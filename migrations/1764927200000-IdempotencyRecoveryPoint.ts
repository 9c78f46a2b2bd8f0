import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `idempotency_records.created`: the recovery point. The ids a keyed request's PostgreSQL effect
 * created, written in that effect's own transaction, so a request whose process stopped after the
 * effect committed and before its answer was stored is never run again under its key
 * (docs/contracts.md#idempotency).
 */
export class IdempotencyRecoveryPoint1764927200000 implements MigrationInterface {
  name = 'IdempotencyRecoveryPoint1764927200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'idempotency_records',
      new TableColumn({
        name: 'created',
        type: 'text',
        isArray: true,
        isNullable: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('idempotency_records', 'created');
  }
}
