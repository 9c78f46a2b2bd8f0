import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { RateLimitedRoute } from '../../config/app-config.js';

export const ROUTE_RATE_LIMIT = 'rate-limit:route';

export interface RouteRateLimit {
  route: RateLimitedRoute;
  /** Every handler marked with this route draws from one bucket, instead of one bucket each. */
  shared?: boolean;
  /**
   * Tokens a request takes from the route's bucket (1 by default), from its body as sent: the
   * guard runs before validation. The guard keeps it between 1 and the bucket's capacity.
   */
  cost?: (request: Request) => number;
}

/**
 * A per-workspace limit of its own on this route, on top of the workspace's tier
 * (docs/contracts.md#rate-limits): its
 * number comes from configuration (RATE_LIMIT_URL_UPLOAD_PER_MINUTE, …), its burst is its limit.
 */
export const RateLimit = (
  route: RateLimitedRoute,
  options: Omit<RouteRateLimit, 'route'> = {},
) => SetMetadata(ROUTE_RATE_LIMIT, { route, ...options } as RouteRateLimit);
