import { Logger } from '@nestjs/common';
import Bull from 'bull';
import { inject } from 'vitest';
import { ProcessingLoop } from './processing-loop.js';

/** Against the test run's real Redis: the behaviour under test is Bull's connection handling. */
describe('ProcessingLoop', () => {
  const logger = new Logger('ProcessingLoopSpec');
  let serial = 0;

  function queue(): Bull.Queue<{ n: number }> {
    serial += 1;
    return new Bull(`loop-${serial}`, inject('redisUrl'), {
      prefix: `${inject('redisKeyPrefix')}:loop-spec`,
    });
  }

  it('lets a worker stopped right after it started shut down without unhandled rejections', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      for (let round = 0; round < 15; round += 1) {
        const jobs = queue();
        const loop = ProcessingLoop.start(
          jobs,
          'work',
          1,
          async () => undefined,
          logger,
        );
        await loop.stop();
        await jobs.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('unhandledRejection', record);
    }
    expect(unhandled).toEqual([]);
  });

  it('processes jobs, and stop waits for the one running', async () => {
    const jobs = queue();
    const finished: number[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const loop = ProcessingLoop.start(
      jobs,
      'work',
      1,
      async (job) => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished.push(job.data.n);
      },
      logger,
    );
    await jobs.add('work', { n: 7 });
    await running;
    await loop.stop();
    expect(finished).toEqual([7]);
    await jobs.close();
  });

  it('reports a loop that dies while the process runs as an error', async () => {
    const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const dying = {
      process: () => Promise.reject(new Error('Connection is closed.')),
    } as unknown as Bull.Queue;
    ProcessingLoop.start(dying, 'work', 1, async () => undefined, logger);
    await vi.waitFor(() =>
      expect(error).toHaveBeenCalledWith(
        'work loop stopped; this process takes no more work jobs: Error: Connection is closed.',
      ),
    );
  });
});
