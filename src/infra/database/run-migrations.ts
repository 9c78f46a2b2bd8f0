import type { DataSource } from 'typeorm';
import { LOCKS } from '../registry.js';
import { withAdvisoryLock } from './advisory-locks.js';

/**
 * Runs pending migrations while holding a session-level advisory lock, so replicas booting together
 * run them exactly once; the others wait, then find nothing pending.
 */
export async function runMigrationsLocked(
  dataSource: DataSource,
): Promise<string[]> {
  let applied: string[] = [];
  await withAdvisoryLock(
    dataSource,
    LOCKS.migrations,
    { wait: true },
    async () => {
      const migrations = await dataSource.runMigrations({
        transaction: 'each',
      });
      applied = migrations.map((migration) => migration.name);
    },
  );
  return applied;
}
