import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<
  ReturnType<ThrottlerStorage['increment']>
>;
import { Redis } from 'ioredis';

/**
 * One token bucket per key, updated atomically in one round trip. The clock is Redis' own (TIME),
 * so every app process sees the same buckets. Returns: allowed (1/0), whole tokens left, ms until a
 * token is available, ms until the bucket is full again.
 */
const TAKE_TOKEN = `
local capacity = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) / interval)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
local full = math.ceil((capacity - tokens) * interval)
redis.call('PEXPIRE', KEYS[1], full + 1000)
local wait = 0
if allowed == 0 then wait = math.ceil((1 - tokens) * interval) end
return {allowed, math.floor(tokens), wait, full}`;

type BucketClient = Redis & {
  takeToken(
    key: string,
    capacity: number,
    intervalMs: number,
  ): Promise<[number, number, number, number]>;
};

/**
 * @nestjs/throttler's storage as token buckets in Redis (SPEC §8: capacity = burst, refilled at the
 * limit per 60 s), shared by all replicas. The throttler's storage interface speaks of hits in a
 * window; here `limit` is the bucket's capacity and `ttl` the milliseconds one token takes to come
 * back, and the record says: hits = capacity − tokens left, expiry = seconds until full, block =
 * seconds until the next token. The maintained Redis storage for the throttler is a fixed window
 * and declares Nest ≤ 11 (STACK.md), hence our own.
 */
@Injectable()
export class TokenBuckets implements ThrottlerStorage {
  private readonly redis: BucketClient;

  constructor(@Inject(Redis) redis: Redis) {
    // A defined command runs by EVALSHA: the script is sent once, not with every request.
    redis.defineCommand('takeToken', { numberOfKeys: 1, lua: TAKE_TOKEN });
    this.redis = redis as BucketClient;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
  ): Promise<ThrottlerStorageRecord> {
    const [allowed, tokens, waitMs, fullMs] = await this.redis.takeToken(
      `rate:${key}`,
      limit,
      ttl,
    );
    return {
      totalHits: limit - tokens,
      timeToExpire: Math.ceil(fullMs / 1000),
      isBlocked: allowed === 0,
      timeToBlockExpire: Math.max(1, Math.ceil(waitMs / 1000)),
    };
  }
}
