import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import type { AppConfig } from '../../config/app-config.js';

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
