import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { AdvisoryLocks } from './advisory-locks.js';

/** Against the real PostgreSQL: the advisory lock is what keeps replicas from overlapping. */
describe('AdvisoryLocks', () => {
  let dataSource: DataSource;
  let locks: AdvisoryLocks;

  beforeAll(async () => {
    const url = new URL(inject('databaseUrl'));
    url.pathname = '/postgres';
    dataSource = await new DataSource({
      type: 'postgres',
      url: url.toString(),
    }).initialize();
    locks = new AdvisoryLocks(dataSource);
  });
  afterAll(() => dataSource?.destroy());

  it('lets one holder run while others are refused, and frees the lock afterwards', async () => {
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = locks.tryExclusive(990_001, async () => {
      entered();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await inside;
    let ranSecond = false;
    expect(
      await locks.tryExclusive(990_001, async () => {
        ranSecond = true;
      }),
    ).toBe(false);
    expect(ranSecond).toBe(false);
    release();
    expect(await first).toBe(true);
    expect(await locks.tryExclusive(990_001, async () => undefined)).toBe(true);
  });

  it('makes a waiting holder run after the current one, and releases the lock when work throws', async () => {
    const order: string[] = [];
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = locks.exclusive(990_002, async () => {
      entered();
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first');
    });
    await inside;
    const second = locks.exclusive(990_002, async () => {
      order.push('second');
      throw new Error('boom');
    });
    release();
    await first;
    await expect(second).rejects.toThrow('boom');
    expect(order).toEqual(['first', 'second']);
    expect(await locks.tryExclusive(990_002, async () => undefined)).toBe(true);
  });
});
