/**
 * Does cost stay flat as data grows? Builds the same shape at two sizes, each in a database of its
 * own, and prints for every route and periodic pass the small and large figures and their ratio:
 * - one workspace of N items (the API's development workspace) and 1,000 others holding 2N
 *   between them; READY mostly, 1 in 40 FAILED, five PROCESSING in the large workspace; created
 *   over 180 days; the newest 20 of the large workspace and the newest of every other PENDING
 *   (uploads in flight are a day's presigns, however large the library);
 * - about 1.75 events per item, all dispatched but the newest 500 (a relay batch waiting); one
 *   webhook endpoint of the large workspace with N deliveries and N attempts.
 * Sizes: BENCH_SCALE_SMALL (10,000) and BENCH_SCALE_LARGE (1,000,000: 3 million items in all).
 *
 * Both shapes are built and served at once (a server process with role `api` each), and each route
 * is timed one request at a time in blocks alternating between the two, so the drift of this shared
 * machine's speed favours neither: GET by id, the first page, a page half-way down (a cursor sealed
 * with the bench's own secret), a common and a rare status, the rare status again after another
 * workspace's status tab has been opened 200 times (prepared statements switch to a generic plan
 * after five executions), and a presign. Passes are timed as the statements the worker runs
 * (RECOVERY_STATEMENTS, OUTBOX_STATEMENTS), prepared on one connection with the generic plan
 * forced, the worst a pooled connection can reach; those that delete run in a transaction rolled
 * back each time. Then the large shape's bytes per item, by table and index; then it
 * adds 150,000 long-expired uploads and 50,000 stale PROCESSING items and times a worker process
 * (default schedule) working through them. Run with `npm run bench:scale`. Not a test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureBuilt } from '../scripts/build-if-stale.mjs';
import { SealedCursors } from '../src/common/pagination/sealed-cursors.js';
import { SigningKeys } from '../src/infra/secrets/signing-keys.js';
import { OUTBOX_STATEMENTS } from '../src/modules/media/media-event.repository.js';
import { RECOVERY_STATEMENTS } from '../src/modules/media/media.repository.js';
import {
  runProcess,
  SERVER_ENTRY,
  startServerProcess,
  type ServerProcess,
} from '../test/support/server-process.js';
import { freePort } from '../test/support/test-app.js';
import { dropBenchDatabase } from './support.js';

const SMALL = Number(process.env.BENCH_SCALE_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_SCALE_LARGE ?? 1_000_000);
const OTHER_WORKSPACES = 1_000;
const WARMUP = 30;
const REQUESTS = 300;
const PASS_RUNS = 200;
const EXPIRED_BACKLOG = 150_000;
const STALE_BACKLOG = 50_000;
const SECRET = 'bench-scale-signing-secret-0123456789abcdef';

interface Shape {
  label: string;
  items: number;
  database: string;
  url: string;
  storageDir: string;
}

/** Milliseconds: median and 95th percentile. */
interface Timing {
  p50: number;
  p95: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function timed(runs: number, once: () => Promise<void>): Promise<Timing> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

function serverEnvironment(shape: Shape, role: string): Record<string, string> {
  return {
    NODE_ENV: 'development',
    APP_ROLE: role,
    DEV_WORKSPACE_SEED: 'true',
    LOG_LEVEL: 'info',
    DATABASE_URL: shape.url,
    REDIS_KEY_PREFIX: shape.database,
    LOCAL_STORAGE_DIR: shape.storageDir,
    STORAGE_SIGNING_SECRET: SECRET,
    WORKER_HEALTH_PORT: '0',
    RATE_LIMIT_ACTIVE_PER_MINUTE: '100000',
    RATE_LIMIT_ACTIVE_BURST: '100000',
  };
}

/** Fills the shape's database (migrated by the server that created the workspace `large`). */
async function fill(db: pg.Client, shape: Shape, large: string): Promise<void> {
  const perOther = Math.max(
    1,
    Math.round((2 * shape.items) / OTHER_WORKSPACES),
  );
  const started = performance.now();
  await db.query(
    `INSERT INTO workspaces (id, name, subscription_status)
     SELECT 'workspace_bench' || lpad(n::text, 6, '0'), 'Bench ' || n, 'active'
     FROM generate_series(1, $1) AS n`,
    [OTHER_WORKSPACES - 1],
  );
  // Items: the large workspace's first, then each other workspace's, in creation order.
  const insertItems = (
    workspaceSql: string,
    count: number,
    params: unknown[],
  ) =>
    db.query(
      `INSERT INTO media (id, workspace_id, filename, content_type, size_bytes, status, storage_path,
         public_url, validation_status, metadata, width, height, upload_channel, upload_expires_at,
         checksum_sha256, created_at, updated_at)
       SELECT id, ws, 'photo-' || n || '.jpg', 'image/jpeg', 180000 + n % 90000, status,
         ws || '/' || id || '/photo.jpg', 'https://cdn.example.com/' || ws || '/' || id || '/photo.jpg',
         'skipped',
         jsonb_build_object('source', 'upload', 'format', 'jpeg', 'space', 'srgb', 'orientation', 1,
           'originalFilename', 'IMG_' || n || '.HEIC', 'camera', 'Pixel 9'),
         CASE WHEN status = 'READY' THEN 1920 END, CASE WHEN status = 'READY' THEN 1080 END,
         'presign', CASE WHEN status = 'PENDING' THEN now() + interval '1 hour' END,
         CASE WHEN status = 'READY' THEN md5(id) || md5(ws || id) END,
         created, created
       FROM (
         SELECT ws, n, 'media_' || substr(md5(ws || n), 1, 24) AS id,
           now() - interval '180 days' + (n::double precision / $${params.length + 1}) * interval '180 days' AS created,
           CASE WHEN ws = $1 AND n <= 5 THEN 'PROCESSING'
                WHEN n > $${params.length + 1} - CASE WHEN ws = $1 THEN 20 ELSE 1 END THEN 'PENDING'
                WHEN n % 40 = 0 THEN 'FAILED' ELSE 'READY' END AS status
         FROM ${workspaceSql}, generate_series(1, $${params.length + 1}) AS n
       ) AS seeded
       ORDER BY created, ws`,
      [...params, count],
    );
  await insertItems('(SELECT $1::text AS ws) AS w', shape.items, [large]);
  await insertItems(
    `(SELECT id AS ws FROM workspaces WHERE id <> $1) AS w`,
    perOther,
    [large],
  );
  // Every item was uploaded; three in four of those READY also have their `media.ready`.
  await db.query(
    `INSERT INTO media_events (id, workspace_id, media_id, type, data, created_at)
     SELECT 'event_' || substr(md5(m.id || e.type), 1, 24), m.workspace_id, m.id, e.type,
       jsonb_build_object('id', m.id, 'status', m.status, 'filename', m.filename,
         'contentType', m.content_type, 'sizeBytes', m.size_bytes, 'publicUrl', m.public_url,
         'width', m.width, 'height', m.height, 'metadata', m.metadata,
         'createdAt', m.created_at, 'updatedAt', m.updated_at),
       m.created_at
     FROM media m
     CROSS JOIN (VALUES ('media.uploaded', 0), ('media.ready', 1)) AS e(type, second)
     WHERE e.second = 0 OR (m.status = 'READY' AND m.seq % 4 <> 0)
     ORDER BY m.seq, e.second`,
  );
  // A relay's batch waiting: the newest 500 events are still queued.
  await db.query(
    `INSERT INTO media_event_queue (seq, event_id, workspace_id, type)
     SELECT seq, id, workspace_id, type FROM media_events ORDER BY seq DESC LIMIT 500`,
  );
  await db.query(
    `INSERT INTO webhook_endpoints (id, workspace_id, url, events, secret_sealed)
     VALUES ('whep_bench_large', $1, 'https://hooks.example.com/media', '{media.ready}', 'sealed')`,
    [large],
  );
  await db.query(
    `INSERT INTO webhook_deliveries (event_id, endpoint_id, state, attempts, created_at, updated_at)
     SELECT id, 'whep_bench_large', 'delivered', 1, created_at, created_at
     FROM media_events WHERE workspace_id = $1 ORDER BY seq LIMIT $2`,
    [large, shape.items],
  );
  await db.query(
    `INSERT INTO webhook_attempts (delivery_id, endpoint_id, event_id, event_type, attempt, status_code, duration_ms, created_at)
     SELECT d.id, d.endpoint_id, d.event_id, 'media.ready', 1, 200, 40, d.created_at
     FROM webhook_deliveries d ORDER BY d.id`,
  );
  await db.query('VACUUM ANALYZE');
  const [{ items, events, size }] = (
    await db.query<{ items: string; events: string; size: string }>(
      `SELECT (SELECT count(*) FROM media) AS items, (SELECT count(*) FROM media_events) AS events,
         pg_size_pretty(pg_database_size(current_database())) AS size`,
    )
  ).rows;
  console.log(
    `  ${shape.label}: ${Number(items).toLocaleString('en')} items, ${Number(events).toLocaleString('en')} events, ${size}, filled in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** A shape ready to be measured: its server, a connection, and what to time on it. */
interface Target {
  api: ServerProcess;
  db: pg.Client;
  routes: Map<string, () => Promise<void>>;
  /** Opens another workspace's status tab 200 times, so pooled statements may turn generic. */
  flip: () => Promise<void>;
  passes: Map<string, () => Promise<void>>;
}

async function prepare(shape: Shape): Promise<Target> {
  await dropBenchDatabase(shape.database);
  const api: ServerProcess = startServerProcess(await freePort(), {
    ...serverEnvironment(shape, 'api'),
    RECONCILER_INTERVAL_SECONDS: '0',
  });
  // As the app's pool connects (database.module.ts): JIT off.
  const db = new pg.Client({
    connectionString: shape.url,
    options: '-c jit=off',
  });
  await api.ready(600_000);
  const key = /mk_live_[0-9A-Za-z]{32}/.exec(api.output())![0];
  api.discardOutput();
  await db.connect();
  const [{ id: large }] = (
    await db.query<{ id: string }>('SELECT id FROM workspaces')
  ).rows;
  await fill(db, shape, large);
  const created = await runProcess(
    process.execPath,
    [
      SERVER_ENTRY.replace(/main\.js$/, 'cli.js'),
      'apikey:create',
      '--workspace',
      'workspace_bench000001',
      '--scopes',
      'media:read',
      '--json',
    ],
    serverEnvironment(shape, 'api'),
  );
  if (created.code !== 0) {
    throw new Error(`apikey:create: ${created.stdout}${created.stderr}`);
  }
  const otherKey = (JSON.parse(created.stdout) as { key: string }).key;

  const get =
    (path: string, apiKey = key) =>
    async () => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      await response.arrayBuffer();
      if (response.status !== 200) {
        throw new Error(`${path}: ${response.status}`);
      }
    };
  const ids = (
    await db.query<{ id: string }>(
      `SELECT id FROM media WHERE workspace_id = $1 AND status = 'READY' ORDER BY random() LIMIT 100`,
      [large],
    )
  ).rows.map((row) => row.id);
  let next = 0;
  const [{ seq: middle }] = (
    await db.query<{ seq: string }>(
      `SELECT seq FROM media WHERE workspace_id = $1 ORDER BY seq OFFSET $2 LIMIT 1`,
      [large, Math.floor(shape.items / 2)],
    )
  ).rows;
  const cursor = new SealedCursors(
    new SigningKeys(SECRET).keyring('media-list-cursor'),
  ).encode(large, Number(middle));
  const presign = JSON.stringify({
    filename: 'bench.pdf',
    contentType: 'application/pdf',
    sizeBytes: 1000,
  });
  const processing = get('/v1/media?limit=20&status=processing');
  const routes = new Map<string, () => Promise<void>>([
    [
      'GET /v1/media/:id',
      async () => get(`/v1/media/${ids[next++ % ids.length]}`)(),
    ],
    ['GET /v1/media (first page)', get('/v1/media?limit=20')],
    [
      'GET /v1/media (page half-way down)',
      get(`/v1/media?limit=20&cursor=${encodeURIComponent(cursor)}`),
    ],
    ['GET /v1/media?status=failed', get('/v1/media?limit=20&status=failed')],
    ['GET /v1/media?status=processing (rare)', processing],
    [
      'POST /v1/media/upload (presign)',
      async () => {
        const response = await fetch(`${api.baseUrl}/v1/media/upload`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${key}`,
            'content-type': 'application/json',
          },
          body: presign,
        });
        await response.arrayBuffer();
        if (response.status !== 201) {
          throw new Error(`presign: ${response.status}`);
        }
      },
    ],
    [FLIPPED, processing],
  ]);

  const now = new Date();
  const statements: Array<[string, string, unknown[]]> = [
    [
      'reconciler: recent uploads',
      RECOVERY_STATEMENTS.recentUploads.text('*'),
      [new Date(now.getTime() - 3_600_000), 200],
    ],
    [
      'reconciler: expired uploads',
      RECOVERY_STATEMENTS.expiredUploads.text('"media".*'),
      [new Date(now.getTime() - 86_400_000), 500, '', 100],
    ],
    [
      'reconciler: abandoned multipart',
      `SELECT * FROM "media" ${RECOVERY_STATEMENTS.abandonedMultipart.rest}`,
      [200, ''],
    ],
    [
      'processing recovery',
      RECOVERY_STATEMENTS.staleProcessing.text('*'),
      [new Date(now.getTime() - 600_000), 500, '-infinity', ''],
    ],
    [
      'validation recovery',
      RECOVERY_STATEMENTS.forgottenValidations.text,
      [new Date(now.getTime() - 600_000), 200],
    ],
  ];
  // Statements that change rows run in a transaction rolled back after each run.
  statements.push(
    ['outbox relay: claim 500 events', OUTBOX_STATEMENTS.claim, [500]],
    [
      'retention: one batch of 1,000 (30-day horizon)',
      OUTBOX_STATEMENTS.deleteDispatched,
      [new Date(now.getTime() - 30 * 86_400_000), 1_000],
    ],
  );
  // The worst case a pooled connection can reach: the generic plan.
  await db.query('SET plan_cache_mode = force_generic_plan');
  const passes = new Map(
    statements.map(([name, text, values]) => [
      `pass: ${name}`,
      async () => {
        await db.query('BEGIN');
        await db.query({ name: name.replace(/\W+/g, '_'), text, values });
        await db.query('ROLLBACK');
      },
    ]),
  );
  return {
    api,
    db,
    routes,
    passes,
    flip: async () => {
      await timed(200, get('/v1/media?limit=20&status=failed', otherKey));
    },
  };
}

