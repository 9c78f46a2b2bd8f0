import { Global, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyStore } from './idempotency.store.js';

/**
 * Idempotency-Key handling (docs/contracts.md#idempotency): the interceptor every POST route binds
 * with `@Idempotent()`, and the Redis store behind it. Global, so each feature module's routes can
 * bind it.
 */
@Global()
@Module({
  providers: [IdempotencyStore, IdempotencyInterceptor],
  exports: [IdempotencyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
