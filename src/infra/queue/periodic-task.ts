import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface PeriodicTaskDefinition {
  /** Shown in logs. */
  name: string;
  /** A PostgreSQL advisory lock id unique to this task, shared by every replica. */
  lockId: number;
  intervalMs: number;
  run: () => Promise<void>;
}

/**
 * Runs a task every interval in each worker process, and at most once at a time across all of
 * them: each pass first takes a PostgreSQL advisory lock and skips when another process holds it.
 * The schedule lives in the processes, not in Redis, so a Redis restarted without its data (which
 * forgets Bull's repeatable jobs) cannot stop recovery; and a process that dies mid-pass drops its
 * connection, which releases the lock.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private stopped = false;

  private constructor(
    private readonly dataSource: DataSource,
    private readonly task: PeriodicTaskDefinition,
    private readonly logger: Logger,
  ) {}

  static start(
    dataSource: DataSource,
    task: PeriodicTaskDefinition,
    logger: Logger,
  ): PeriodicTask {
    const periodic = new PeriodicTask(dataSource, task, logger);
    periodic.schedule();
    return periodic;
  }

  /** Stops scheduling and waits for a running pass to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.current = this.pass().finally(() => {
        this.current = undefined;
        this.schedule();
      });
    }, this.task.intervalMs);
  }

  private async pass(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = (await runner.query(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [this.task.lockId],
      )) as Array<{ locked: boolean }>;
      if (!locked) {
        return;
      }
      try {
        await this.task.run();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [this.task.lockId]);
      }
    } catch (error) {
      // The next pass tries again; a database or Redis outage must not end the schedule.
      this.logger.warn(`${this.task.name} pass failed: ${String(error)}`);
    } finally {
      await runner.release();
    }
  }
}