const FLIPPED = 'GET ?status=processing after 200 × another workspace';

/**
 * Times `work` on both shapes in alternating blocks (which goes first alternates too): this
 * shared machine's speed drifts within a minute, and blocks side by side stay comparable.
 */
async function interleaved(
  small: () => Promise<void>,
  large: () => Promise<void>,
  runs: number,
): Promise<[Timing, Timing]> {
  const block = 10;
  const times: [number[], number[]] = [[], []];
  const run = async (index: 0 | 1) => {
    for (let i = 0; i < block; i += 1) {
      const started = performance.now();
      await (index === 0 ? small : large)();
      times[index].push(performance.now() - started);
    }
  };
  for (let round = 0; round < runs / block; round += 1) {
    const first = (round % 2) as 0 | 1;
    await run(first);
    await run(first === 0 ? 1 : 0);
  }
  return times.map((values) => {
    values.sort((a, b) => a - b);
    return { p50: percentile(values, 0.5), p95: percentile(values, 0.95) };
  }) as [Timing, Timing];
}

/**
 * Adds the backlogs to the large shape and times a worker process on the default schedule until
 * its passes report them all handled (their log lines: `Reconciled uploads`, `Queued … again`).
 */
async function catchUp(shape: Shape): Promise<void> {
  const db = new pg.Client({ connectionString: shape.url });
  await db.connect();
  try {
    const [{ id: large }] = (
      await db.query<{ id: string }>(
        `SELECT id FROM workspaces WHERE id NOT LIKE 'workspace_bench%'`,
      )
    ).rows;
    await db.query(
      `INSERT INTO media (id, workspace_id, filename, content_type, status, storage_path, public_url,
         validation_status, metadata, upload_channel, upload_expires_at, created_at, updated_at)
       SELECT 'media_backlog' || n, ws, 'never.jpg', 'image/jpeg', 'PENDING',
         ws || '/media_backlog' || n || '/never.jpg', 'https://cdn.example.com/x', 'skipped',
         '{"source": "upload"}', 'presign', now() - interval '3 days', now() - interval '3 days',
         now() - interval '3 days'
       FROM generate_series(1, $1) AS n,
         LATERAL (SELECT CASE WHEN n % 3 = 0
           THEN 'workspace_bench' || lpad((n % 999 + 1)::text, 6, '0') ELSE $2 END AS ws) AS w`,
      [EXPIRED_BACKLOG, large],
    );
    await db.query(
      `UPDATE media SET status = 'PROCESSING', updated_at = now() - interval '1 day'
       WHERE id IN (SELECT id FROM media WHERE status = 'READY' ORDER BY seq DESC LIMIT $1)`,
      [STALE_BACKLOG],
    );
    await db.query('ANALYZE media');
  } finally {
    await db.end();
  }
  const started = performance.now();
  const worker = startServerProcess(await freePort(), {
    ...serverEnvironment(shape, 'worker'),
    PROCESSING_CONCURRENCY: '1',
  });
  worker.discardOutput();
  let expired = 0;
  let requeued = 0;
  const done: Record<string, number> = {};
  const elapsed = () => (performance.now() - started) / 1000;
  let partial = '';
  worker.child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const reconciled =
        /Reconciled uploads: \{[^}]*\\?"expired\\?":(\d+)/.exec(line);
      const queued = /Queued (\d+) stale PROCESSING items again/.exec(line);
      expired += Number(reconciled?.[1] ?? 0);
      requeued += Number(queued?.[1] ?? 0);
      if (expired >= EXPIRED_BACKLOG) done.expired ??= elapsed();
      if (requeued >= STALE_BACKLOG) done.requeued ??= elapsed();
    }
  });
  try {
    while (done.expired === undefined || done.requeued === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (worker.child.exitCode !== null) {
        throw new Error(`the worker exited with ${worker.child.exitCode}`);
      }
    }
  } finally {
    await worker.stop();
  }
  console.log(
    `\nBacklog on the ${shape.label} shape, one worker process, passes every 60 s (the first a minute after boot):\n` +
      `  ${EXPIRED_BACKLOG.toLocaleString('en')} long-expired uploads failed      ${done.expired.toFixed(0)} s after start\n` +
      `  ${STALE_BACKLOG.toLocaleString('en')} stale PROCESSING items queued again  ${done.requeued.toFixed(0)} s after start`,
  );
}

