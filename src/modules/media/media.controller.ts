import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentAuth } from '../../common/auth/auth.decorators.js';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import type { AuthContext } from '../../common/auth/auth-context.js';
import {
  DeleteMediaResponseDto,
  ListMediaQueryDto,
  MediaDto,
  MediaPageDto,
  RegisterMediaDto,
} from './media.dto.js';
import { toMediaDto } from './media.mapper.js';
import { toRenditionDto } from './rendition.mapper.js';
import { MediaService } from './media.service.js';
import { Idempotent } from '../idempotency/idempotency.decorators.js';

@ApiTags('Media')
@Controller('v1/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  /** Newest first, with an opaque cursor; optionally filtered by status. */
  @ApiOperation({ summary: 'List media' })
  @ApiOkResponse({ type: MediaPageDto })
  @ApiProblemResponses(400)
  @Authenticated('media:read')
  @Get()
  async listMedia(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ListMediaQueryDto,
  ): Promise<MediaPageDto> {
    const page = await this.media.list(auth.workspace.id, query);
    return {
      data: page.items.map(toMediaDto),
      hasMore: page.hasMore,
      nextCursor: page.nextCursor,
    };
  }

  /**
   * The item with its status, URLs, what processing found (dimensions, video facts,
   * normalisation) and its `renditions`. Poll it after an upload until `status` is READY or FAILED.
   */
  @ApiOperation({ summary: 'Get a media item' })
  @ApiOkResponse({ type: MediaDto })
  @ApiProblemResponses(404)
  @Authenticated('media:read')
  @Get(':id')
  async getMedia(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<MediaDto> {
    const { media, renditions } = await this.media.getWithRenditions(
      auth.workspace.id,
      id,
    );
    return Object.assign(toMediaDto(media), {
      renditions: renditions.map(toRenditionDto),
    });
  }

  /**
   * Permanently deletes the record and the stored file. Posts that already reference the item keep
   * its id, but its `publicUrl` stops serving.
   */
  @ApiOperation({ summary: 'Delete a media item' })
  @ApiOkResponse({ type: DeleteMediaResponseDto })
  @ApiProblemResponses(404)
  @Authenticated('media:write')
  @Delete(':id')
  async deleteMedia(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<DeleteMediaResponseDto> {
    await this.media.delete(auth.workspace.id, id);
    return { success: true };
  }

  /** Records a file you already host as a READY item; it is not fetched, re-hosted or processed. */
  @ApiOperation({ summary: 'Register external media' })
  @ApiCreatedResponse({ type: MediaDto })
  @ApiProblemResponses(400)
  @Authenticated('media:write')
  @Idempotent()
  @Post('register')
  async registerMedia(
    @CurrentAuth() auth: AuthContext,
    @Body() body: RegisterMediaDto,
  ): Promise<MediaDto> {
    return toMediaDto(
      await this.media.registerExternal(auth.workspace.id, body),
    );
  }
}
