import type { DataSource } from 'typeorm';

/** Arbitrary constant shared by every replica: "media-api migrations". */
const MIGRATION_LOCK_ID = 724_311_905;

/**
 * Runs pending migrations while holding a session-level advisory lock, so replicas booting together
 * run them exactly once; the others wait, then find nothing pending.
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID])
      .catch(() => undefined);
    await runner.release();
  }
}
