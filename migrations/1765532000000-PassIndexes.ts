import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes the reconciler and processing recovery read in batches (RECOVERY_STATEMENTS):
 * - `idx_media_pending_expires` `(workspace_id, upload_expires_at)` of PENDING items: expired
 *   uploads, each workspace's oldest first, and the walk from one workspace with PENDING items to
 *   the next. It replaces `idx_media_status_upload_expires` `(status, upload_expires_at)`, which
 *   held every item (3 million entries for the few thousand PENDING ones) and could not serve a
 *   per-workspace turn.
 * - `idx_media_processing_updated` gains `id`, so a batch goes on after the last one's
 *   `(updated_at, id)` as an index condition rather than re-reading the batches before it.
 */
export class PassIndexes1765532000000 implements MigrationInterface {
  name = 'PassIndexes1765532000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('media', 'idx_media_status_upload_expires');
    await queryRunner.createIndex('media', new TableIndex(PENDING_EXPIRES));
    await queryRunner.dropIndex('media', 'idx_media_processing_updated');
    await queryRunner.createIndex(
      'media',
      new TableIndex({
        ...PROCESSING_UPDATED,
        columnNames: ['updated_at', 'id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('media', PROCESSING_UPDATED.name);
    await queryRunner.createIndex(
      'media',
      new TableIndex({ ...PROCESSING_UPDATED, columnNames: ['updated_at'] }),
    );
    await queryRunner.dropIndex('media', PENDING_EXPIRES.name);
    await queryRunner.createIndex(
      'media',
      new TableIndex({
        name: 'idx_media_status_upload_expires',
        columnNames: ['status', 'upload_expires_at'],
      }),
    );
  }
}

const PENDING_EXPIRES = {
  name: 'idx_media_pending_expires',
  columnNames: ['workspace_id', 'upload_expires_at'],
  where: `"status" = 'PENDING'`,
};

const PROCESSING_UPDATED = {
  name: 'idx_media_processing_updated',
  where: `"status" = 'PROCESSING'`,
};
