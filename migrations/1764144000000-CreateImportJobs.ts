import {
  Table,
  TableForeignKey,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

export class CreateImportJobs1764144000000 implements MigrationInterface {
  name = 'CreateImportJobs1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'import_jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'workspace_id', type: 'varchar', length: '40' },
          { name: 'media_id', type: 'varchar', length: '40' },
          { name: 'source', type: 'varchar', length: '10' },
          { name: 'location', type: 'text' },
          { name: 'declared_type', type: 'varchar', length: '255' },
          { name: 'state', type: 'varchar', length: '20' },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
          { name: 'updated_at', type: 'timestamptz', default: 'now()' },
        ],
        indices: [
          {
            name: 'idx_import_jobs_state_updated',
            columnNames: ['state', 'updated_at'],
          },
        ],
      }),
    );
    await queryRunner.createForeignKey(
      'import_jobs',
      new TableForeignKey({
        columnNames: ['workspace_id'],
        referencedTableName: 'workspaces',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_jobs');
  }
}
