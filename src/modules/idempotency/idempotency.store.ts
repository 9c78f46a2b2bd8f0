import { Inject, Injectable } from '@nestjs/common';
import { RedisClient } from '../../infra/redis/redis-client.js';
import { randomUUID } from 'node:crypto';

/** A finished request's response, replayed as it was sent. */
export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

export type IdempotencyRecord =
  | { state: 'running'; fingerprint: string; owner: string }
  | ({ state: 'done'; fingerprint: string } & StoredResponse);

/** How long a finished request's response is kept for replay (docs/contracts.md#idempotency). */
const RECORD_TTL_SECONDS = 24 * 60 * 60;

/** Takes the key with a new lease if it is free, else returns its record: one round trip either way. */
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;

/** Changes the record only while `owner` still holds the lease (a request whose lease lapsed must not). */
const IF_OWNER = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local ok, record = pcall(cjson.decode, current)
if not ok or record.owner ~= ARGV[1] then return 0 end
if ARGV[2] == 'renew' then
  return redis.call('PEXPIRE', KEYS[1], ARGV[3])
elseif ARGV[2] == 'complete' then
  redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[4])
  return 1
else
  return redis.call('DEL', KEYS[1])
end`;

type IdempotencyClient = RedisClient & {
  claimOrRead(
    key: string,
    record: string,
    leaseMs: number,
  ): Promise<string | null>;
  ifOwner(
    key: string,
    owner: string,
    ...args: Array<string | number>
  ): Promise<number>;
};

/**
 * Idempotency records in Redis, one per workspace and key: a short in-flight lease while the first
 * request runs (so a crashed request's key is usable again within seconds), then the response for
 * 24 h. Every change after the claim is conditional on still owning the lease.
 */
@Injectable()
export class IdempotencyStore {
  private readonly redis: IdempotencyClient;

  constructor(@Inject(RedisClient) redis: RedisClient) {
    // A defined command runs by EVALSHA: the script is sent once, not with every request.
    redis.defineCommand('claimOrRead', { numberOfKeys: 1, lua: CLAIM });
    redis.defineCommand('ifOwner', { numberOfKeys: 1, lua: IF_OWNER });
    this.redis = redis as IdempotencyClient;
  }

  /**
   * Takes the key for a new request (the lease's owner token), or, when it is taken, returns the
   * record holding it: the request running with it, or the response it finished with.
   */
  async claim(
    key: string,
    fingerprint: string,
    leaseMs: number,
  ): Promise<{ owner: string } | { record: IdempotencyRecord }> {
    const owner = randomUUID();
    const lease: IdempotencyRecord = { state: 'running', fingerprint, owner };
    const current = await this.redis.claimOrRead(
      key,
      JSON.stringify(lease),
      leaseMs,
    );
    return current === null
      ? { owner }
      : { record: JSON.parse(current) as IdempotencyRecord };
  }

  async renew(key: string, owner: string, leaseMs: number): Promise<void> {
    await this.redis.ifOwner(key, owner, 'renew', leaseMs);
  }

  async complete(
    key: string,
    owner: string,
    fingerprint: string,
    response: StoredResponse,
  ): Promise<void> {
    const record: IdempotencyRecord = {
      state: 'done',
      fingerprint,
      ...response,
    };
    await this.redis.ifOwner(
      key,
      owner,
      'complete',
      JSON.stringify(record),
      RECORD_TTL_SECONDS,
    );
  }

  /** Frees the key (a 5xx or a refused request): the next request with it runs afresh. */
  async release(key: string, owner: string): Promise<void> {
    await this.redis.ifOwner(key, owner, 'release');
  }
}
