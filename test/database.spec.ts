import pg from 'pg';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { ensureDatabase } from '../src/infra/database/ensure-database.js';
import { assertRedisReachable } from '../src/infra/redis/redis.js';
import { startTestApp, type TestApp } from './support/test-app.js';

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

  it('applied every migration exactly once even with several app instances booting', async () => {
    const second = await startTestApp();
    try {
      const rows = await t.app
        .get(DataSource)
        .query(
          'SELECT name, count(*)::int AS n FROM typeorm_migrations GROUP BY name',
        );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row: { n: number }) => row.n === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });
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
