import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config.js';
import {
  PUBLIC_ROUTE,
  type AuthenticatedRequest,
} from '../auth/auth.decorators.js';
import { ApiError } from '../errors/api-error.js';
import { TokenBuckets, type Bucket } from './token-buckets.js';

interface LimitedRequest extends AuthenticatedRequest {
  /** The buckets this request draws from, gathered before they are taken in one round trip. */
  rateLimitBuckets?: Bucket[];
}

/**
 * Rate limits (SPEC §8), after the caller is identified and before a key, subscription or scope is
 * required, so callers without a valid key are counted per client address and a key-guessing
 * client is told 429 after its burst instead of 401 forever. Every limited response carries
 * `X-RateLimit-Limit` (the bucket's capacity), `X-RateLimit-Remaining` and `X-RateLimit-Reset`
 * (seconds until the bucket is full) of the tightest bucket the request drew from; a 429 is
 * `rate_limit_exceeded` with `Retry-After`. Public routes (health, docs, files, signed uploads)
 * are not limited here.
 *
 * The throttler resolves each named throttler's bucket (tier, route); they are then taken together
 * in one Redis round trip, all or none, so a refused request uses up no bucket.
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
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    request.rateLimitBuckets = [];
    await super.canActivate(context);
    const buckets = request.rateLimitBuckets;
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

  protected override async shouldSkip(
    context: ExecutionContext,
  ): Promise<boolean> {
    return (
      !this.config.rateLimit.enabled ||
      (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
        context.getHandler(),
        context.getClass(),
      ]) ??
        false)
    );
  }

  /** Notes the bucket; `canActivate` takes them all at once. */
  protected override async handleRequest({
    context,
    limit,
    ttl,
    throttler,
    getTracker,
    generateKey,
  }: ThrottlerRequest): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    const tracker = await getTracker(request, context);
    request.rateLimitBuckets!.push({
      key: generateKey(context, tracker, throttler.name!),
      capacity: limit,
      intervalMs: ttl,
    });
    return true;
  }
}
