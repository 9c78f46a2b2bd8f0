import type { Logger } from '@nestjs/common';
import { CATCH_UP_PAUSE_MS, runPass } from './batched-pass.js';

export interface PeriodicTaskDefinition {
  /** Shown in logs. */
  name: string;
  /** A PostgreSQL advisory lock id unique to this task, shared by every replica. */
  lockId: number;
  intervalMs: number;
  run: () => Promise<unknown>;
}

/** Runs work under an exclusive lock, or reports that another process holds it. */
export interface ExclusiveLocks {
  tryExclusive(lockId: number, work: () => Promise<void>): Promise<boolean>;
}

/**
 * Runs a task every interval in each worker process, and at most once at a time across all of
 * them: each pass first takes the task's advisory lock and skips when another process holds it.
 * The schedule lives in the processes, not in Redis, so a Redis restarted without its data (which
 * forgets Bull's repeatable jobs) cannot stop recovery; and a process that dies mid-pass drops its
 * connection, which releases the lock. A pass that stopped at its time budget with work left is
 * followed by the next a moment later (`inBatchesFor`), so a backlog does not wait an interval per
 * budget's worth.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private stopped = false;

  private constructor(
    private readonly locks: ExclusiveLocks,
    private readonly task: PeriodicTaskDefinition,
    private readonly logger: Logger,
  ) {}

  /** Schedules the first pass after one interval, or at once with `runNow`. */
  static start(
    locks: ExclusiveLocks,
    task: PeriodicTaskDefinition,
    logger: Logger,
    { runNow = false }: { runNow?: boolean } = {},
  ): PeriodicTask {
    const periodic = new PeriodicTask(locks, task, logger);
    periodic.schedule(runNow ? 0 : task.intervalMs);
    return periodic;
  }

  /** Stops scheduling and waits for a running pass to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    this.timer = setTimeout(() => {
      this.current = this.pass().then((workLeft) => {
        this.current = undefined;
        this.schedule(
          workLeft
            ? Math.min(CATCH_UP_PAUSE_MS, this.task.intervalMs)
            : this.task.intervalMs,
        );
      });
    }, delayMs);
  }

  /** True when the pass stopped at its budget with work left (batched-pass.ts). */
  private async pass(): Promise<boolean> {
    let workLeft = false;
    try {
      await this.locks.tryExclusive(this.task.lockId, async () => {
        workLeft = await runPass(this.task.run);
      });
    } catch (error) {
      // The next pass tries again; a database or Redis outage must not end the schedule.
      this.logger.warn(`${this.task.name} pass failed: ${String(error)}`);
    }
    return workLeft;
  }
}
