import {
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * `media.validation_platforms`: the platforms a validation was requested for and has not yet run
 * on. Kept in the database rather than only in the job, so a request made before the item is READY,
 * or whose job Redis lost, still runs.
 */
export class ValidationPlatforms1764234000000 implements MigrationInterface {
  name = 'ValidationPlatforms1764234000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'media',
      new TableColumn({
        name: 'validation_platforms',
        type: 'text',
        isArray: true,
        isNullable: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('media', 'validation_platforms');
  }
}
