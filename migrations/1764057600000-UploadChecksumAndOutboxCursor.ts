import {
  TableColumn,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media.upload_sha256`: the digest of the bytes that filled a direct upload, so a retried PUT of
 * the same bytes is recognised. `media_events.seq` + `dispatched_at`: a monotonic order and a
 * dispatch mark, so a relay can hand each event on exactly once with several workers.
 */
export class UploadChecksumAndOutboxCursor1764057600000 implements MigrationInterface {
  name = 'UploadChecksumAndOutboxCursor1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'media',
      new TableColumn({
        name: 'upload_sha256',
        type: 'char',
        length: '64',
        isNullable: true,
      }),
    );
    await queryRunner.addColumns('media_events', [
      new TableColumn({
        name: 'seq',
        type: 'bigint',
        isGenerated: true,
        generationStrategy: 'increment',
      }),
      new TableColumn({
        name: 'dispatched_at',
        type: 'timestamptz',
        isNullable: true,
      }),
    ]);
    await queryRunner.createIndices('media_events', [
      new TableIndex({
        name: 'uq_media_events_seq',
        columnNames: ['seq'],
        isUnique: true,
      }),
      new TableIndex({
        name: 'idx_media_events_undispatched',
        columnNames: ['seq'],
        where: '"dispatched_at" IS NULL',
      }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex(
      'media_events',
      'idx_media_events_undispatched',
    );
    await queryRunner.dropIndex('media_events', 'uq_media_events_seq');
    await queryRunner.dropColumn('media_events', 'dispatched_at');
    await queryRunner.dropColumn('media_events', 'seq');
    await queryRunner.dropColumn('media', 'upload_sha256');
  }
}
