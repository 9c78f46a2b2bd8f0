import { DataSource, type QueryRunner } from 'typeorm';
import {
  LOCK_WITH_DUPLICATE,
  RECOVERY_STATEMENTS,
  listStatement,
} from '../src/modules/media/media.repository.js';
import { isolatedDatabase } from './support/database.js';
import {
  startTestApp,
  type TestApp,
  type TestWorkspace,
} from './support/test-app.js';

/** Items of the large workspace: enough that walking it instead of an index shows in the plan. */
const LARGE_WORKSPACE_ITEMS = 40_000;

/**
 * The plans of the list statements on a table where the wrong plan would cost: one large workspace
 * of READY items holding a handful of PROCESSING ones, and a small workspace where FAILED is common.
 * Prepared statements switch to a generic plan after five executions; the case that used to take
 * seconds is a rare status in the largest workspace under that generic plan, so the plan is forced
 * generic (and custom) and read with EXPLAIN EXECUTE.
 */
describe('query plans of status-filtered lists', () => {
  // 40,000 rows and an ANALYZE are not for the database other files share.
  const database = isolatedDatabase('query_plans');
  let t: TestApp;
  let large: TestWorkspace;
  let small: TestWorkspace;
  let runner: QueryRunner;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: database.url });
    large = await t.createWorkspace();
    small = await t.createWorkspace();
    const db = t.app.get(DataSource);
    const insert = (workspaceId: string, count: number, status: string) =>
      db.query(
        `INSERT INTO media (id, workspace_id, filename, content_type, status, public_url, validation_status, metadata)
         SELECT 'media_plan' || $1 || '_' || n, $2, 'f.jpg', 'image/jpeg', $3, 'https://x/f.jpg', 'skipped', '{}'
         FROM generate_series(1, $4) AS n`,
        [`${workspaceId.slice(-8)}${status}`, workspaceId, status, count],
      );
    await insert(large.workspace.id, LARGE_WORKSPACE_ITEMS, 'READY');
    await insert(large.workspace.id, 5, 'PROCESSING');
    await insert(small.workspace.id, 2_000, 'FAILED');
    await insert(large.workspace.id, 1_000, 'PENDING');
    await insert(small.workspace.id, 10, 'PENDING');
    await db.query(
      `UPDATE media SET upload_expires_at = now() - interval '3 days' WHERE status = 'PENDING'`,
    );
    // Every READY item of the large workspace has a checksum, a few of them the same one.
    await db.query(
      `UPDATE media SET checksum_sha256 =
         CASE WHEN right(id, 3) IN ('_11', '_12', '_13') THEN 'shared' ELSE md5(id) END
       WHERE status = 'READY'`,
    );
    await db.query('ANALYZE media');
    runner = db.createQueryRunner();
    await runner.connect();
  });
  afterAll(async () => {
    await runner?.release();
    await t?.close();
    await database.drop();
  });

  /** The plan of MediaRepository's list statement under `mode`, for a workspace and maybe a status. */
  async function plan(
    mode: 'force_generic_plan' | 'force_custom_plan',
    withCursor: boolean,
    workspaceId: string,
    status: string | null,
  ): Promise<string> {
    const statement = listStatement(status !== null, withCursor);
    const name = `plan_${statement.name}`;
    await runner.query(`SET plan_cache_mode = ${mode}`);
    await runner.query(
      `PREPARE ${name} AS SELECT * FROM "media" ${statement.rest}`,
    );
    // EXPLAIN EXECUTE takes no bind parameters; the values are our own ids and constants.
    const values = [
      `'${workspaceId}'`,
      '21',
      ...(status === null ? [] : [`'${status}'`]),
      ...(withCursor ? ['9223372036854775807'] : []),
    ];
    try {
      const rows: Array<{ 'QUERY PLAN': string }> = await runner.query(
        `EXPLAIN EXECUTE ${name}(${values.join(', ')})`,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await runner.query(`DEALLOCATE ${name}`);
      await runner.query('RESET plan_cache_mode');
    }
  }

  for (const mode of ['force_generic_plan', 'force_custom_plan'] as const) {
    for (const withCursor of [false, true]) {
      const page = withCursor ? 'a later page' : 'the first page';

      it(`${mode}, ${page}: a rare status in the largest workspace is read from (workspace_id, status, seq)`, async () => {
        for (const [workspace, status] of [
          [large, 'PROCESSING'],
          [large, 'FAILED'],
          [small, 'FAILED'],
        ] as const) {
          const text = await plan(
            mode,
            withCursor,
            workspace.workspace.id,
            status,
          );
          // PROCESSING items are few in the whole table (those being processed right now), so a
          // custom plan may as well read them all from the recovery pass's partial index and sort
          // the handful; every other plan walks the workspace's status entries in order.
          if (text.includes('idx_media_processing_updated')) {
            expect(status, text).toBe('PROCESSING');
          } else {
            expect(text, text).toContain('idx_media_workspace_status_seq');
            expect(text, text).not.toContain('Sort');
          }
          expect(text, text).not.toMatch(/Seq Scan|uq_media_seq/);
        }
      });

      it(`${mode}, ${page}: an unfiltered list is read from (workspace_id, seq)`, async () => {
        for (const workspace of [large, small]) {
          const text = await plan(
            mode,
            withCursor,
            workspace.workspace.id,
            null,
          );
          expect(text, text).toContain('idx_media_workspace_seq');
          expect(text, text).not.toMatch(/Seq Scan|uq_media_seq|Sort/);
        }
      });
    }
  }

  /** The plan of a periodic pass's statement under `mode`, its parameters given as SQL literals. */
  async function passPlan(
    mode: 'force_generic_plan' | 'force_custom_plan',
    name: string,
    text: string,
    values: string[],
  ): Promise<string> {
    await runner.query(`SET plan_cache_mode = ${mode}`);
    await runner.query(`PREPARE plan_${name} AS ${text}`);
    try {
      const rows: Array<{ 'QUERY PLAN': string }> = await runner.query(
        `EXPLAIN EXECUTE plan_${name}(${values.join(', ')})`,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await runner.query(`DEALLOCATE plan_${name}`);
      await runner.query('RESET plan_cache_mode');
    }
  }

  const NOW = `'${new Date().toISOString()}'`;
  const PASSES = [
    {
      pass: 'processing recovery',
      index: 'idx_media_processing_updated',
      name: RECOVERY_STATEMENTS.staleProcessing.name,
      text: RECOVERY_STATEMENTS.staleProcessing.text('*'),
      values: [NOW, '500', "'-infinity'", "''"],
    },
    {
      pass: 'the abandoned-multipart sweep',
      index: 'idx_media_abandoned_multipart',
      name: RECOVERY_STATEMENTS.abandonedMultipart.name,
      text: `SELECT * FROM "media" ${RECOVERY_STATEMENTS.abandonedMultipart.rest}`,
      values: ['200', "''"],
    },
    {
      pass: 'validation recovery',
      index: 'idx_media_validation_recovery',
      name: RECOVERY_STATEMENTS.forgottenValidations.name,
      text: RECOVERY_STATEMENTS.forgottenValidations.text,
      values: [NOW, '200'],
    },
    {
      pass: 'the reconciler (recent uploads)',
      index: 'idx_media_pending',
      // It numbers each workspace's turns over the PENDING items in the window: a pass's worth of
      // recent presigns, read from a PENDING-only index and sorted, never the table.
      sorts: true,
      name: RECOVERY_STATEMENTS.recentUploads.name,
      text: RECOVERY_STATEMENTS.recentUploads.text('*'),
      values: [NOW, '200'],
    },
    {
      pass: "a processing job's closing row lock and duplicate lookup",
      index: 'idx_media_workspace_checksum',
      // The item's duplicates of one checksum are sorted by `seq` to take the oldest.
      sorts: true,
      name: LOCK_WITH_DUPLICATE.name,
      text: LOCK_WITH_DUPLICATE.text('"media".*'),
      values: ["'media_plan'", "'shared'"],
    },
    {
      pass: 'the reconciler (expired uploads)',
      index: 'idx_media_pending_expires',
      name: RECOVERY_STATEMENTS.expiredUploads.name,
      text: RECOVERY_STATEMENTS.expiredUploads.text('"media".*'),
      values: [NOW, '500', "''", '100'],
    },
  ];

  for (const mode of ['force_generic_plan', 'force_custom_plan'] as const) {
    for (const { pass, index, name, text, values, sorts } of PASSES) {
      it(`${mode}: ${pass} reads ${index}, not the table`, async () => {
        const plan = await passPlan(mode, name, text, values);
        expect(plan, plan).toContain(index);
        expect(plan, plan).not.toMatch(sorts ? /Seq Scan/ : /Seq Scan|Sort/);
      });
    }
  }
});
