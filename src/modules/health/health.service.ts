import { Inject, Injectable, Logger } from '@nestjs/common';
import { RedisClient } from '../../infra/redis/redis-client.js';
import { ApiError } from '../../common/errors/api-error.js';
import { DatabaseHealth } from '../../infra/database/database-health.js';
import { Storage } from '../../infra/storage/storage.port.js';
import type { HealthDto } from './health.dto.js';

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(
        () =>
          reject(
            new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`),
          ),
        CHECK_TIMEOUT_MS,
      ).unref(),
    ),
  ]);
}

/**
 * Liveness and readiness, shared by the API's `/health` routes and the worker's probe listener so
 * both answer the same checks in the same JSON.
 */
@Injectable()
export class HealthService {
  private readonly logger = new Logger(HealthService.name);

  constructor(
    private readonly database: DatabaseHealth,
    @Inject(RedisClient) private readonly redis: RedisClient,
    private readonly storage: Storage,
  ) {}

  liveness(): HealthDto {
    return { status: 'ok', checks: { process: 'up' } };
  }

  /** PostgreSQL, Redis and storage answer; else 503 `service_unavailable` listing what does not. */
  async readiness(): Promise<HealthDto> {
    const checks: Record<string, () => Promise<unknown>> = {
      database: () => this.database.check(),
      redis: () => this.redis.ping(),
      storage: () => this.storage.checkHealth(),
    };
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), name);
          return { name, up: true };
        } catch (error) {
          this.logger.error({ err: error }, `Readiness check ${name} failed`);
          return { name, up: false };
        }
      }),
    );
    const down = results
      .filter((result) => !result.up)
      .map((result) => result.name);
    if (down.length > 0) {
      throw new ApiError(
        'service_unavailable',
        `Not ready: ${down.join(', ')} unavailable`,
        {
          errors: down.map((name) => ({
            field: name,
            message: `${name} is unavailable`,
          })),
          headers: { 'Retry-After': '5' },
        },
      );
    }
    return {
      status: 'ok',
      checks: Object.fromEntries(results.map((r) => [r.name, 'up' as const])),
    };
  }
}
