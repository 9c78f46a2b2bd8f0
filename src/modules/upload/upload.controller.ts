import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentAuth } from '../../common/auth/auth.decorators.js';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { MediaDto } from '../media/media.dto.js';
import { toMediaDto } from '../media/media.mapper.js';
import type { AuthContext } from '../../common/auth/auth-context.js';
import {
  BulkPresignDto,
  BulkPresignResponseDto,
  BulkVideoUploadUrlsDto,
  BulkVideoUploadUrlsResponseDto,
  CompleteUploadDto,
  CreateUploadDto,
  RefreshPresignResponseDto,
  UploadUrlDto,
} from './upload.dto.js';
import { toPlanDto } from './upload.mapper.js';
import { UploadService } from './upload.service.js';
import { Idempotent } from '../idempotency/idempotency.decorators.js';

/**
 * Request bodies as Swagger UI prefills them, sent as they are. `checksumSha256` is left out: no
 * example hash can match the bytes a reader will upload, and a wrong one fails the item.
 */
const bodyExample = (summary: string, value: object) => ({
  examples: { [summary]: { value } },
});

@ApiTags('Uploads')
@Controller('v1/media')
export class UploadController {
  constructor(private readonly uploads: UploadService) {}

  /**
   * Creates a PENDING media item and returns a URL to PUT the file to, valid 15 minutes. Send the
   * returned `uploadHeaders` with the PUT; the URL accepts exactly `sizeBytes` bytes of
   * `contentType`. Processing starts by itself when the bytes arrive.
   */
  @ApiOperation({ summary: 'Request an upload URL' })
  @ApiBody({
    type: CreateUploadDto,
    ...bodyExample('A JPEG of 240 KiB', {
      filename: 'banner.jpg',
      contentType: 'image/jpeg',
      sizeBytes: 245_760,
    }),
  })
  @ApiCreatedResponse({ type: UploadUrlDto })
  @ApiProblemResponses(400)
  @Authenticated('media:write')
  @Idempotent()
  @Post('upload')
  async createUpload(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CreateUploadDto,
  ): Promise<UploadUrlDto> {
    const issued = await this.uploads.createUpload(auth.workspace.id, body);
    return {
      mediaId: issued.media.id,
      uploadUrl: issued.upload.single.url,
      uploadHeaders: issued.upload.single.headers,
      expiresAt: issued.upload.single.expiresAt,
      ...toPlanDto(issued),
    };
  }

  /** Up to 20 videos (500 MB each); URLs valid 60 minutes. */
  @ApiOperation({ summary: 'Request upload URLs for several videos' })
  @ApiBody({
    type: BulkPresignDto,
    ...bodyExample('One MP4 of 50 MiB', {
      files: [
        { filename: 'launch.mp4', contentType: 'video/mp4', size: 52_428_800 },
      ],
    }),
  })
  @ApiCreatedResponse({ type: BulkPresignResponseDto })
  @ApiProblemResponses(400)
  @Authenticated('media:write')
  @Idempotent()
  @Post('bulk-presign')
  async bulkPresign(
    @CurrentAuth() auth: AuthContext,
    @Body() body: BulkPresignDto,
  ): Promise<BulkPresignResponseDto> {
    const issued = await this.uploads.bulkPresign(
      auth.workspace.id,
      body.files,
    );
    return {
      uploads: issued.map((item) => ({
        mediaId: item.media.id,
        presignedUrl: item.upload.single.url,
        key: item.media.storagePath!,
        uploadHeaders: item.upload.single.headers,
        expiresAt: item.upload.single.expiresAt,
        ...toPlanDto(item),
      })),
    };
  }

  /**
   * Up to 20 MP4/QuickTime videos of up to 10 GB each, 20 GB per batch; URLs valid 60 minutes.
   * Each URL accepts at most `fileSizeMb` megabytes. `targetPlatforms` is kept with each item for
   * platform validation; with `createRenditions`, each video also gets a rendition for every target
   * platform it fails.
   */
  @ApiOperation({ summary: 'Request upload URLs for large videos' })
  @ApiBody({
    type: BulkVideoUploadUrlsDto,
    ...bodyExample('One MP4 of 250 MiB for Instagram and TikTok', {
      videos: [
        { filename: 'launch.mp4', contentType: 'video/mp4', fileSizeMb: 250 },
      ],
      targetPlatforms: ['INSTAGRAM', 'TIKTOK'],
    }),
  })
  @ApiCreatedResponse({ type: BulkVideoUploadUrlsResponseDto })
  @ApiProblemResponses(400)
  @Authenticated('media:write')
  @Idempotent()
  @Post('bulk-video-upload-urls')
  async bulkVideoUploadUrls(
    @CurrentAuth() auth: AuthContext,
    @Body() body: BulkVideoUploadUrlsDto,
  ): Promise<BulkVideoUploadUrlsResponseDto> {
    const issued = await this.uploads.bulkVideoUploadUrls(
      auth.workspace.id,
      body.videos,
      body.targetPlatforms,
      body.createRenditions ?? false,
    );
    return {
      videos: issued.map((item) => ({
        mediaId: item.media.id,
        uploadUrl: item.upload.single.url,
        s3Key: item.media.storagePath!,
        uploadHeaders: item.upload.single.headers,
        expiresAt: item.upload.single.expiresAt,
        ...toPlanDto(item),
      })),
    };
  }

  /** A new upload URL for a PENDING direct upload whose URL expired; 409 `conflict` otherwise. */
  @ApiOperation({ summary: 'Refresh an upload URL' })
  @ApiOkResponse({ type: RefreshPresignResponseDto })
  @ApiProblemResponses(404, 409)
  @Authenticated('media:write')
  @HttpCode(200)
  @Idempotent()
  @Post(':id/refresh-presign')
  async refreshPresign(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<RefreshPresignResponseDto> {
    const issued = await this.uploads.refreshPresign(auth.workspace.id, id);
    return {
      presignedUrl: issued.upload.single.url,
      uploadHeaders: issued.upload.single.headers,
      expiresAt: issued.upload.single.expiresAt,
      ...toPlanDto(issued),
    };
  }

  /**
   * Finishes a multipart upload: give every part's number and the `ETag` its PUT answered. The
   * parts are assembled into the file and processing starts, as after a single PUT. Parts that
   * were not uploaded, or ETags that are not theirs, are refused with 409 `conflict` and nothing
   * changes: re-send the part and complete again. Repeating a completion that succeeded answers
   * the item again.
   */
  @ApiOperation({ summary: 'Complete a multipart upload' })
  @ApiOkResponse({ type: MediaDto })
  @ApiProblemResponses(400, 404, 409, 503, 507)
  @Authenticated('media:write')
  @HttpCode(200)
  @Idempotent()
  @Post(':id/complete-upload')
  async completeUpload(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: CompleteUploadDto,
  ): Promise<MediaDto> {
    return toMediaDto(
      await this.uploads.completeUpload(auth.workspace.id, id, body),
    );
  }

  /**
   * Starts processing when the file is in storage (409 `conflict` when it is not yet). Normally not
   * needed: processing starts by itself when storage receives the file.
   */
  @ApiOperation({ summary: 'Confirm an upload' })
  @ApiOkResponse({ type: MediaDto })
  @ApiProblemResponses(404, 409)
  @Authenticated('media:write')
  @HttpCode(200)
  @Idempotent()
  @Post(':id/confirm')
  async confirmUpload(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<MediaDto> {
    return toMediaDto(await this.uploads.confirm(auth.workspace.id, id));
  }
}
