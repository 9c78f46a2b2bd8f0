import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import cors from 'cors';
import type { AppConfig } from '../../config/app-config.js';
import { isApiPath } from './security-headers.js';

/** What a browser page may send: the key headers, JSON and upload bodies, idempotency and tracing. */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-API-Key',
  'soku-api-key',
  'X-Request-Id',
];

/** What a browser page may read besides the CORS-safelisted headers. */
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'RateLimit-Policy',
  'RateLimit',
  'Retry-After',
  'Idempotent-Replayed',
  'ETag',
];

/** A preflight answer may be reused this long (seconds): one preflight per route per 10 minutes. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the API and the local upload/file routes, so a browser page can presign and PUT the
 * bytes itself. Keys travel in headers, never cookies, so credentials stay off and `*` is safe to
 * allow. Undefined when no origin is allowed: then no CORS header is sent at all.
 */
export function corsOptions(cors: AppConfig['cors']): CorsOptions | undefined {
  if (cors.origins !== '*' && cors.origins.length === 0) {
    return undefined;
  }
  return {
    origin: cors.origins,
    methods: ['GET', 'HEAD', 'PUT', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  };
}

type Middleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * The `cors` middleware for `options`, except that API requests without an `Origin` header get no
 * CORS headers: browsers send `Origin` with every cross-origin request, so only other clients
 * (servers, SDKs, curl) omit it, and they have no use for the headers. API answers are `no-store`,
 * so no cache can hand such an answer to a browser later. Everywhere else (files, uploads, docs,
 * whose answers may be cached) every response carries them, as before.
 */
export function corsMiddleware(options: CorsOptions): Middleware {
  const headers = cors(options as cors.CorsOptions) as Middleware;
  return (request, response, next) => {
    if (request.headers.origin === undefined && isApiPath(request.url ?? '')) {
      next();
    } else {
      headers(request, response, next);
    }
  };
}