function row(name: string, small: Timing, large: Timing): string {
  const ratio = large.p50 / small.p50;
  return `  ${name.padEnd(52)} ${small.p50.toFixed(2).padStart(8)} ${large.p50.toFixed(2).padStart(9)}   ${ratio.toFixed(2)}×   (p95 ${small.p95.toFixed(2)} / ${large.p95.toFixed(2)})`;
}

async function main(): Promise<void> {
  await ensureBuilt({ log: (line: string) => console.log(line) });
  const stamp = Date.now().toString(36);
  const shapes: Shape[] = [];
  for (const [label, items] of [
    ['small', SMALL],
    ['large', LARGE],
  ] as const) {
    const database = `media_api_bench_scale_${label}_${stamp}`;
    shapes.push({
      label: `${items.toLocaleString('en')}-item`,
      items,
      database,
      url: `postgres://postgres@127.0.0.1:5432/${database}`,
      storageDir: await mkdtemp(join(tmpdir(), 'bench-scale-')),
    });
  }
  const targets: Target[] = [];
  try {
    console.log('Building the shapes:');
    for (const shape of shapes) {
      targets.push(await prepare(shape));
    }
    const [small, large] = targets;
    console.log(
      `\nms, p50 (${shapes[0].label} → ${shapes[1].label} workspace), ratio; ${REQUESTS} requests one at a time, ${PASS_RUNS} runs per pass (generic plan), small and large in alternating blocks:`,
    );
    for (const [name, request] of small.routes) {
      if (name === FLIPPED) {
        await small.flip();
        await large.flip();
      }
      await interleaved(request, large.routes.get(name)!, WARMUP);
      const [a, b] = await interleaved(
        request,
        large.routes.get(name)!,
        REQUESTS,
      );
      console.log(row(name, a, b));
    }
    for (const [name, pass] of small.passes) {
      await interleaved(pass, large.passes.get(name)!, 10);
      const [a, b] = await interleaved(
        pass,
        large.passes.get(name)!,
        PASS_RUNS,
      );
      console.log(row(name, a, b));
    }
    for (const target of targets.splice(0)) {
      await target.db.end();
      await target.api.stop();
    }
    await sizes(shapes[1]);
    await catchUp(shapes[1]);
  } finally {
    for (const target of targets) {
      await target.db.end().catch(() => undefined);
      await target.api.stop();
    }
    for (const shape of shapes) {
      await dropBenchDatabase(shape.database);
      await rm(shape.storageDir, { recursive: true, force: true });
    }
  }
}

