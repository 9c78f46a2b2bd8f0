import {
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type TableForeignKeyOptions,
  type QueryRunner,
} from 'typeorm';

const MEDIA_CASCADE: TableForeignKeyOptions = {
  columnNames: ['media_id'],
  referencedTableName: 'media',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
};

/**
 * Deleting an item erases what was recorded about it: its events (and through them their webhook
 * deliveries and attempts) and its import job now reference `media` with ON DELETE CASCADE. Rows
 * left behind by items deleted before this migration are removed first. Every cascade is served by
 * an index on the referencing column, so none scans a table.
 */
export class ErasureAndRetention1764581400000 implements MigrationInterface {
  name = 'ErasureAndRetention1764581400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['media_events', 'import_jobs']) {
      await queryRunner.query(
        `DELETE FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM media m WHERE m.id = t.media_id)`,
      );
    }
    await queryRunner.createIndex(
      'media_events',
      new TableIndex({
        name: 'idx_media_events_media',
        columnNames: ['media_id'],
      }),
    );
    await queryRunner.createIndex(
      'import_jobs',
      new TableIndex({
        name: 'idx_import_jobs_media',
        columnNames: ['media_id'],
      }),
    );
    await queryRunner.createIndex(
      'webhook_attempts',
      new TableIndex({
        name: 'idx_webhook_attempts_delivery',
        columnNames: ['delivery_id'],
      }),
    );
    await queryRunner.createForeignKey(
      'media_events',
      new TableForeignKey(MEDIA_CASCADE),
    );
    await queryRunner.createForeignKey(
      'import_jobs',
      new TableForeignKey(MEDIA_CASCADE),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['import_jobs', 'media_events']) {
      const found = await queryRunner.getTable(table);
      const foreignKey = found?.foreignKeys.find((key) =>
        key.columnNames.includes('media_id'),
      );
      if (foreignKey) {
        await queryRunner.dropForeignKey(table, foreignKey);
      }
    }
    await queryRunner.dropIndex(
      'webhook_attempts',
      'idx_webhook_attempts_delivery',
    );
    await queryRunner.dropIndex('import_jobs', 'idx_import_jobs_media');
    await queryRunner.dropIndex('media_events', 'idx_media_events_media');
  }
}
