import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { isRowValueError, Sql } from '../../infra/database/sql.js';
import {
  managerOf,
  type Transaction,
} from '../../infra/database/unit-of-work.js';
import {
  recoveryPoints,
  RecoveryPointLost,
  withRecoveryPoints,
  type RecoveryPoint,
} from '../../infra/database/recovery-point.js';
import {
  WriteCoalescer,
  type Tagged,
} from '../../infra/database/write-coalescer.js';
import { MediaRows } from './media-rows.js';
import { SHOWN_MEDIA_PROPERTIES, type ShownMedia } from './media.mapper.js';
import { Media, type MediaStatus } from './media.entity.js';

/**
 * Item INSERTs running at once; what arrives meanwhile leaves together in the next one. More only
 * makes the batches smaller (why two: docs/performance.md#media-inserts).
 */
const INSERTS_IN_FLIGHT = 2;
/** Rows of one INSERT at most (29 parameters each); a bulk presign's up to 20 stay together. */
const MAX_ITEMS_PER_INSERT = 50;

/**
 * The list statement for a combination of filters, after `SELECT … FROM media`: parameters are
 * `$1` workspace, `$2` limit, then the status and the cursor's `seq` when present. One prepared
 * statement per combination, each served by an index that holds exactly its rows in order:
 * (workspace_id, seq), or (workspace_id, status, seq) with a status. No index orders the whole
 * table by `seq` (1765100000000-ListIndexes dropped it), so the generic plan PostgreSQL switches to
 * after five executions of a statement is the same index walk a custom plan chooses: it cannot walk
 * the table's `seq` order filtering on workspace and status, which cost seconds for a rare status
 * in a large workspace. test/query-plans.spec.ts forces generic and custom plans and checks.
 */
export function listStatement(
  byStatus: boolean,
  afterCursor: boolean,
): { name: string; rest: string } {
  const conditions = ['"workspace_id" = $1'];
  if (byStatus) {
    conditions.push('"status" = $3');
  }
  if (afterCursor) {
    conditions.push(`"seq" < $${byStatus ? 4 : 3}`);
  }
  return {
    name: `media_list_${byStatus ? 'status' : 'any'}_${afterCursor ? 'after' : 'first'}`,
    rest: `WHERE ${conditions.join(' AND ')} ORDER BY "seq" DESC LIMIT $2`,
  };
}

/**
 * What the periodic passes read, each from a partial index that holds only the rows it looks for
 * (1765186400000-RecoveryIndexes, 1765532000000-PassIndexes), so a pass costs what it finds, not
 * the table. Passes read in batches and go on from where the last batch ended (a keyset), so a
 * backlog is worked through in one pass, not re-read from its start batch after batch:
 * - stale PROCESSING items in `(updated_at, id)` order;
 * - items whose multipart upload outlived their PENDING state, in id order;
 * - finished items whose validation waits;
 * - PENDING uploads whose URL is open or recently closed, each workspace's in turn (the turns are
 *   numbered over those PENDING items, which are few: a pass's worth of recent presigns);
 * - PENDING uploads whose URL expired long ago, up to `$4` from each workspace in turn (workspaces
 *   after `$3` in id order, found by walking the PENDING index from one workspace to the next
 *   rather than reading every PENDING row), so one workspace's backlog cannot hold up another's.
 * The conditions are written out as constants, as the indexes' predicates are, so any plan
 * (generic ones included) can use them. test/query-plans.spec.ts checks.
 */
