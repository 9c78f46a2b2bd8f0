import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media_renditions`: versions of an item made for one platform (docs/contracts.md#renditions),
 * one per (item, platform, fit, trim) — the unique index is also how an item's renditions are
 * read; the key index finds the rendition a served file belongs to. Deleting the item deletes them. The partial index holds only unfinished renditions, which
 * the recovery pass reads by when they were last touched, so it costs what is unfinished, not the
 * table.
 *
 * `media.create_renditions`: a bulk video upload asked for renditions for the target platforms the
 * video fails, made once its automatic validation has run.
 */
export class CreateMediaRenditions1765013600000 implements MigrationInterface {
  name = 'CreateMediaRenditions1765013600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'media_renditions',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'workspace_id', type: 'varchar', length: '40' },
          { name: 'media_id', type: 'varchar', length: '40' },
          { name: 'platform', type: 'varchar', length: '40' },
          { name: 'fit', type: 'varchar', length: '8' },
          { name: 'trim', type: 'boolean' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'progress', type: 'smallint', default: 0 },
          { name: 'storage_key', type: 'text', isNullable: true },
          { name: 'url', type: 'text', isNullable: true },
          {
            name: 'content_type',
            type: 'varchar',
            length: '100',
            isNullable: true,
          },
          { name: 'size_bytes', type: 'bigint', isNullable: true },
          { name: 'width', type: 'integer', isNullable: true },
          { name: 'height', type: 'integer', isNullable: true },
          {
            name: 'video_duration',
            type: 'double precision',
            isNullable: true,
          },
          { name: 'changes', type: 'jsonb', default: `'[]'` },
          { name: 'validation', type: 'jsonb', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
          { name: 'updated_at', type: 'timestamptz', default: 'now()' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'media_renditions',
      new TableIndex({
        name: 'uq_media_renditions_recipe',
        columnNames: ['media_id', 'platform', 'fit', 'trim'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      'media_renditions',
      new TableIndex({
        name: 'idx_media_renditions_unfinished',
        columnNames: ['updated_at'],
        where: `"status" IN ('queued', 'processing')`,
      }),
    );
    await queryRunner.createIndex(
      'media_renditions',
      new TableIndex({
        name: 'uq_media_renditions_storage_key',
        columnNames: ['storage_key'],
        isUnique: true,
        where: '"storage_key" IS NOT NULL',
      }),
    );
    await queryRunner.createForeignKey(
      'media_renditions',
      new TableForeignKey({
        columnNames: ['media_id'],
        referencedTableName: 'media',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
    await queryRunner.addColumn(
      'media',
      new TableColumn({
        name: 'create_renditions',
        type: 'boolean',
        default: false,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('media', 'create_renditions');
    await queryRunner.dropTable('media_renditions');
  }
}
