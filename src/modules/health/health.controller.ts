import { Controller, Get, Inject, Logger } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/auth.decorators.js';
import { ApiError } from '../../common/errors/api-error.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { Storage } from '../../infra/storage/storage.port.js';
import { HealthDto } from './health.dto.js';

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
 * Liveness and readiness. Written here rather than with @nestjs/terminus so a failed readiness check
 * answers in the API's one problem+json shape, listing each failing dependency in `errors`.
 */
@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(Redis) private readonly redis: Redis,
    private readonly storage: Storage,
  ) {}

  /** The process is up and serving HTTP. */
  @ApiOperation({ summary: 'Liveness probe' })
  @ApiOkResponse({ type: HealthDto })
  @Get('live')
  checkLiveness(): HealthDto {
    return { status: 'ok', checks: { process: 'up' } };
  }

  /** PostgreSQL, Redis and storage answer; 503 `service_unavailable` lists what does not. */
  @ApiOperation({ summary: 'Readiness probe' })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblemResponses(503)
  @Get('ready')
  async checkReadiness(): Promise<HealthDto> {
    const checks: Record<string, () => Promise<unknown>> = {
      database: () => this.dataSource.query('SELECT 1'),
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