export const RECOVERY_STATEMENTS = {
  staleProcessing: {
    name: 'media_stale_processing',
    // The keyset's timestamp travels as text: a JavaScript Date keeps milliseconds, the column
    // microseconds, and a truncated key would find the same rows again batch after batch.
    text: (
      columns: string,
    ) => `SELECT ${columns}, "updated_at"::text AS "keysetUpdatedAt" FROM "media"
       WHERE "status" = 'PROCESSING' AND "updated_at" < $1 AND ("updated_at", "id") > ($3::timestamptz, $4)
       ORDER BY "updated_at", "id" LIMIT $2`,
  },
  abandonedMultipart: {
    name: 'media_abandoned_multipart',
    rest: `WHERE "multipart_upload_id" IS NOT NULL AND "status" <> 'PENDING' AND "id" > $2
       ORDER BY "id" LIMIT $1`,
  },
  forgottenValidations: {
    name: 'media_forgotten_validations',
    text: `SELECT "id" FROM "media"
       WHERE "status" IN ('READY', 'FAILED')
         AND (("validation_status" = 'pending' AND "updated_at" < $1)
           OR ("validation_status" = 'skipped' AND "target_platforms" IS NOT NULL))
       ORDER BY "updated_at" LIMIT $2`,
  },
  recentUploads: {
    name: 'media_pending_uploads_from',
    text: (columns: string) => `SELECT ${columns} FROM (
         SELECT *, row_number() OVER (
           PARTITION BY "workspace_id" ORDER BY "upload_checked_at" NULLS FIRST, "seq"
         ) AS "turn"
         FROM "media"
         WHERE "status" = 'PENDING' AND "upload_expires_at" >= $1
       ) AS "media"
       ORDER BY "turn", "upload_checked_at" NULLS FIRST, "seq" LIMIT $2`,
  },
  expiredUploads: {
    name: 'media_expired_uploads',
    text: (
      columns: string,
    ) => `WITH RECURSIVE "turns" ("pending_workspace") AS (
         (SELECT "workspace_id" FROM "media" WHERE "status" = 'PENDING' AND "workspace_id" > $3
          ORDER BY "workspace_id" LIMIT 1)
         UNION ALL
         SELECT (SELECT "workspace_id" FROM "media"
                 WHERE "status" = 'PENDING' AND "workspace_id" > "turns"."pending_workspace"
                 ORDER BY "workspace_id" LIMIT 1)
         FROM "turns" WHERE "turns"."pending_workspace" IS NOT NULL
       )
       SELECT ${columns} FROM "turns" CROSS JOIN LATERAL (
         SELECT * FROM "media"
         WHERE "workspace_id" = "turns"."pending_workspace"
           AND "status" = 'PENDING' AND "upload_expires_at" < $1
         ORDER BY "upload_expires_at" LIMIT $4
       ) AS "media"
       LIMIT $2`,
  },
} as const;

/**
 * The row lock that ends a processing job (`lockWithDuplicate`), with the oldest other item of the
 * workspace holding the checksum `$2` (none when it is null) from `idx_media_workspace_checksum`.
 * test/query-plans.spec.ts checks the plan.
 */
export const LOCK_WITH_DUPLICATE = {
  name: 'media_lock_with_duplicate',
  text: (columns: string) => `SELECT ${columns}, (
         SELECT "duplicate"."id" FROM "media" AS "duplicate"
         WHERE "duplicate"."workspace_id" = "media"."workspace_id"
           AND "duplicate"."checksum_sha256" = $2 AND "duplicate"."id" <> "media"."id"
         ORDER BY "duplicate"."seq" LIMIT 1
       ) AS "duplicateOf"
       FROM "media" WHERE "media"."id" = $1 FOR UPDATE OF "media"`,
} as const;

/** Where a batch of stale PROCESSING items ended: `updated_at` exactly (as text), and the id. */
export interface StaleKeyset {
  updatedAt: string;
  id: string;
}

/**
 * The only code that reads or writes the `media` table. The hot reads and the presign INSERT run
 * as named prepared statements (`Sql`; why: docs/performance.md#media-reads), concurrent INSERTs
 * share statements (`WriteCoalescer`; docs/performance.md#media-inserts). The reconciler's
 * round-robin read, which TypeORM cannot express, and its check stamp, which must leave
 * `updated_at` alone (TypeORM's updates set it), are `Sql` statements too; the rest goes through
 * TypeORM. Methods that take a `Transaction` take part in the caller's unit of work; row locks are
 * taken only inside one.
 */
