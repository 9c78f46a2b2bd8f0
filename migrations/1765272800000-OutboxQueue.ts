import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * The outbox's "not yet handed on" mark moves out of `media_events` into `media_event_queue`, a
 * small table of the events a relay has still to claim (written with the event, deleted by the
 * claim). `media_events` rows become immutable: claiming used to set `dispatched_at`, a column of
 * the partial index's predicate, so no claim was a HOT update and each one added an entry to every
 * index of the largest table (a random page of the text primary key among them): 68.6 ms per 500
 * events at 5.2 million events against 14.8 ms on a small table. Now a claim reads and deletes
 * rows of a table that holds only the backlog.
 *
 * The queue repeats the event's workspace and type (what the relay needs to create deliveries), so
 * a claim reads nothing of `media_events`. Its primary key is the event's `seq` and references
 * `uq_media_events_seq` with ON DELETE CASCADE: erasing an item, whose events go with it, takes
 * their queue entries along through that key.
 *
 * The indexes left on `media_events`, each with its reader:
 * - the primary key `id`: delivery jobs load their event by id; deliveries reference it;
 * - `uq_media_events_seq`: retention walks events oldest first from its low end, and the queue
 *   references it (a unique index is what a foreign key needs);
 * - `idx_media_events_media`: deleting an item cascades to its events through it.
 * `idx_media_events_undispatched` and `dispatched_at` are dropped: nothing reads them any more
 * (an event is dispatched when it has no queue entry).
 */
export class OutboxQueue1765272800000 implements MigrationInterface {
  name = 'OutboxQueue1765272800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'media_event_queue',
        columns: [
          {
            name: 'seq',
            type: 'bigint',
            isPrimary: true,
            primaryKeyConstraintName: 'pk_media_event_queue',
          },
          { name: 'event_id', type: 'varchar', length: '40' },
          { name: 'workspace_id', type: 'varchar', length: '40' },
          { name: 'type', type: 'varchar', length: '50' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['seq'],
            referencedTableName: 'media_events',
            referencedColumnNames: ['seq'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO media_event_queue (seq, event_id, workspace_id, type)
       SELECT seq, id, workspace_id, type FROM media_events WHERE dispatched_at IS NULL`,
    );
    await queryRunner.dropIndex(
      'media_events',
      'idx_media_events_undispatched',
    );
    await queryRunner.dropColumn('media_events', 'dispatched_at');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'media_events',
      new TableColumn({
        name: 'dispatched_at',
        type: 'timestamptz',
        isNullable: true,
      }),
    );
    await queryRunner.query(
      `UPDATE media_events event SET dispatched_at = now()
       WHERE NOT EXISTS (SELECT 1 FROM media_event_queue queued WHERE queued.seq = event.seq)`,
    );
    await queryRunner.createIndex(
      'media_events',
      new TableIndex({
        name: 'idx_media_events_undispatched',
        columnNames: ['seq'],
        where: '"dispatched_at" IS NULL',
      }),
    );
    await queryRunner.dropTable('media_event_queue');
  }
}
