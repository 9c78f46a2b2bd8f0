import { Inject, Injectable, Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

/**
 * Takes a slot of a group, or joins the group's waiters. KEYS: the group's holders (a sorted set of
 * holder → lease expiry) and its waiters (waiter → when it first waited). ARGV: the holder, the
 * limit, the lease in ms, how long an idle waiters set is kept. Leases that ran out are dropped first,
 * so a slot held by a worker that died comes back after at most one lease. A holder that already
 * has a slot (a job re-run after its worker died) keeps it. The clock is Redis' own (TIME), so every
 * worker sees the same leases. Returns -1 when the slot is taken, else how long (ms) the holder has
 * been waiting.
 */
const ACQUIRE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit = tonumber(ARGV[2])
local lease = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
  redis.call('PEXPIRE', KEYS[1], lease)
  redis.call('ZREM', KEYS[2], ARGV[1])
  return -1
end
redis.call('ZADD', KEYS[2], 'NX', now, ARGV[1])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[4]))
return now - tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]))`;

/**
 * Extends a holder's lease, adding it again if its lease ran out or Redis lost it (restarted
 * empty): the work is still running, so it counts. ARGV: the holder, the lease in ms.
 */
const RENEW = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
if redis.call('PTTL', KEYS[1]) < lease then
  redis.call('PEXPIRE', KEYS[1], lease)
end
return 1`;

/** Frees a holder's slot; returns the group's longest waiters (up to ARGV[2]), oldest first. */
const RELEASE = `
redis.call('ZREM', KEYS[1], ARGV[1])
return redis.call('ZRANGE', KEYS[2], 0, tonumber(ARGV[2]) - 1)`;

type SlotsClient = Redis & {
  acquireWorkSlot(
    holders: string,
    waiters: string,
    holder: string,
    limit: number,
    leaseMs: number,
    waitersTtlMs: number,
  ): Promise<number>;
  renewWorkSlot(
    holders: string,
    holder: string,
    leaseMs: number,
  ): Promise<number>;
  releaseWorkSlot(
    holders: string,
    waiters: string,
    holder: string,
    count: number,
  ): Promise<string[]>;
};

/** A slot lease lasts this long without renewal; a dead worker's slot comes back within it. */
export const SLOT_LEASE_MS = 30_000;
/** A waiters set nobody touched for this long is dropped (its jobs are gone or run elsewhere). */
const WAITERS_TTL_MS = 24 * 3_600_000;

/** A slot taken: renewed in the background until `release`. */
export interface HeldSlot {
  /** Frees the slot; resolves with the group's longest waiters (ids), oldest first. */
  release(): Promise<string[]>;
}

export type SlotRequest =
  { taken: true; slot: HeldSlot } | { taken: false; waitedMs: number };

/**
 * Counting semaphores in Redis, one per (cap, group): at most `limit` holders of a group at once,
 * across every process sharing the Redis. Each slot is a lease renewed while its work runs, so a
 * worker killed mid-job frees its slots within SLOT_LEASE_MS, and a Redis restarted without its data
 * starts every count at zero (running work is counted again at its next renewal) — nothing can
 * stay taken forever. Holders that found no slot are kept as the group's waiters, oldest first, so
 * whoever frees a slot can wake the one that waited longest.
 *
 * While Redis does not answer, a request gets a slot that counts nowhere: work runs uncapped
 * rather than stopping, and is counted again once Redis answers.
 */
@Injectable()
export class WorkSlots {
  private readonly logger = new Logger(WorkSlots.name);
  private readonly redis: SlotsClient;
  /** How long a slot is held without renewal (renewed every third of it); tests shorten it. */
  leaseMs = SLOT_LEASE_MS;

  constructor(@Inject(Redis) redis: Redis) {
    redis.defineCommand('acquireWorkSlot', { numberOfKeys: 2, lua: ACQUIRE });
    redis.defineCommand('renewWorkSlot', { numberOfKeys: 1, lua: RENEW });
    redis.defineCommand('releaseWorkSlot', { numberOfKeys: 2, lua: RELEASE });
    this.redis = redis as SlotsClient;
  }

  async acquire(
    cap: string,
    group: string,
    holder: string,
    limit: number,
  ): Promise<SlotRequest> {
    const { holders, waiters } = keysOf(cap, group);
    let waitedMs: number;
    try {
      waitedMs = await this.redis.acquireWorkSlot(
        holders,
        waiters,
        holder,
        limit,
        this.leaseMs,
        WAITERS_TTL_MS,
      );
    } catch (error) {
      this.logger.warn(
        `${cap} slot of ${group} not counted (Redis: ${String(error)}); ${holder} runs uncapped`,
      );
      return { taken: true, slot: { release: async () => [] } };
    }
    if (waitedMs >= 0) {
      return { taken: false, waitedMs };
    }
    return { taken: true, slot: this.renewing(holders, waiters, holder) };
  }

  /** Drops `holder` from the group's waiters (its job is gone). */
  async forgetWaiter(
    cap: string,
    group: string,
    holder: string,
  ): Promise<void> {
    await this.redis
      .zrem(keysOf(cap, group).waiters, holder)
      .catch(() => undefined);
  }

  /** How many slots of the group are held now (leases still running). */
  heldCount(cap: string, group: string): Promise<number> {
    return this.redis.zcount(keysOf(cap, group).holders, Date.now(), '+inf');
  }

  private renewing(holders: string, waiters: string, holder: string): HeldSlot {
    const leaseMs = this.leaseMs;
    let renewal: Promise<unknown> = Promise.resolve();
    const timer = setInterval(() => {
      renewal = this.redis
        .renewWorkSlot(holders, holder, leaseMs)
        .catch(() => undefined);
    }, leaseMs / 3);
    timer.unref();
    return {
      release: async () => {
        clearInterval(timer);
        // A renewal in flight would add the holder back after the release.
        await renewal;
        return this.redis
          .releaseWorkSlot(holders, waiters, holder, 3)
          .catch((error: unknown) => {
            // The lease runs out on its own.
            this.logger.warn(`Slot of ${holder} not freed: ${String(error)}`);
            return [];
          });
      },
    };
  }
}

function keysOf(cap: string, group: string) {
  // One hash tag: both keys of a script live in the same cluster slot.
  const holders = `slots:{${cap}:${group}}`;
  return { holders, waiters: `${holders}:waiting` };
}
