import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import {
  DERIVES_IDEMPOTENCY_KEY,
  IdempotencyInterceptor,
} from './idempotency.interceptor.js';

/**
 * A POST route that honours `Idempotency-Key` (docs/contracts.md#idempotency): every authenticated
 * POST carries it, and a test holds every POST in the OpenAPI document to that. Bound per route
 * rather than globally so that reads run without an interceptor at all: with one, Nest runs every
 * request through an rxjs pipeline (why: docs/performance.md#idempotency-interceptor).
 */
export const Idempotent = () => UseInterceptors(IdempotencyInterceptor);

/**
 * Without an `Idempotency-Key` header, the key is derived from the workspace, the route and a
 * canonical hash of the body, so the same request sent twice runs once (POST /v1/media and the
 * template routes, docs/contracts.md#idempotency). Binds the interceptor too, so such a route
 * needs no `@Idempotent()`.
 */
export const DerivesIdempotencyKey = () =>
  applyDecorators(SetMetadata(DERIVES_IDEMPOTENCY_KEY, true), Idempotent());
