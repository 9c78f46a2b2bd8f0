import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media.upload_checked_at`: when the upload reconciler last looked in storage for a PENDING
 * item's object; null until it first does. The reconciler takes every workspace's items in turn,
 * each workspace's least recently checked first, so one workspace's many open uploads cannot keep
 * another's from being looked at. The index holds PENDING items in that order, so the pass reads
 * them without sorting. It is written out because its `NULLS FIRST` (never checked comes first)
 * cannot be declared through TypeORM, which compares indexes by name and columns only.
 */
export class UploadCheckedAt1764754400000 implements MigrationInterface {
  name = 'UploadCheckedAt1764754400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'media',
      new TableColumn({
        name: 'upload_checked_at',
        type: 'timestamptz',
        isNullable: true,
      }),
    );
    await queryRunner.query(
      `CREATE INDEX "idx_media_pending_upload_checked" ON "media"
         ("workspace_id", "upload_checked_at" NULLS FIRST, "seq")
       WHERE "status" = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('media', 'idx_media_pending_upload_checked');
    await queryRunner.dropColumn('media', 'upload_checked_at');
  }
}