/**
 * What the item routes read of an item: the columns the API shows, the list's cursor (`seq`) and
 * whether renditions exist to read beside it. Not the whole row: the columns only the pipeline
 * uses (upload terms, multipart state, poster path, checks) were half of a GET's row to transfer
 * and decode (docs/performance.md#media-reads).
 */
const MEDIA_VIEW_PROPERTIES = [
  ...SHOWN_MEDIA_PROPERTIES,
  'seq',
  'renditionsRequestedAt',
] as const satisfies ReadonlyArray<keyof Media>;

export type MediaView = ShownMedia &
  Pick<Media, 'seq' | 'renditionsRequestedAt'>;

/** One item by id (`$1`) in one workspace (`$2`). */
const IN_WORKSPACE = 'WHERE "id" = $1 AND "workspace_id" = $2';

@Injectable()
export class MediaRepository {
  private readonly rows: MediaRows;
  private readonly viewColumns: string;
  private readonly inserts: WriteCoalescer<Media, RecoveryPoint>;

  constructor(
    @InjectRepository(Media) private readonly media: Repository<Media>,
    private readonly sql: Sql,
  ) {
    this.rows = new MediaRows(media.metadata);
    this.viewColumns = this.rows.columnsOf(MEDIA_VIEW_PROPERTIES);
    this.inserts = new WriteCoalescer<Media, RecoveryPoint>(
      (items, tagged) => this.write(items, tagged),
      {
        maxInFlight: INSERTS_IN_FLIGHT,
        maxItems: MAX_ITEMS_PER_INSERT,
        // A lost recovery point fails its own submission only, like a refused value.
        isItemError: (error) =>
          isRowValueError(error) || error instanceof RecoveryPointLost,
      },
    );
  }

  /**
   * One INSERT for the items; when keyed requests' items are among them, the same statement marks
   * their idempotency records' recovery points (docs/contracts.md#idempotency).
   */
  private async write(
    items: Media[],
    tagged: Tagged<Media, RecoveryPoint>[],
  ): Promise<void> {
    const insert = {
      name: `media_insert_${items.length}`,
      text: this.rows.insertStatement(items.length),
      values: this.rows.insertValues(items),
    };
    const statement =
      tagged.length === 0
        ? insert
        : withRecoveryPoints(
            insert,
            tagged.map(({ tag, items: created }) => ({
              point: tag,
              createdIds: created.map((media) => media.id),
            })),
          );
    const rows = await this.sql
      .rows(statement.name, statement.text, statement.values)
      .catch((error: unknown) => {
        throw RecoveryPointLost.from(error);
      });
    this.rows.applyGenerated(items, rows);
  }

  /**
   * Inserts new items, all of them or none, and fills in what the database generates (`seq`,
   * timestamps): one INSERT statement, shared with other requests' items when inserts are already
   * running.
   */
  async insertAll(items: Media[]): Promise<void> {
    await this.inserts.submit(items, recoveryPoints.current());
  }

  /** Inserts one item in the caller's unit of work, filling in what the database generates. */
  async insert(item: Media, tx: Transaction): Promise<void> {
    await this.manager(tx).insert(Media, item as QueryDeepPartialEntity<Media>);
  }

  /** What the API shows of the item in this workspace (`MediaView`), or null. */
  async viewInWorkspace(
    workspaceId: string,
    id: string,
  ): Promise<MediaView | null> {
    const [media] = await this.selectViews('media_view', IN_WORKSPACE, [
      id,
      workspaceId,
    ]);
    return media ?? null;
  }

  /** The item in this workspace, or null. */
  async findInWorkspace(
    workspaceId: string,
    id: string,
  ): Promise<Media | null> {
    const [media] = await this.select('media_get', IN_WORKSPACE, [
      id,
      workspaceId,
    ]);
    return media ?? null;
  }