/** What an item costs on disk, by table and by index, on the large shape. */
async function sizes(shape: Shape): Promise<void> {
  const db = new pg.Client({ connectionString: shape.url });
  await db.connect();
  try {
    const { rows } = await db.query<{
      name: string;
      table: string;
      bytes: string;
      items: string;
    }>(
      `SELECT c.relname AS name, coalesce(t.relname, c.relname) AS table,
         pg_relation_size(c.oid) AS bytes, (SELECT count(*) FROM media) AS items
       FROM pg_class c
       LEFT JOIN pg_index i ON i.indexrelid = c.oid
       LEFT JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       WHERE c.relkind IN ('r', 'i') AND pg_relation_size(c.oid) > 0
       ORDER BY coalesce(t.relname, c.relname), c.relkind DESC, pg_relation_size(c.oid) DESC`,
    );
    const items = Number(rows[0]?.items ?? 1);
    const total = rows.reduce((sum, r) => sum + Number(r.bytes), 0);
    console.log(
      `\nBytes per item on the ${shape.label} shape (${items.toLocaleString('en')} items; heap without TOAST): ${(total / items).toFixed(0)} in all`,
    );
    for (const r of rows) {
      const perItem = Number(r.bytes) / items;
      if (perItem >= 1) {
        console.log(
          `  ${(r.name === r.table ? r.name : `  ${r.name}`).padEnd(48)} ${perItem.toFixed(0).padStart(6)}`,
        );
      }
    }
  } finally {
    await db.end();
  }
}

await main();
