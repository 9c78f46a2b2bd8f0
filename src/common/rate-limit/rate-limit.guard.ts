import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type Resolvable,
  type ThrottlerModuleOptions,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config.js';
import {
  isPublicRoute,
  type AuthenticatedRequest,
} from '../auth/auth.decorators.js';
import { ApiError } from '../errors/api-error.js';
import {
  TokenBuckets,
  type Bucket,
  type TakenBucket,
} from '../../infra/redis/token-buckets.js';

/** A throttler's `limit` or `ttl`: a number, or a function of the request's context. */
function resolve(
  value: Resolvable<number>,
  context: ExecutionContext,
): number | Promise<number> {
  return typeof value === 'function' ? value(context) : value;
}

/**
 * A throttler whose requests may take more than one token (see RouteRateLimit.cost), and which
 * names its bucket for the `RateLimit-Policy` and `RateLimit` fields.
 */
export interface CostedThrottler extends ThrottlerOptions {
  cost?: (context: ExecutionContext) => number;
  policyName?: (context: ExecutionContext) => string;
}

/**
 * The IETF fields (draft-ietf-httpapi-ratelimit-headers-11) for the buckets a request drew from: a
 * token bucket of capacity q refilled one token per interval is a quota of q per the w seconds it
 * takes to refill from empty, and `t` is when it is full again, as `X-RateLimit-Reset` says.
 */
function ietfRateLimitFields(
  policies: Array<{ name: string; bucket: Bucket; taken: TakenBucket }>,
): { policy: string; rateLimit: string } {
  return {
    policy: policies
      .map(
        ({ name, bucket }) =>
          `"${name}";q=${bucket.capacity};w=${Math.ceil((bucket.capacity * bucket.intervalMs) / 1000)}`,
      )
      .join(', '),
    rateLimit: policies
      .map(
        ({ name, taken }) =>
          `"${name}";r=${taken.remaining};t=${taken.fullInSeconds}`,
      )
      .join(', '),
  };
}

/**
 * Rate limits (docs/contracts.md#rate-limits), after the caller is identified and before a key,
 * subscription or scope is required, so callers without a valid key are counted per client address
 * and a key-guessing client is told 429 after its burst instead of 401 forever. Every limited
 * response carries `X-RateLimit-Limit` (the bucket's capacity), `X-RateLimit-Remaining` and
 * `X-RateLimit-Reset` (seconds until the bucket is full) of the tightest bucket the request drew
 * from, and `RateLimit-Policy` / `RateLimit` name every bucket it drew from; a 429 is `rate_limit_exceeded` with `Retry-After`. Public routes (health, docs, files,
 * signed uploads) are not limited here.
 *
 * Each named throttler of ThrottlerModule's options (tier, route) gives a bucket; they are taken
 * together in one Redis round trip, all or none, so a refused request uses up no bucket. The
 * buckets are read from the options here rather than through ThrottlerGuard's own `canActivate`,
 * which looks up six per-route override decorators (none used here) and awaits each value, for
 * every throttler of every request.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() private readonly buckets: TokenBuckets,
    reflector: Reflector,
    private readonly config: AppConfig,
  ) {
    super(options, buckets, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (
      !this.config.rateLimit.enabled ||
      isPublicRoute(this.reflector, context)
    ) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const buckets: Bucket[] = [];
    const names: string[] = [];
    for (const throttler of this.throttlers) {
      if ((throttler.skipIf ?? this.commonOptions.skipIf)?.(context)) {
        continue;
      }
      const getTracker = throttler.getTracker ?? this.commonOptions.getTracker!;
      const generateKey =
        throttler.generateKey ?? this.commonOptions.generateKey!;
      const tracker = await getTracker(request, context);
      const capacity = await resolve(throttler.limit, context);
      const cost = (throttler as CostedThrottler).cost?.(context) ?? 1;
      buckets.push({
        key: generateKey(context, tracker, throttler.name!),
        capacity,
        intervalMs: await resolve(throttler.ttl, context),
        // A request costing more than the whole bucket could never go through.
        cost: Math.min(Math.max(1, Math.floor(cost) || 1), capacity),
      });
      names.push(
        (throttler as CostedThrottler).policyName?.(context) ?? throttler.name!,
      );
    }
    if (buckets.length === 0) {
      return true;
    }
    const taken = await this.buckets.takeAll(buckets);
    const tightest = taken.reduce((tight, bucket) =>
      bucket.remaining < tight.remaining ? bucket : tight,
    );
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('X-RateLimit-Limit', String(tightest.capacity));
    response.setHeader('X-RateLimit-Remaining', String(tightest.remaining));
    response.setHeader('X-RateLimit-Reset', String(tightest.fullInSeconds));
    const fields = ietfRateLimitFields(
      taken.map((bucket, index) => ({
        name: names[index],
        bucket: buckets[index],
        taken: bucket,
      })),
    );
    response.setHeader('RateLimit-Policy', fields.policy);
    response.setHeader('RateLimit', fields.rateLimit);
    const refused = taken.filter((bucket) => !bucket.allowed);
    if (refused.length > 0) {
      const retryAfter = Math.max(
        ...refused.map((bucket) => bucket.tokenInSeconds),
      );
      throw new ApiError(
        'rate_limit_exceeded',
        `Rate limit exceeded; retry in ${retryAfter} s`,
        { headers: { 'Retry-After': String(retryAfter) } },
      );
    }
    return true;
  }
}
