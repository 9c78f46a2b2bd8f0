import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

export class CreateMedia1763971200000 implements MigrationInterface {
  name = 'CreateMedia1763971200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'media',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          {
            name: 'seq',
            type: 'bigint',
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'workspace_id', type: 'varchar', length: '40' },
          { name: 'filename', type: 'varchar', length: '255' },
          { name: 'content_type', type: 'varchar', length: '100' },
          { name: 'size_bytes', type: 'bigint', isNullable: true },
          { name: 'status', type: 'varchar', length: '20' },
          {
            name: 'storage_path',
            type: 'varchar',
            length: '1024',
            isNullable: true,
          },
          { name: 'public_url', type: 'text' },
          { name: 'validation_status', type: 'varchar', length: '20' },
          { name: 'validation_results', type: 'jsonb', isNullable: true },
          { name: 'metadata', type: 'jsonb' },
          { name: 'width', type: 'integer', isNullable: true },
          { name: 'height', type: 'integer', isNullable: true },
          {
            name: 'video_duration',
            type: 'double precision',
            isNullable: true,
          },
          {
            name: 'video_codec',
            type: 'varchar',
            length: '50',
            isNullable: true,
          },
          { name: 'video_width', type: 'integer', isNullable: true },
          { name: 'video_height', type: 'integer', isNullable: true },
          {
            name: 'upload_channel',
            type: 'varchar',
            length: '20',
            isNullable: true,
          },
          { name: 'max_size_bytes', type: 'bigint', isNullable: true },
          { name: 'upload_expires_at', type: 'timestamptz', isNullable: true },
          {
            name: 'target_platforms',
            type: 'text',
            isArray: true,
            isNullable: true,
          },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
          { name: 'updated_at', type: 'timestamptz', default: 'now()' },
        ],
      }),
    );
    await queryRunner.createIndices('media', [
      new TableIndex({
        name: 'uq_media_seq',
        columnNames: ['seq'],
        isUnique: true,
      }),
      new TableIndex({
        name: 'uq_media_storage_path',
        columnNames: ['storage_path'],
        isUnique: true,
      }),
      new TableIndex({
        name: 'idx_media_workspace_seq',
        columnNames: ['workspace_id', 'seq'],
      }),
      new TableIndex({
        name: 'idx_media_status_upload_expires',
        columnNames: ['status', 'upload_expires_at'],
      }),
    ]);
    await queryRunner.createForeignKey(
      'media',
      new TableForeignKey({
        columnNames: ['workspace_id'],
        referencedTableName: 'workspaces',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'media_events',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'workspace_id', type: 'varchar', length: '40' },
          { name: 'media_id', type: 'varchar', length: '40' },
          { name: 'type', type: 'varchar', length: '50' },
          { name: 'data', type: 'jsonb' },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
        ],
        indices: [
          {
            name: 'idx_media_events_workspace_created',
            columnNames: ['workspace_id', 'created_at'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('media_events');
    await queryRunner.dropTable('media');
  }
}
