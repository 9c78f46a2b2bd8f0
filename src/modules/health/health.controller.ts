import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { HealthDto } from './health.dto.js';
import { HealthService } from './health.service.js';

/**
 * Liveness and readiness. Written here rather than with @nestjs/terminus so a failed readiness check
 * answers in the API's one problem+json shape, listing each failing dependency in `errors`.
 */
@ApiTags('Health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process is up and serving HTTP. */
  @ApiOperation({ summary: 'Liveness probe' })
  @ApiOkResponse({ type: HealthDto })
  @Get('live')
  checkLiveness(): HealthDto {
    return this.health.liveness();
  }

  /** PostgreSQL, Redis and storage answer; 503 `service_unavailable` lists what does not. */
  @ApiOperation({ summary: 'Readiness probe' })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblemResponses(503)
  @Get('ready')
  checkReadiness(): Promise<HealthDto> {
    return this.health.readiness();
  }
}
