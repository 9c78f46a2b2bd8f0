import { SetMetadata } from '@nestjs/common';
import type { RateLimitedRoute } from '../../config/app-config.js';

export const ROUTE_RATE_LIMIT = 'rate-limit:route';

/**
 * A per-workspace limit of its own on this route, on top of the workspace's tier
 * (docs/contracts.md#rate-limits): its
 * number comes from configuration (RATE_LIMIT_URL_UPLOAD_PER_MINUTE, …), its burst is its limit.
 */
export const RateLimit = (route: RateLimitedRoute) =>
  SetMetadata(ROUTE_RATE_LIMIT, route);
