import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentAuth } from '../../common/auth/auth.decorators.js';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { toRenditionDto } from '../media/rendition.mapper.js';
import { Idempotent } from '../idempotency/idempotency.decorators.js';
import {
  CreateRenditionsDto,
  RenditionListDto,
  RenditionsAcceptedDto,
} from './renditions.dto.js';
import { RenditionsService } from './renditions.service.js';

@ApiTags('Renditions')
@Controller('v1/media')
export class RenditionsController {
  constructor(private readonly renditions: RenditionsService) {}

  /**
   * Makes the item publishable on each platform: a file the platform accepts, checked by the same
   * rules as `validate`. Videos are transcoded (H.264/AAC MP4 with `+faststart`: codec, frame rate,
   * resolution, aspect by `fit`, duration by `trim`, size); images re-encoded as JFIF JPEG (size,
   * aspect, byte cap, orientation, no identifying metadata). When the original already passes, its
   * rendition is `ready` at once with the original's URL. Items still processing are accepted and
   * made once READY. Asking again for the same (platform, fit, trim) returns the existing
   * rendition. Poll `GET /v1/media/{id}/renditions` or subscribe to `media.rendition.ready` and
   * `media.rendition.failed`.
   */
  @ApiOperation({ summary: 'Make renditions for platforms' })
  @ApiAcceptedResponse({ type: RenditionsAcceptedDto })
  @ApiProblemResponses(
    [400, 'An unknown platform or fit, or a bad `trim` (`validation_error`)'],
    404,
    [
      409,
      'The item failed processing, is a document or caption, or is registered external media (`conflict`)',
    ],
    503,
  )
  @Authenticated('media:write')
  @HttpCode(202)
  @Idempotent()
  @Post(':id/renditions')
  async createRenditions(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: CreateRenditionsDto,
  ): Promise<RenditionsAcceptedDto> {
    const renditions = await this.renditions.request(
      auth.workspace.id,
      id,
      body,
    );
    return { renditions: renditions.map(toRenditionDto) };
  }

  /** The item's renditions with their status, progress, URL, changes and validation. */
  @ApiOperation({ summary: 'List renditions of a media item' })
  @ApiOkResponse({ type: RenditionListDto })
  @ApiProblemResponses(404)
  @Authenticated('media:read')
  @Get(':id/renditions')
  async listRenditions(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<RenditionListDto> {
    const renditions = await this.renditions.list(auth.workspace.id, id);
    return { data: renditions.map(toRenditionDto) };
  }
}
