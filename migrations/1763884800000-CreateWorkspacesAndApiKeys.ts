import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

export class CreateWorkspacesAndApiKeys1763884800000 implements MigrationInterface {
  name = 'CreateWorkspacesAndApiKeys1763884800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'workspaces',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'subscription_status', type: 'varchar', length: '20' },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
          { name: 'updated_at', type: 'timestamptz', default: 'now()' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_keys',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'workspace_id', type: 'varchar', length: '40' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'key_hash', type: 'char', length: '64' },
          { name: 'key_prefix', type: 'varchar', length: '16' },
          { name: 'scopes', type: 'text', isArray: true },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
          { name: 'revoked_at', type: 'timestamptz', isNullable: true },
          { name: 'last_used_at', type: 'timestamptz', isNullable: true },
        ],
      }),
    );
    await queryRunner.createIndex(
      'api_keys',
      new TableIndex({
        name: 'uq_api_keys_key_hash',
        columnNames: ['key_hash'],
        isUnique: true,
      }),
    );
    await queryRunner.createIndex(
      'api_keys',
      new TableIndex({
        name: 'idx_api_keys_workspace',
        columnNames: ['workspace_id'],
      }),
    );
    await queryRunner.createForeignKey(
      'api_keys',
      new TableForeignKey({
        columnNames: ['workspace_id'],
        referencedTableName: 'workspaces',
        referencedColumnNames: ['id'],
        onDelete: 'CASCADE',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_keys');
    await queryRunner.dropTable('workspaces');
  }
}
