import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The indexes of item lists. `idx_media_workspace_status_seq`: status-filtered lists
 * (`GET /v1/media?status=…`) read a workspace's items of one status newest first straight from it,
 * so a page costs its rows whatever the size of the workspace and however rare the status in it.
 * `uq_media_seq` is dropped: no query orders the whole table by `seq` (it comes from a sequence, so
 * it needs no unique index either), and its existence let a prepared statement's generic plan walk
 * the table's `seq` order filtering on workspace and status: after five executions on a pooled
 * connection, a rare status in a workspace of a million items took seconds a page. With only
 * workspace-leading indexes ordered by `seq`, a generic plan is the index walk a custom one is.
 */
export class ListIndexes1765100000000 implements MigrationInterface {
  name = 'ListIndexes1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'media',
      new TableIndex({
        name: 'idx_media_workspace_status_seq',
        columnNames: ['workspace_id', 'status', 'seq'],
      }),
    );
    await queryRunner.dropIndex('media', 'uq_media_seq');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'media',
      new TableIndex({
        name: 'uq_media_seq',
        columnNames: ['seq'],
        isUnique: true,
      }),
    );
    await queryRunner.dropIndex('media', 'idx_media_workspace_status_seq');
  }
}
