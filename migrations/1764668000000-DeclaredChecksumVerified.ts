import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media.declared_sha256_verified_at`: when processing found the bytes as received to match the
 * client's declared SHA-256. Processing may replace the object (a normalised JPEG) and may run
 * again (a retry, a stalled job, recovery); the declaration is checked once, before that.
 */
export class DeclaredChecksumVerified1764668000000 implements MigrationInterface {
  name = 'DeclaredChecksumVerified1764668000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'media',
      new TableColumn({
        name: 'declared_sha256_verified_at',
        type: 'timestamptz',
        isNullable: true,
      }),
    );
    await queryRunner.query(
      `UPDATE media SET declared_sha256_verified_at = updated_at
       WHERE declared_sha256 IS NOT NULL AND status = 'READY'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('media', 'declared_sha256_verified_at');
  }
}
