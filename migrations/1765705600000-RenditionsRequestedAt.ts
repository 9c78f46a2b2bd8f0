import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media.renditions_requested_at`: when a rendition of the item was first asked for. Reads of an
 * item look in `media_renditions` only when it is set, so the common item, which never gets a
 * rendition, is read with one query. Set for the items that already have renditions.
 */
export class RenditionsRequestedAt1765705600000 implements MigrationInterface {
  name = 'RenditionsRequestedAt1765705600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'media',
      new TableColumn({
        name: 'renditions_requested_at',
        type: 'timestamptz',
        isNullable: true,
      }),
    );
    await queryRunner.query(
      `UPDATE "media" SET "renditions_requested_at" = "first"."created_at"
       FROM (SELECT "media_id", min("created_at") AS "created_at" FROM "media_renditions"
             GROUP BY "media_id") AS "first"
       WHERE "media"."id" = "first"."media_id"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('media', 'renditions_requested_at');
  }
}
