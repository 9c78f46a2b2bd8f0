import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<
  ReturnType<ThrottlerStorage['increment']>
>;
import { Redis } from 'ioredis';

/**
 * Takes, for each of ARGV[1] requests in turn, its cost in tokens from each bucket, atomically and in
 * one round trip: from all of them when every one has enough, from none otherwise. KEYS are the
 * buckets, then ARGV their capacity, ms per token and cost in threes. Each bucket is read and
 * written once however many requests take from it. The clock is Redis' own (TIME), so every app
 * process sees the same buckets. Returns per request, per bucket: had enough tokens (1/0), whole
 * tokens left, ms until enough are available, ms until full.
 */
const TAKE_TOKENS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local requests = tonumber(ARGV[1])
local capacity, interval, cost, tokens = {}, {}, {}, {}
for i = 1, #KEYS do
  capacity[i] = tonumber(ARGV[3 * i - 1])
  interval[i] = tonumber(ARGV[3 * i])
  cost[i] = tonumber(ARGV[3 * i + 1])
  local state = redis.call('HMGET', KEYS[i], 'tokens', 'at')
  local available = tonumber(state[1]) or capacity[i]
  local at = tonumber(state[2]) or now
  tokens[i] = math.min(capacity[i], available + math.max(0, now - at) / interval[i])
end
local results = {}
for r = 1, requests do
  local allowed = true
  for i = 1, #KEYS do
    if tokens[i] < cost[i] then allowed = false end
  end
  local result = {}
  for i = 1, #KEYS do
    local had = 0
    local wait = 0
    if tokens[i] >= cost[i] then had = 1 end
    if allowed then
      tokens[i] = tokens[i] - cost[i]
    elseif had == 0 then
      wait = math.ceil((cost[i] - tokens[i]) * interval[i])
    end
    result[i] = {had, math.floor(tokens[i]), wait, math.ceil((capacity[i] - tokens[i]) * interval[i])}
  end
  results[r] = result
end
for i = 1, #KEYS do
  redis.call('HSET', KEYS[i], 'tokens', tostring(tokens[i]), 'at', now)
  redis.call('PEXPIRE', KEYS[i], math.ceil((capacity[i] - tokens[i]) * interval[i]) + 1000)
end
return results`;

/**
 * A bucket a request draws from: the tier's or route's burst as capacity, refilled one token per
 * interval; the request takes `cost` tokens (1 unless given, never above the capacity).
 */
export interface Bucket {
  key: string;
  capacity: number;
  intervalMs: number;
  cost?: number;
}

export interface TakenBucket {
  capacity: number;
  /** The bucket had the request's cost; the request went through only if every bucket had. */
  allowed: boolean;
  remaining: number;
  /** Seconds until the bucket has the request's cost again (≥ 1), for `Retry-After`. */
  tokenInSeconds: number;
  /** Seconds until the bucket is full again, for `X-RateLimit-Reset`. */
  fullInSeconds: number;
}

type BucketClient = Redis & {
  takeTokens(
    count: number,
    ...keysThenArgs: Array<string | number>
  ): Promise<Array<Array<[number, number, number, number]>>>;
};

/** Requests waiting, within one turn of the event loop, to take from the same buckets. */
interface PendingTakes {
  buckets: Bucket[];
  waiters: Array<{
    resolve: (taken: TakenBucket[]) => void;
    reject: (error: unknown) => void;
  }>;
}

/**
 * @nestjs/throttler's storage as token buckets in Redis (docs/contracts.md#rate-limits: capacity =
 * burst, refilled at the limit per 60 s), shared by all replicas. The throttler's storage interface
 * speaks of hits in a window; here `limit` is the bucket's capacity and `ttl` the milliseconds one
 * token takes to come back, and the record says: hits = capacity − tokens left, expiry = seconds
 * until full, block = seconds until the next token. The maintained Redis storage for the throttler
 * is a fixed window (a token bucket with burst is what the limits need) and its peer range stops at
 * Nest 11, hence our own.
 */
@Injectable()
export class TokenBuckets implements ThrottlerStorage {
  private readonly redis: BucketClient;
  private pending = new Map<string, PendingTakes>();

  constructor(@Inject(Redis) redis: Redis) {
    // A defined command runs by EVALSHA: the script is sent once, not with every request.
    redis.defineCommand('takeTokens', { lua: TAKE_TOKENS });
    this.redis = redis as BucketClient;
  }

  /**
   * Takes a request's tokens. Requests arriving in the same turn of the event loop for the same
   * buckets (one workspace's concurrent calls) take theirs in one script run, in arrival order, with
   * the outcome each would have had alone: one command and one read and write of each bucket
   * instead of one per request (docs/performance.md#rate-limit-guard).
   */
  takeAll(buckets: Bucket[]): Promise<TakenBucket[]> {
    const signature = buckets
      .map(
        (bucket) =>
          `${bucket.key}\n${bucket.capacity}\n${bucket.intervalMs}\n${bucket.cost ?? 1}`,
      )
      .join('\n');
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) setImmediate(() => this.flush());
      const takes = this.pending.get(signature);
      if (takes) {
        takes.waiters.push({ resolve, reject });
      } else {
        this.pending.set(signature, {
          buckets,
          waiters: [{ resolve, reject }],
        });
      }
    });
  }

  private flush(): void {
    const groups = this.pending;
    this.pending = new Map();
    for (const { buckets, waiters } of groups.values()) {
      this.redis
        .takeTokens(
          buckets.length,
          ...buckets.map((bucket) => `rate:${bucket.key}`),
          waiters.length,
          ...buckets.flatMap((bucket) => [
            bucket.capacity,
            bucket.intervalMs,
            bucket.cost ?? 1,
          ]),
        )
        .then(
          (results) =>
            results.forEach((taken, index) =>
              waiters[index].resolve(
                taken.map(([had, left, waitMs, fullMs], bucket) => ({
                  capacity: buckets[bucket].capacity,
                  allowed: had === 1,
                  remaining: left,
                  tokenInSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
                  fullInSeconds: Math.ceil(fullMs / 1000),
                })),
              ),
            ),
          (error: unknown) => {
            for (const waiter of waiters) waiter.reject(error);
          },
        );
    }
  }

  /** The throttler's storage interface, for one bucket (RateLimitGuard takes its buckets together). */
  async increment(
    key: string,
    ttl: number,
    limit: number,
  ): Promise<ThrottlerStorageRecord> {
    const [bucket] = await this.takeAll([
      { key, capacity: limit, intervalMs: ttl },
    ]);
    return {
      totalHits: limit - bucket.remaining,
      timeToExpire: bucket.fullInSeconds,
      isBlocked: !bucket.allowed,
      timeToBlockExpire: bucket.tokenInSeconds,
    };
  }
}
