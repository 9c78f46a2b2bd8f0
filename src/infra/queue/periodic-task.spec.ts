import { Logger } from '@nestjs/common';
import { inBatchesFor } from './batched-pass.js';
import { PeriodicTask, type ExclusiveLocks } from './periodic-task.js';

/** One process's view of advisory locks: held ids, refused while held (see advisory-locks.spec). */
function inMemoryLocks(): ExclusiveLocks {
  const held = new Set<number>();
  return {
    async tryExclusive(lockId, work) {
      if (held.has(lockId)) return false;
      held.add(lockId);
      try {
        await work();
      } finally {
        held.delete(lockId);
      }
      return true;
    },
  };
}

describe('PeriodicTask', () => {
  const logger = new Logger('PeriodicTaskSpec');

  it('runs every interval, one pass at a time across schedulers sharing a lock, and stop waits for a running pass', async () => {
    const locks = inMemoryLocks();
    let running = 0;
    let overlapped = false;
    let passes = 0;
    let release!: () => void;
    const task = {
      name: 'spec task',
      lockId: 1,
      intervalMs: 5,
      run: async () => {
        running += 1;
        overlapped ||= running > 1;
        passes += 1;
        if (passes === 4) {
          await new Promise<void>((resolve) => (release = resolve));
        }
        running -= 1;
      },
    };
    const replicas = [1, 2, 3].map(() =>
      PeriodicTask.start(locks, task, logger),
    );
    await vi.waitFor(() => expect(passes).toBe(4));
    const stopping = Promise.all(replicas.map((replica) => replica.stop()));
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(running).toBe(0);
    expect(overlapped).toBe(false);
    expect(passes).toBe(4);
  });

  it('runs a first pass at once with runNow', async () => {
    let passes = 0;
    const periodic = PeriodicTask.start(
      inMemoryLocks(),
      {
        name: 'eager',
        lockId: 2,
        intervalMs: 3_600_000,
        run: async () => {
          passes += 1;
        },
      },
      logger,
      { runNow: true },
    );
    await vi.waitFor(() => expect(passes).toBe(1));
    await periodic.stop();
  });

  it('keeps its schedule after a failing pass', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    let calls = 0;
    const periodic = PeriodicTask.start(
      inMemoryLocks(),
      {
        name: 'flaky',
        lockId: 3,
        intervalMs: 10,
        run: async () => {
          calls += 1;
          if (calls === 1) throw new Error('Redis went away');
        },
      },
      logger,
    );
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(3));
    await periodic.stop();
    expect(warn).toHaveBeenCalledWith(
      'flaky pass failed: Error: Redis went away',
    );
  });

  it('follows a pass that ran out of budget with work left by the next one soon, not an interval later', async () => {
    let left = 3;
    const batches: number[] = [];
    const periodic = PeriodicTask.start(
      inMemoryLocks(),
      {
        name: 'backlog',
        lockId: 4,
        intervalMs: 3_600_000,
        // A budget of nothing: one batch per pass.
        run: () =>
          inBatchesFor(0, async () => {
            left -= 1;
            batches.push(left);
            return left > 0;
          }),
      },
      logger,
      { runNow: true },
    );
    // A guard against a hang, not a bound: three passes an hour apart would never get here.
    await vi.waitFor(() => expect(batches).toEqual([2, 1, 0]), {
      timeout: 120_000,
    });
    await periodic.stop();
    expect(batches).toEqual([2, 1, 0]);
  });
});
