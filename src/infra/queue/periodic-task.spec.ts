import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { PeriodicTask } from './periodic-task.js';

/** Against the real PostgreSQL: the advisory lock is what keeps replicas from overlapping. */
describe('PeriodicTask', () => {
  let dataSource: DataSource;
  const logger = new Logger('PeriodicTaskSpec');

  beforeAll(async () => {
    const url = new URL(inject('databaseUrl'));
    url.pathname = '/postgres';
    dataSource = await new DataSource({
      type: 'postgres',
      url: url.toString(),
    }).initialize();
  });
  afterAll(() => dataSource?.destroy());

  it('runs every interval, one pass at a time across several schedulers, and stop waits for a running pass', async () => {
    let running = 0;
    let overlapped = false;
    let passes = 0;
    const task = {
      name: 'spec task',
      lockId: 990_001,
      intervalMs: 20,
      run: async () => {
        running += 1;
        overlapped ||= running > 1;
        passes += 1;
        await new Promise((resolve) => setTimeout(resolve, 60));
        running -= 1;
      },
    };
    const replicas = [1, 2, 3].map(() =>
      PeriodicTask.start(dataSource, task, logger),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    await Promise.all(replicas.map((replica) => replica.stop()));
    expect(running).toBe(0);
    expect(overlapped).toBe(false);
    expect(passes).toBeGreaterThanOrEqual(4);
    const settled = passes;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(passes).toBe(settled);
  });

  it('keeps its schedule after a failing pass', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    let calls = 0;
    const periodic = PeriodicTask.start(
      dataSource,
      {
        name: 'flaky',
        lockId: 990_002,
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
});
