import { Module, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { RedisClient } from '../../infra/redis/redis-client.js';
import { AppConfig, type RateLimitTier } from '../../config/app-config.js';
import { ACTIVE_SUBSCRIPTION_STATUSES } from '../auth/auth-context.js';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import {
  ROUTE_RATE_LIMIT,
  type RouteRateLimit,
} from './rate-limit.decorator.js';
import { RateLimitGuard, type CostedThrottler } from './rate-limit.guard.js';
import { TokenBuckets } from '../../infra/redis/token-buckets.js';

const MINUTE_MS = 60_000;

function requestOf(context: ExecutionContext): AuthenticatedRequest {
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

function tierOf(request: AuthenticatedRequest): RateLimitTier {
  if (!request.auth) return 'unauthenticated';
  return ACTIVE_SUBSCRIPTION_STATUSES.includes(
    request.auth.workspace.subscriptionStatus,
  )
    ? 'active'
    : 'inactive';
}

/**
 * Two buckets per request: the caller's tier (per workspace, or per client address without a
 * valid key) and, on routes marked `@RateLimit`, the route's own per-workspace limit (one bucket
 * per handler, or one for all the route's handlers when `shared`; a request may take more than one
 * token from it, its `cost`). See TokenBuckets for how `limit` (capacity) and `ttl` (ms per token)
 * are read.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, Reflector, RedisClient],
      useFactory: (
        config: AppConfig,
        reflector: Reflector,
        redis: RedisClient,
      ) => {
        const { tiers, routes } = config.rateLimit;
        const routeOf = (context: ExecutionContext) =>
          reflector.get<RouteRateLimit | undefined>(
            ROUTE_RATE_LIMIT,
            context.getHandler(),
          );
        const capacityOf = (context: ExecutionContext) =>
          routes[routeOf(context)!.route];
        const route: CostedThrottler = {
          name: 'route',
          skipIf: (context) =>
            routeOf(context) === undefined || !requestOf(context).auth,
          limit: capacityOf,
          ttl: (context) => MINUTE_MS / capacityOf(context),
          cost: (context) => routeOf(context)!.cost?.(requestOf(context)) ?? 1,
          policyName: (context) => routeOf(context)!.route,
          getTracker: (_request, context) =>
            `workspace:${requestOf(context).auth!.workspace.id}`,
          // One bucket per route and workspace: the two template routes are limited each, the
          // import routes together.
          generateKey: (context, tracker) => {
            const limit = routeOf(context)!;
            return limit.shared
              ? `route:${limit.route}:${tracker}`
              : `route:${context.getClass().name}.${context.getHandler().name}:${tracker}`;
          },
        };
        const tier: CostedThrottler = {
          name: 'tier',
          limit: (context) => tiers[tierOf(requestOf(context))].burst,
          ttl: (context) =>
            MINUTE_MS / tiers[tierOf(requestOf(context))].perMinute,
          getTracker: (_request, context) => {
            const request = requestOf(context);
            return request.auth
              ? `workspace:${request.auth.workspace.id}`
              : `address:${request.ip ?? ''}`;
          },
          generateKey: (_context, tracker) => `tier:${tracker}`,
          policyName: (context) =>
            requestOf(context).auth ? 'workspace' : 'address',
        };
        return {
          throttlers: [tier, route],
          storage: new TokenBuckets(redis),
        };
      },
    }),
  ],
  providers: [RateLimitGuard],
  exports: [RateLimitGuard],
})
export class RateLimitModule {}
