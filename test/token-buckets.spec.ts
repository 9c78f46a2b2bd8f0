import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { TokenBuckets } from '../src/infra/redis/token-buckets.js';

/** The buckets against a real Redis: the script is what every replica runs. */
describe('TokenBuckets', () => {
  let redis: Redis;
  let buckets: TokenBuckets;

  beforeAll(() => {
    redis = new Redis(inject('redisUrl'), {
      keyPrefix: `${inject('redisKeyPrefix')}-token-buckets:`,
    });
    buckets = new TokenBuckets(redis);
  });
  afterAll(() => redis.quit());

  const bucket = (key: string, capacity: number) => ({
    key,
    capacity,
    // One token back a minute: nothing refills while the test runs.
    intervalMs: 60_000,
  });

  it('takes from every bucket in one call and reports the tightest numbers per bucket', async () => {
    const taken = await buckets.takeAll([
      bucket('tier:a', 5),
      bucket('route:a', 2),
    ]);
    expect(taken).toEqual([
      {
        capacity: 5,
        allowed: true,
        remaining: 4,
        tokenInSeconds: 1,
        fullInSeconds: 60,
      },
      {
        capacity: 2,
        allowed: true,
        remaining: 1,
        tokenInSeconds: 1,
        fullInSeconds: 60,
      },
    ]);
  });

  it('refuses when one bucket is empty, and then takes nothing from the others', async () => {
    const tier = bucket('tier:b', 5);
    const route = bucket('route:b', 1);
    expect(
      (await buckets.takeAll([tier, route])).map((b) => b.allowed),
    ).toEqual([true, true]);
    const refused = await buckets.takeAll([tier, route]);
    expect(refused.map((b) => [b.allowed, b.remaining])).toEqual([
      [true, 4],
      [false, 0],
    ]);
    expect(refused[1].tokenInSeconds).toBe(60);
    expect((await buckets.takeAll([tier]))[0].remaining).toBe(3);
  });

  it("takes a request's cost in tokens, and says when that many are back", async () => {
    const route = { ...bucket('route:c', 5), cost: 3 };
    expect((await buckets.takeAll([route]))[0]).toMatchObject({
      allowed: true,
      remaining: 2,
    });
    const refused = (await buckets.takeAll([route]))[0];
    expect(refused).toMatchObject({ allowed: false, remaining: 2 });
    expect(refused.tokenInSeconds).toBe(60);
    expect((await buckets.takeAll([{ ...route, cost: 2 }]))[0]).toMatchObject({
      allowed: true,
      remaining: 0,
    });
  });

  it('serves requests of one turn from one script run, each with the outcome it would have had alone', async () => {
    const tier = bucket('tier:d', 3);
    const other = bucket('tier:e', 1);
    const client = redis as Redis & {
      takeTokens: (...args: unknown[]) => unknown;
    };
    const runs = vi.spyOn(client, 'takeTokens');
    const [d1, d2, e1, d3, d4, e2] = await Promise.all([
      buckets.takeAll([tier]),
      buckets.takeAll([tier]),
      buckets.takeAll([other]),
      buckets.takeAll([tier]),
      buckets.takeAll([tier]),
      buckets.takeAll([other]),
    ]);
    expect(runs).toHaveBeenCalledTimes(2);
    runs.mockRestore();
    expect([d1, d2, d3, d4].map(([b]) => [b.allowed, b.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(d4[0].tokenInSeconds).toBe(60);
    expect([e1, e2].map(([b]) => [b.allowed, b.remaining])).toEqual([
      [true, 0],
      [false, 0],
    ]);
    expect((await buckets.takeAll([tier]))[0].allowed).toBe(false);
  });

  it('takes all-or-none per request within a shared run', async () => {
    const tier = bucket('tier:f', 5);
    const route = { ...bucket('route:f', 4), cost: 3 };
    const [first, second] = await Promise.all([
      buckets.takeAll([tier, route]),
      buckets.takeAll([tier, route]),
    ]);
    expect(first.map((b) => [b.allowed, b.remaining])).toEqual([
      [true, 4],
      [true, 1],
    ]);
    expect(second.map((b) => [b.allowed, b.remaining])).toEqual([
      [true, 4],
      [false, 1],
    ]);
    expect(second[1].tokenInSeconds).toBe(120);
  });
});
