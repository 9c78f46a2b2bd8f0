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
 *
 * `idempotency_keys_held(marked, expected)`: lets one statement write an effect and its recovery
 * points together, and fail as a whole (SQLSTATE IK001) when a point's key was taken over by a retry.
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
    await queryRunner.query(`
      CREATE FUNCTION idempotency_keys_held(marked bigint, expected integer) RETURNS boolean
      LANGUAGE plpgsql AS $$
      BEGIN
        IF marked <> expected THEN
          RAISE EXCEPTION 'an idempotency key was taken over by a retry' USING ERRCODE = 'IK001';
        END IF;
        RETURN true;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP FUNCTION idempotency_keys_held(bigint, integer)',
    );
    await queryRunner.dropColumn('idempotency_records', 'created');
  }
}
