import { Logger } from '@nestjs/common';
import Bull from 'bull';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { admitUnderCap } from './job-caps.js';
import { ProcessingLoop } from './processing-loop.js';
import { WorkSlots } from './work-slots.js';

interface Work {
  group: string;
  n: number;
}

/**
 * Against the test run's real Redis and Bull: two queue instances stand for two worker processes
 * (each its own connections and lock token), sharing the slots in Redis.
 */
describe('capped jobs (admitUnderCap, WorkSlots)', () => {
  const logger = new Logger('JobCapsSpec');
  let serial = 0;
  const opened: Array<{ close(): Promise<void> }> = [];

  function redis(): Redis {
    const client = new Redis(inject('redisUrl'), {
      keyPrefix: `${inject('redisKeyPrefix')}:caps-spec:`,
    });
    opened.push({
      close: async () => {
        client.disconnect();
      },
    });
    return client;
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((item) => item.close()));
  });

  it('runs at most the limit of a group at once across workers, starts other groups at once, and runs every waiting job in the end', async () => {
    serial += 1;
    const name = `capped-${serial}-${Date.now()}`;
    const prefix = `${inject('redisKeyPrefix')}:caps-spec`;
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    const finished: Work[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const waits: number[] = [];
    vi.spyOn(logger, 'debug').mockImplementation(() => undefined);

    const workers = [1, 2].map((worker) => {
      const queue = new Bull<Work>(name, inject('redisUrl'), { prefix });
      const slots = new WorkSlots(redis());
      const loop = ProcessingLoop.start(
        queue,
        'work',
        4,
        async (job) => {
          const { group } = job.data;
          running.set(group, (running.get(group) ?? 0) + 1);
          most.set(group, Math.max(most.get(group) ?? 0, running.get(group)!));
          if (group === 'a') await released;
          running.set(group, running.get(group)! - 1);
          finished.push(job.data);
        },
        logger,
        admitUnderCap({
          queue,
          slots,
          cap: `spec-${serial}`,
          limit: 2,
          place: async (data) => ({ group: (data as Work).group }),
          onWait: () => waits.push(worker),
          logger,
        }),
      );
      opened.push({
        close: async () => {
          await loop.stop();
          await queue.close();
        },
      });
      return queue;
    });

    const [producer] = workers;
    for (let n = 0; n < 10; n += 1) {
      await producer.add('work', { group: 'a', n }, { jobId: `a:${n}` });
    }
    // Eight of group a have found the cap full and wait in the delayed set, out of the workers' slots.
    await vi.waitFor(
      async () => {
        expect(running.get('a')).toBe(2);
        expect(await producer.getDelayedCount()).toBe(8);
      },
      { timeout: 10_000, interval: 20 },
    );
    await producer.add('work', { group: 'b', n: 0 }, { jobId: 'b:0' });
    await vi.waitFor(
      () => expect(finished).toContainEqual({ group: 'b', n: 0 }),
      { timeout: 10_000, interval: 20 },
    );
    // b went through while both of a's slots were still taken, and no third a started meanwhile.
    expect(running.get('a')).toBe(2);
    expect(finished.filter((work) => work.group === 'a')).toEqual([]);
    expect(waits.length).toBeGreaterThanOrEqual(8);

    release();
    await vi.waitFor(
      () =>
        expect(finished.filter((work) => work.group === 'a')).toHaveLength(10),
      { timeout: 30_000, interval: 50 },
    );
    expect(most.get('a')).toBe(2);
    // Waiting cost no attempt: every job completed on its first.
    const counts = await producer.getJobCounts();
    expect(counts).toMatchObject({
      active: 0,
      delayed: 0,
      failed: 0,
      waiting: 0,
    });
  });

  it('gives back the slot of a holder that never released it once its lease runs out', async () => {
    const cap = `lease-${Date.now()}`;
    // The dying worker: its connection goes with it, so nothing renews or releases its slot.
    const dyingClient = redis();
    const dying = new WorkSlots(dyingClient);
    dying.leaseMs = 300;
    expect(await dying.acquire(cap, 'g', 'dead-worker-job', 1)).toMatchObject({
      taken: true,
    });
    dyingClient.disconnect();

    const slots = new WorkSlots(redis());
    slots.leaseMs = 300;
    expect(await slots.acquire(cap, 'g', 'other', 1)).toMatchObject({
      taken: false,
    });
    // The same job run again by another worker (Bull's stalled-job recovery) keeps its own slot.
    const rerun = await slots.acquire(cap, 'g', 'dead-worker-job', 1);
    expect(rerun.taken).toBe(true);
    if (rerun.taken) await rerun.slot.release();
    expect(await slots.acquire(cap, 'g', 'other', 1)).toMatchObject({
      taken: true,
    });

    // Without the re-run, the lease alone gives the slot back.
    const lapsing = await dyingSlot(cap, 'h');
    expect(await slots.acquire(cap, 'h', 'other', 1)).toMatchObject({
      taken: false,
    });
    await vi.waitFor(
      async () =>
        expect(await slots.acquire(cap, 'h', 'other', 1)).toMatchObject({
          taken: true,
        }),
      { timeout: 5_000, interval: 100 },
    );
    expect(lapsing).toBe(true);
  });

  /** Takes a slot of `group` for a worker that then dies (its connection closes). */
  async function dyingSlot(cap: string, group: string): Promise<boolean> {
    const client = redis();
    const slots = new WorkSlots(client);
    slots.leaseMs = 300;
    const request = await slots.acquire(cap, group, `job-of-${group}`, 1);
    client.disconnect();
    return request.taken;
  }

  it('starts from zero when Redis lost the slots, and counts running work again at its next renewal', async () => {
    const client = redis();
    const slots = new WorkSlots(client);
    slots.leaseMs = 300;
    const cap = `flush-${Date.now()}`;
    const held = await slots.acquire(cap, 'g', 'running', 1);
    expect(held.taken).toBe(true);
    // What a Redis restarted without its data shows: no slots at all.
    await client.del(`slots:{${cap}:g}`, `slots:{${cap}:g}:waiting`);
    expect(await slots.heldCount(cap, 'g')).toBe(0);
    await vi.waitFor(
      async () => expect(await slots.heldCount(cap, 'g')).toBe(1),
      { timeout: 5_000, interval: 50 },
    );
    if (held.taken) await held.slot.release();
    expect(await slots.heldCount(cap, 'g')).toBe(0);
  });

  it('lets work run uncapped while Redis does not answer', async () => {
    const client = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    const slots = new WorkSlots(client);
    const warn = vi
      .spyOn(Logger.prototype, 'warn')
      .mockImplementation(() => undefined);
    try {
      const request = await slots.acquire('offline', 'g', 'job', 1);
      expect(request.taken).toBe(true);
      if (request.taken) expect(await request.slot.release()).toEqual([]);
    } finally {
      warn.mockRestore();
      client.disconnect();
    }
  });
});
