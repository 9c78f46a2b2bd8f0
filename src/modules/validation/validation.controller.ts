import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { CurrentAuth } from '../../common/auth/auth.decorators.js';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { MediaService } from '../media/media.service.js';
import {
  BulkValidateDto,
  BulkValidationQueuedDto,
  ValidateMediaDto,
  ValidationQueuedDto,
  ValidationStatusDto,
} from './validation.dto.js';
import { ValidationService } from './validation.service.js';
import { Idempotent } from '../idempotency/idempotency.decorators.js';

@ApiTags('Validation')
@Controller('v1/media')
export class ValidationController {
  constructor(
    private readonly validation: ValidationService,
    private readonly media: MediaService,
  ) {}

  /**
   * Queues a check of the item against each platform's publishing rules; poll
   * `GET /v1/media/{id}/validation-status` for the results. An item still uploading or processing
   * is checked once processing finishes. Answers `queued: false` when validation is not available
   * on this deployment.
   */
  @ApiOperation({ summary: 'Validate media for platforms' })
  @ApiAcceptedResponse({ type: ValidationQueuedDto })
  @ApiProblemResponses(400, 404)
  @Authenticated('media:write')
  @HttpCode(202)
  @Idempotent()
  @Post(':id/validate')
  async validateMedia(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: ValidateMediaDto,
  ): Promise<ValidationQueuedDto> {
    const outcome = await this.validation.request(
      auth.workspace.id,
      [id],
      body.targetPlatforms,
    );
    return outcome.queued
      ? { queued: true, jobId: outcome.jobIds[0] }
      : outcome;
  }

  /** Queues validation of up to 100 items; one job per item. Unknown ids: 404 and nothing queued. */
  @ApiOperation({ summary: 'Validate several media items' })
  @ApiAcceptedResponse({ type: BulkValidationQueuedDto })
  @ApiProblemResponses(400, 404)
  @Authenticated('media:write')
  @HttpCode(202)
  @Idempotent()
  @Post('bulk-validate')
  bulkValidate(
    @CurrentAuth() auth: AuthContext,
    @Body() body: BulkValidateDto,
  ): Promise<BulkValidationQueuedDto> {
    return this.validation.request(
      auth.workspace.id,
      body.mediaIds,
      body.platforms,
    );
  }

  /**
   * The item's validation status and per-platform results (`{ valid, errors, warnings }`), with the
   * video facts the rules were checked against.
   */
  @ApiOperation({ summary: 'Get validation status' })
  @ApiOkResponse({ type: ValidationStatusDto })
  @ApiProblemResponses(404)
  @Authenticated('media:read')
  @Get(':id/validation-status')
  async getValidationStatus(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<ValidationStatusDto> {
    const media = await this.media.get(auth.workspace.id, id);
    return {
      id: media.id,
      validationStatus: media.validationStatus,
      validationResults: media.validationResults,
      videoDuration: media.videoDuration,
      videoCodec: media.videoCodec,
      videoWidth: media.videoWidth,
      videoHeight: media.videoHeight,
    };
  }
}
