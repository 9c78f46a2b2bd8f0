import {
  TableColumn,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media.checksum_sha256`: the SHA-256 of the stored object, recorded by processing, with an
 * index per workspace so a re-upload of identical bytes is found without a scan.
 * `media.declared_sha256`: the digest a client declared when it asked for an upload URL; the
 * stored bytes must match it. `media.multipart_upload_id` / `multipart_part_bytes`: the open
 * multipart upload of a large direct upload and its part size, so it can be completed, re-signed
 * or aborted.
 */
export class MediaChecksums1764408600000 implements MigrationInterface {
  name = 'MediaChecksums1764408600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('media', [
      new TableColumn({
        name: 'checksum_sha256',
        type: 'char',
        length: '64',
        isNullable: true,
      }),
      new TableColumn({
        name: 'declared_sha256',
        type: 'char',
        length: '64',
        isNullable: true,
      }),
      new TableColumn({
        name: 'multipart_upload_id',
        type: 'varchar',
        length: '1024',
        isNullable: true,
      }),
      new TableColumn({
        name: 'multipart_part_bytes',
        type: 'bigint',
        isNullable: true,
      }),
    ]);
    await queryRunner.createIndex(
      'media',
      new TableIndex({
        name: 'idx_media_workspace_checksum',
        columnNames: ['workspace_id', 'checksum_sha256'],
        where: '"checksum_sha256" IS NOT NULL',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('media', 'idx_media_workspace_checksum');
    await queryRunner.dropColumn('media', 'multipart_part_bytes');
    await queryRunner.dropColumn('media', 'multipart_upload_id');
    await queryRunner.dropColumn('media', 'declared_sha256');
    await queryRunner.dropColumn('media', 'checksum_sha256');
  }
}