  /**
   * A page of the workspace's items, newest first: at most `limit` of them with `seq` below
   * `beforeSeq` (when given), of one status (when given).
   */
  async listInWorkspace(
    workspaceId: string,
    {
      limit,
      status,
      beforeSeq,
    }: { limit: number; status?: MediaStatus; beforeSeq?: number },
  ): Promise<MediaView[]> {
    const statement = listStatement(
      status !== undefined,
      beforeSeq !== undefined,
    );
    const values: unknown[] = [workspaceId, limit];
    if (status !== undefined) {
      values.push(status);
    }
    if (beforeSeq !== undefined) {
      values.push(beforeSeq);
    }
    return this.selectViews(statement.name, statement.rest, values);
  }

  /** Which of `ids` exist in the workspace. */
  async existingIds(workspaceId: string, ids: string[]): Promise<Set<string>> {
    const found = await this.media.find({
      where: { workspaceId, id: In(ids) },
      select: { id: true },
    });
    return new Set(found.map((media) => media.id));
  }

  /** For workers acting on a job's media id; HTTP paths use `findInWorkspace`. */
  async findById(id: string): Promise<Media | null> {
    const [media] = await this.select('media_by_id', 'WHERE "id" = $1', [id]);
    return media ?? null;
  }

  /**
   * The item whose object is at `storagePath` (upload receipt). Keys embed the workspace id, so the
   * match is tenant-exact without a workspace parameter.
   */
  findByStoragePath(storagePath: string): Promise<Media | null> {
    return this.media.findOneBy({ storagePath });
  }

  /** The item a stored key belongs to: its own object or its poster frame. */
  findByStoredKey(key: string): Promise<Media | null> {
    return this.media.findOne({
      where: [{ storagePath: key }, { posterPath: key }],
    });
  }

  /**
   * PENDING direct uploads whose URL expires (or expired) after `from`: at most `limit`, taken
   * from every workspace in turn (each one's first, then each one's second, …), and within a
   * workspace the least recently checked (`markUploadsChecked`) first. So a workspace with many
   * pending items cannot crowd out one with few, and every item of a workspace gets its turn. The
   * `(workspace_id, upload_checked_at NULLS FIRST, seq)` index of PENDING items holds them in this
   * order, so a large backlog can be read without a sort.
   */
  async findPendingUploads(from: Date, limit: number): Promise<Media[]> {
    const { name, text } = RECOVERY_STATEMENTS.recentUploads;
    const rows = await this.sql.rows(name, text(this.rows.columns), [
      from,
      limit,
    ]);
    return rows.map((row) => this.rows.toMedia(row));
  }

  /**
   * PENDING uploads whose URL expired before `before`: at most `limit`, up to `perWorkspace` from
   * each workspace whose id follows `afterWorkspace`, workspaces in id order
   * (RECOVERY_STATEMENTS.expiredUploads).
   */
  async findExpiredUploads(
    before: Date,
    afterWorkspace: string,
    limit: number,
    perWorkspace: number,
  ): Promise<Media[]> {
    const { name, text } = RECOVERY_STATEMENTS.expiredUploads;
    const rows = await this.sql.rows(name, text(this.rows.columns), [
      before,
      limit,
      afterWorkspace,
      perWorkspace,
    ]);
    return rows.map((row) => this.rows.toMedia(row));
  }

  /**
   * Records that the reconciler looked in storage for these items, which sends them to the back
   * of their workspace's turn. Items no longer PENDING are left alone, and `updated_at` is not
   * touched: nothing about the item changed.
   */
  async markUploadsChecked(ids: string[]): Promise<void> {
    await this.sql.rows(
      'media_mark_uploads_checked',
      `UPDATE "media" SET "upload_checked_at" = now()
       WHERE "id" = ANY($1) AND "status" = 'PENDING'`,
      [ids],
    );
  }

  /** Items past PENDING that still record an open multipart upload, with ids after `afterId`. */
  findAbandonedMultipartUploads(
    afterId: string,
    limit: number,
  ): Promise<Media[]> {
    const { name, rest } = RECOVERY_STATEMENTS.abandonedMultipart;
    return this.select(name, rest, [limit, afterId]);
  }

  async clearMultipartUpload(id: string): Promise<void> {
    await this.media.update({ id }, { multipartUploadId: null });
  }

