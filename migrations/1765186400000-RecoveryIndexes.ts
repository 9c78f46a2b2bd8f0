import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Partial indexes for the periodic passes, each holding only the rows its pass looks for, so a
 * pass costs what it finds rather than a scan of `media` (at 3 million items a pass read ~2 GB):
 * - `idx_media_processing_updated`: PROCESSING items by `updated_at` (processing recovery, oldest
 *   first, no sort);
 * - `idx_media_abandoned_multipart`: items that left PENDING with a multipart upload still open
 *   (the upload reconciler aborts them);
 * - `idx_media_validation_recovery`: finished items whose validation waits, by `updated_at`
 *   (validation recovery).
 * Their predicates are the passes' conditions word for word (`RECOVERY_STATEMENTS`).
 */
export class RecoveryIndexes1765186400000 implements MigrationInterface {
  name = 'RecoveryIndexes1765186400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await queryRunner.createIndex('media', new TableIndex(index));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await queryRunner.dropIndex('media', index.name);
    }
  }
}

const INDEXES = [
  {
    name: 'idx_media_processing_updated',
    columnNames: ['updated_at'],
    where: `"status" = 'PROCESSING'`,
  },
  {
    name: 'idx_media_abandoned_multipart',
    columnNames: ['id'],
    where: `"multipart_upload_id" IS NOT NULL AND "status" <> 'PENDING'`,
  },
  {
    name: 'idx_media_validation_recovery',
    columnNames: ['updated_at'],
    where: `"status" IN ('READY', 'FAILED') AND ("validation_status" = 'pending' OR ("validation_status" = 'skipped' AND "target_platforms" IS NOT NULL))`,
  },
];
