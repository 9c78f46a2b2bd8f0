import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config.js';
import {
  PUBLIC_ROUTE,
  type AuthenticatedRequest,
} from '../auth/auth.decorators.js';
import { ApiError } from '../errors/api-error.js';

interface LimitedRequest extends AuthenticatedRequest {
  /** The tightest bucket seen so far for this request, whose numbers go in the headers. */
  rateLimit?: { limit: number; remaining: number; reset: number };
}

/**
 * Rate limits (SPEC §8), after the caller is identified and before a key, subscription or scope is
 * required, so callers without a valid key are counted per client address and a key-guessing
 * client is told 429 after its burst instead of 401 forever. Every limited response carries
 * `X-RateLimit-Limit` (the bucket's capacity), `X-RateLimit-Remaining` and `X-RateLimit-Reset`
 * (seconds until the bucket is full) of the tightest bucket the request drew from; a 429 is
 * `rate_limit_exceeded` with `Retry-After`. Public routes (health, docs, files, signed uploads)
 * are not limited here.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
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

  protected override async handleRequest({
    context,
    limit,
    ttl,
    throttler,
    getTracker,
    generateKey,
  }: ThrottlerRequest): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const tracker = await getTracker(request, context);
    const record = await this.storageService.increment(
      generateKey(context, tracker, throttler.name!),
      ttl,
      limit,
      0,
      throttler.name!,
    );
    const remaining = Math.max(0, limit - record.totalHits);
    if (!request.rateLimit || remaining < request.rateLimit.remaining) {
      request.rateLimit = { limit, remaining, reset: record.timeToExpire };
      response.setHeader('X-RateLimit-Limit', String(limit));
      response.setHeader('X-RateLimit-Remaining', String(remaining));
      response.setHeader('X-RateLimit-Reset', String(record.timeToExpire));
    }
    if (record.isBlocked) {
      throw new ApiError(
        'rate_limit_exceeded',
        `Rate limit exceeded; retry in ${record.timeToBlockExpire} s`,
        { headers: { 'Retry-After': String(record.timeToBlockExpire) } },
      );
    }
    return true;
  }
}