  /**
   * PROCESSING items untouched since `before`, oldest first, after `after` in `(updated_at, id)`
   * order (null: from the start): their job may have been lost. With them, the keyset of the last.
   */
  async findStaleProcessing(
    before: Date,
    after: StaleKeyset | null,
    limit: number,
  ): Promise<{ items: Media[]; last: StaleKeyset | null }> {
    const { name, text } = RECOVERY_STATEMENTS.staleProcessing;
    const rows = await this.sql.rows(name, text(this.rows.columns), [
      before,
      limit,
      after?.updatedAt ?? '-infinity',
      after?.id ?? '',
    ]);
    const last = rows.at(-1);
    return {
      items: rows.map((row) => this.rows.toMedia(row)),
      last: last
        ? { updatedAt: last.keysetUpdatedAt as string, id: last.id as string }
        : null,
    };
  }

  /**
   * Ids of finished items whose validation a lost job left pending since before `before`, and of
   * finished uploads whose target platforms were never queued.
   */
  async findForgottenValidations(
    before: Date,
    limit: number,
  ): Promise<string[]> {
    const { name, text } = RECOVERY_STATEMENTS.forgottenValidations;
    const rows = await this.sql.rows(name, text, [before, limit]);
    return rows.map((row) => row.id as string);
  }

  async setUploadExpiry(
    workspaceId: string,
    id: string,
    expiresAt: Date,
  ): Promise<void> {
    await this.media.update(
      { id, workspaceId },
      { uploadExpiresAt: expiresAt },
    );
  }

  /**
   * The item under its row lock (which uploads landing and DELETE take too), or null. A prepared
   * statement on the unit of work's connection, like the other hot reads: every upload landing
   * takes it.
   */
  async lockForUpdate(id: string, tx: Transaction): Promise<Media | null> {
    const [media] = await this.select(
      'media_lock',
      'WHERE "id" = $1 FOR UPDATE',
      [id],
      tx,
    );
    return media ?? null;
  }

  /** `lockForUpdate`, for an item of this workspace only. */
  async lockInWorkspace(
    workspaceId: string,
    id: string,
    tx: Transaction,
  ): Promise<Media | null> {
    const [media] = await this.select(
      'media_lock_in_workspace',
      'WHERE "id" = $1 AND "workspace_id" = $2 FOR UPDATE',
      [id, workspaceId],
      tx,
    );
    return media ?? null;
  }

  /**
   * PENDING → FAILED for each item still PENDING among `reasons`' keys, its reason recorded as
   * the processing error, in one statement of the caller's unit of work; the items as they are now.
   * Rows are locked in id order first, as every statement locking several items does (no
   * deadlocks).
   */
  async failAllPending(
    reasons: Map<string, string>,
    tx: Transaction,
  ): Promise<Media[]> {
    const rows = (await this.manager(tx).query(
      `WITH "locked" AS (
         SELECT "id" AS "locked_id" FROM "media"
         WHERE "id" = ANY($1) AND "status" = 'PENDING' ORDER BY "id" FOR UPDATE
       ), "failed" AS (
         UPDATE "media" SET "status" = 'FAILED', "upload_expires_at" = NULL, "updated_at" = now(),
           "validation_results" = coalesce("validation_results", '{}'::jsonb) || jsonb_build_object(
             'processing', jsonb_build_object('valid', false, 'errors', jsonb_build_array("reason")))
         FROM "locked" JOIN unnest($1::varchar[], $2::text[]) AS "failure"("failed_id", "reason")
           ON "failure"."failed_id" = "locked"."locked_id"
         WHERE "media"."id" = "locked"."locked_id" AND "media"."status" = 'PENDING'
         RETURNING "media".*
       )
       SELECT ${this.rows.columns} FROM "failed" ORDER BY "id"`,
      [[...reasons.keys()], [...reasons.values()]],
    )) as Array<Record<string, unknown>>;
    return rows.map((row) => this.rows.toMedia(row));
  }

