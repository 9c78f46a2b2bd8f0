import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<
  ReturnType<ThrottlerStorage['increment']>
>;
import { Redis } from 'ioredis';

/**
 * Takes its cost in tokens from each bucket, atomically and in one round trip: from all of them
 * when every one has enough, from none otherwise. KEYS are the buckets, ARGV their capacity, ms per
 * token and cost in threes. The clock is Redis' own (TIME), so every app process sees the same
 * buckets. Returns per bucket: had enough tokens (1/0), whole tokens left, ms until enough are
 * available, ms until full.
 */
const TAKE_TOKENS = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tokens = {}
local allowed = true
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[3 * i - 2])
  local interval = tonumber(ARGV[3 * i - 1])
  local cost = tonumber(ARGV[3 * i])
  local state = redis.call('HMGET', KEYS[i], 'tokens', 'at')
  local available = tonumber(state[1]) or capacity
  local at = tonumber(state[2]) or now
  tokens[i] = math.min(capacity, available + math.max(0, now - at) / interval)
  if tokens[i] < cost then allowed = false end
end
local result = {}
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[3 * i - 2])
  local interval = tonumber(ARGV[3 * i - 1])
  local cost = tonumber(ARGV[3 * i])
  local left = tokens[i]
  if allowed then left = left - cost end
  redis.call('HSET', KEYS[i], 'tokens', tostring(left), 'at', now)
  local full = math.ceil((capacity - left) * interval)
  redis.call('PEXPIRE', KEYS[i], full + 1000)
  local had = 0
  local wait = 0
  if tokens[i] >= cost then had = 1 else wait = math.ceil((cost - left) * interval) end
  result[i] = {had, math.floor(left), wait, full}
end
return result`;

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
  ): Promise<Array<[number, number, number, number]>>;
};

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

  constructor(@Inject(Redis) redis: Redis) {
    // A defined command runs by EVALSHA: the script is sent once, not with every request.
    redis.defineCommand('takeTokens', { lua: TAKE_TOKENS });
    this.redis = redis as BucketClient;
  }

  async takeAll(buckets: Bucket[]): Promise<TakenBucket[]> {
    const taken = await this.redis.takeTokens(
      buckets.length,
      ...buckets.map((bucket) => `rate:${bucket.key}`),
      ...buckets.flatMap((bucket) => [
        bucket.capacity,
        bucket.intervalMs,
        bucket.cost ?? 1,
      ]),
    );
    return taken.map(([had, left, waitMs, fullMs], index) => ({
      capacity: buckets[index].capacity,
      allowed: had === 1,
      remaining: left,
      tokenInSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      fullInSeconds: Math.ceil(fullMs / 1000),
    }));
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
