import {
  TableColumn,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media.poster_path` / `media.poster_url`: the poster frame stored beside a READY video. The key
 * is unique and indexed because the local driver's file route looks items up by it.
 */
export class MediaPosters1764495000000 implements MigrationInterface {
  name = 'MediaPosters1764495000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('media', [
      new TableColumn({
        name: 'poster_path',
        type: 'varchar',
        length: '1024',
        isNullable: true,
      }),
      new TableColumn({ name: 'poster_url', type: 'text', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'media',
      new TableIndex({
        name: 'uq_media_poster_path',
        columnNames: ['poster_path'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('media', 'uq_media_poster_path');
    await queryRunner.dropColumns('media', ['poster_url', 'poster_path']);
  }
}
