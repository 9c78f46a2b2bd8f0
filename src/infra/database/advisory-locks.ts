import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Runs `work` on one pooled connection holding the session-level advisory lock `lockId`: waiting
 * for it (`wait: true`), or giving up at once when another session holds it. A process that dies
 * mid-work drops its connection, which releases the lock. Returns whether `work` ran.
 */
export async function withAdvisoryLock(
  dataSource: DataSource,
  lockId: number,
  { wait }: { wait: boolean },
  work: () => Promise<void>,
): Promise<boolean> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    if (wait) {
      await runner.query('SELECT pg_advisory_lock($1)', [lockId]);
    } else {
      const [{ locked }] = (await runner.query(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [lockId],
      )) as Array<{ locked: boolean }>;
      if (!locked) {
        return false;
      }
    }
    try {
      await work();
    } finally {
      // An unlock fails only with a broken connection, whose session (and lock) is gone with it.
      await runner
        .query('SELECT pg_advisory_unlock($1)', [lockId])
        .catch(() => undefined);
    }
    return true;
  } finally {
    await runner.release();
  }
}

/** PostgreSQL advisory locks (ids in `LOCKS`), for work one process may do at a time. */
@Injectable()
export class AdvisoryLocks {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` unless another process holds the lock; returns whether it ran. */
  tryExclusive(lockId: number, work: () => Promise<void>): Promise<boolean> {
    return withAdvisoryLock(this.dataSource, lockId, { wait: false }, work);
  }

  /** Waits for the lock, then runs `work`. */
  async exclusive(lockId: number, work: () => Promise<void>): Promise<void> {
    await withAdvisoryLock(this.dataSource, lockId, { wait: true }, work);
  }
}
