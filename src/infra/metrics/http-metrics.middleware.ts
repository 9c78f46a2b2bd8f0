import type { NextFunction, Request, Response } from 'express';
import type { AppMetrics } from './app-metrics.js';

/** Label of requests no route matched: raw paths would give every mistyped URL its own series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route pattern a request matched (`/v1/media/:id`), never its raw path, so ids do not become
 * label values. Express sets `route` on the request when a route matches; routers mounted under a
 * path (the queue dashboard) contribute their mount point through `baseUrl`.
 */
function routePattern(request: Request, baseUrl: string): string {
  const path: unknown = request.route?.path;
  return typeof path === 'string' ? `${baseUrl}${path}` : UNMATCHED_ROUTE;
}

/**
 * Counts and times every HTTP response. Installed ahead of everything else, so rejected requests
 * (401, 404, 429) are counted as well as handled ones; `close` also covers responses the client
 * abandoned.
 */
export function httpMetrics(metrics: AppMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    let baseUrl = '';
    response.once('finish', () => {
      baseUrl = request.baseUrl;
    });
    response.once('close', () => {
      metrics.observeHttpRequest(
        request.method,
        routePattern(request, baseUrl),
        response.statusCode,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  };
}
