import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyRecord } from './idempotency-record.entity.js';
import { IdempotencyRecordRepository } from './idempotency-record.repository.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencySweeper } from './idempotency-sweeper.js';

/**
 * Idempotency-Key handling (docs/contracts.md#idempotency): the interceptor every POST route binds
 * with `@Idempotent()`, its records in PostgreSQL (`idempotency_records`) and the sweep that
 * deletes expired ones. Global, so each feature module's routes can bind it.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([IdempotencyRecord])],
  providers: [
    IdempotencyRecordRepository,
    IdempotencyInterceptor,
    IdempotencySweeper,
  ],
  // Nest builds a route-bound interceptor in the route's own module: its dependencies go along.
  exports: [IdempotencyRecordRepository, IdempotencyInterceptor],
})
export class IdempotencyModule {}
