import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import {
  DERIVES_IDEMPOTENCY_KEY,
  IdempotencyInterceptor,
} from './idempotency.interceptor.js';

/**
 * A POST route that honours `Idempotency-Key` (SPEC §7): every authenticated POST carries it, and a
 * test holds every POST in the OpenAPI document to that. Bound per route rather than globally so
 * that reads run without an interceptor at all: with one, Nest runs every request through an rxjs
 * pipeline, 8 % of a GET's CPU under `npm run bench:http`'s load.
 */
export const Idempotent = () => UseInterceptors(IdempotencyInterceptor);

/**
 * Without an `Idempotency-Key` header, the key is derived from the workspace, the route and a
 * canonical hash of the body, so the same request sent twice runs once (POST /v1/media and the
 * template routes, SPEC §7). Binds the interceptor too, so such a route needs no `@Idempotent()`.
 */
export const DerivesIdempotencyKey = () =>
  applyDecorators(SetMetadata(DERIVES_IDEMPOTENCY_KEY, true), Idempotent());
