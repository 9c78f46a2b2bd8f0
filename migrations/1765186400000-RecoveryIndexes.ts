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
 *
 * `idx_media_events_workspace_created` is dropped: no query reads events by workspace and time
 * (the relay reads the undispatched index, retention the `seq` order, erasure `media_id`), and it
 * was the largest index of the largest table (518 MiB at 3 million items), paid on every event.
 */
export class RecoveryIndexes1765186400000 implements MigrationInterface {
  name = 'RecoveryIndexes1765186400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of INDEXES) {
      await queryRunner.createIndex('media', new TableIndex(index));
    }
    await queryRunner.dropIndex(
      'media_events',
      'idx_media_events_workspace_created',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'media_events',
      new TableIndex({
        name: 'idx_media_events_workspace_created',
        columnNames: ['workspace_id', 'created_at'],
      }),
    );
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