  /** The workspace's items among `ids` under their row locks, in id order (no deadlocks). */
  lockAllInWorkspace(
    workspaceId: string,
    ids: string[],
    tx: Transaction,
  ): Promise<Media[]> {
    return this.manager(tx).find(Media, {
      where: { workspaceId, id: In(ids) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * The item under its row lock, with the oldest other item of its workspace holding `checksum`
   * (a duplicate of the same bytes), in one prepared statement on the unit of work's connection:
   * every processing job ends with it, and TypeORM's query building and hydration of the locked row
   * were 1–2 ms of it (docs/performance.md#image-processing-concurrency). Null when the item is gone.
   */
  async lockWithDuplicate(
    id: string,
    checksum: string | null,
    tx: Transaction,
  ): Promise<{ media: Media; duplicateOf: string | null } | null> {
    const { name, text } = LOCK_WITH_DUPLICATE;
    const [row] = await this.sql.rows<Record<string, unknown>>(
      name,
      text(this.rows.columns),
      [id, checksum],
      tx,
    );
    if (!row) return null;
    const { duplicateOf, ...media } = row;
    return {
      media: this.rows.toMedia(media),
      duplicateOf: (duplicateOf as string | null) ?? null,
    };
  }

  /**
   * One UPDATE of an item read under its row lock, applied to `current` too (with the new
   * `updatedAt`). `save` would read the row again first to work out what changed. A prepared
   * statement per set of changed properties (`MediaRows.updateStatement`): TypeORM's query builder
   * rebuilt it on every upload landing and every job's end.
   */
  async update(
    current: Media,
    changes: Partial<Media>,
    tx: Transaction,
  ): Promise<void> {
    const { name, text, values } = this.rows.updateStatement(
      current.id,
      changes,
    );
    const [{ updatedAt }] = await this.sql.rows<{ updatedAt: Date }>(
      name,
      text,
      values,
      tx,
    );
    Object.assign(current, changes, { updatedAt });
  }

  /**
   * Records, in the unit of work creating them, that the item has renditions (the first time
   * only), so reads of the item know to look for them. `updated_at` is left alone: the item as
   * the API shows it did not change. The mark is never cleared, so an item read with it set needs
   * no statement.
   */
  async markRenditionsRequested(
    media: Pick<Media, 'id' | 'renditionsRequestedAt'>,
    tx: Transaction,
  ): Promise<void> {
    if (media.renditionsRequestedAt) return;
    await this.manager(tx).query(
      `UPDATE "media" SET "renditions_requested_at" = now()
       WHERE "id" = $1 AND "renditions_requested_at" IS NULL`,
      [media.id],
    );
  }

  /** Records that the item's bytes as received matched the checksum its client declared. */
  async markDeclaredChecksumVerified(id: string): Promise<void> {
    await this.media.update(
      { id },
      { declaredSha256VerifiedAt: () => 'now()' },
    );
  }

  async delete(id: string, tx: Transaction): Promise<void> {
    await this.manager(tx).delete(Media, { id });
  }

  private manager(tx: Transaction): EntityManager {
    return managerOf(this.media.manager.connection, tx);
  }

  /**
   * Whole items through a prepared statement: `SELECT <every column> FROM media <rest>`, in the unit
   * of work `tx` when given.
   */
  private select(
    name: string,
    rest: string,
    values: unknown[],
    tx?: Transaction,
  ) {
    return this.selectColumns<Media>(this.rows.columns, name, rest, values, tx);
  }

  /** `MediaView`s through a prepared statement: `SELECT <their columns> FROM media <rest>`. */
  private selectViews(name: string, rest: string, values: unknown[]) {
    return this.selectColumns<MediaView>(this.viewColumns, name, rest, values);
  }

  private async selectColumns<Item extends MediaView>(
    columns: string,
    name: string,
    rest: string,
    values: unknown[],
    tx?: Transaction,
  ): Promise<Item[]> {
    const rows = await this.sql.rows(
      name,
      `SELECT ${columns} FROM "media" ${rest}`,
      values,
      tx,
    );
    return rows.map((row) => this.rows.toMedia<Item>(row));
  }
}
