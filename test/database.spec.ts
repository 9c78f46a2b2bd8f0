import pg from 'pg';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { MIGRATIONS } from '../migrations/index.js';
import { ensureDatabase } from '../src/infra/database/ensure-database.js';
import { assertRedisReachable } from '../src/infra/redis/redis.js';
import { ensureBuilt } from './support/build.js';
import {
  startServerProcess,
  type ServerProcess,
} from './support/server-process.js';
import { freePort, startTestApp, type TestApp } from './support/test-app.js';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('entities and migrations agree: generating a migration would produce nothing', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((query) => query.query)).toEqual([]);
  });
});

describe('several replicas booting at the same moment against a database that does not exist yet', () => {
  const REPLICAS = 4;
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/media_api_replicas_${Date.now().toString(36)}`;
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const replicas: ServerProcess[] = [];

  beforeAll(() => ensureBuilt());

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    try {
      await admin.query(
        `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(url.pathname.slice(1))} WITH (FORCE)`,
      );
    } finally {
      await admin.end();
    }
  });

  it('all create it, migrate it once between them and become ready', async () => {
    const ports = await Promise.all(
      Array.from({ length: REPLICAS }, () => freePort()),
    );
    for (const port of ports) {
      replicas.push(
        startServerProcess(port, {
          NODE_ENV: 'test',
          APP_ROLE: 'api',
          LOG_LEVEL: 'silent',
          DEV_WORKSPACE_SEED: 'false',
          RECONCILER_INTERVAL_SECONDS: '0',
          DATABASE_URL: url.toString(),
          REDIS_URL: inject('redisUrl'),
          REDIS_KEY_PREFIX: `${inject('redisKeyPrefix')}-replicas`,
        }),
      );
    }
    await Promise.all(replicas.map((replica) => replica.ready()));

    const db = new pg.Client({ connectionString: url.toString() });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string; n: number }>(
        'SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name',
      );
      const byName = (a: { name: string }, b: { name: string }) =>
        a.name.localeCompare(b.name);
      expect(rows.sort(byName)).toEqual(
        MIGRATIONS.map((migration) => ({ name: migration.name, n: 1 })).sort(
          byName,
        ),
      );
    } finally {
      await db.end();
    }
  }, 240_000);
});

describe('boot preconditions', () => {
  it('creates the configured database when it does not exist', async () => {
    const name = `media_api_ensure_${Date.now().toString(36)}`;
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${name}`;
    const maintenance = new URL(url);
    maintenance.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await ensureDatabase(url.toString());
    await ensureDatabase(url.toString());
    await admin.connect();
    try {
      const found = await admin.query(
        'SELECT 1 FROM pg_database WHERE datname = $1',
        [name],
      );
      expect(found.rowCount).toBe(1);
    } finally {
      await admin.query(
        `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`,
      );
      await admin.end();
    }
  });

  it('explains in one line which service is unreachable and where', async () => {
    await expect(
      ensureDatabase('postgres://postgres@127.0.0.1:1/media_api'),
    ).rejects.toThrow(
      /^PostgreSQL is not reachable at 127\.0\.0\.1:1 \(DATABASE_URL\): .*ECONNREFUSED/,
    );
    await expect(assertRedisReachable('redis://127.0.0.1:1')).rejects.toThrow(
      /^Redis is not reachable at 127\.0\.0\.1:1 \(REDIS_URL\): .*ECONNREFUSED/,
    );
  });
});
