import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { CurrentAuth } from '../../common/auth/auth.decorators.js';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { ClientGone } from '../../common/http/client-gone.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator.js';
import {
  DerivesIdempotencyKey,
  Idempotent,
} from '../idempotency/idempotency.decorators.js';
import { toMediaDto } from '../media/media.mapper.js';
import {
  DriveImportDto,
  DriveImportResponseDto,
  ImportFromDriveDto,
  ImportFromUrlDto,
  ImportStartedDto,
  ImportStatusDto,
  UploadFromUrlDto,
  UploadFromUrlResponseDto,
} from './import.dto.js';
import { DriveBatchService } from './drive-batch.service.js';
import { ImportJobsService } from './import-jobs.service.js';
import { UrlUploadService } from './url-upload.service.js';

/**
 * The import routes' own limit (RATE_LIMIT_IMPORTS_PER_MINUTE per workspace), one bucket for the
 * three: each request takes a token, a drive-import one per file it asks for, since each file is
 * a download of its own.
 */
const IMPORT_RATE_LIMIT: [number, string] = [
  429,
  "Rate limit hit (`rate_limit_exceeded`): the workspace's tier, or its import limit (30 a minute by default over `import-from-url`, `import-from-drive` and `drive-import` together; a `drive-import` counts one per file); see `Retry-After`",
];

function filesRequested(request: Request): number {
  const files = (request.body as { files?: unknown } | undefined)?.files;
  return Array.isArray(files) ? files.length : 1;
}

@ApiTags('Imports')
@Controller('v1/media')
export class ImportController {
  constructor(
    private readonly urlUploads: UrlUploadService,
    private readonly imports: ImportJobsService,
    private readonly driveBatches: DriveBatchService,
  ) {}

  /**
   * Downloads the file at `url` (public http or https; private and internal addresses are refused)
   * and stores it in the library. The type is detected from the file's first bytes and must be in
   * the supported table, within its size limit. The item then goes through processing (images
   * become JFIF JPEG); the response waits up to 15 s for that, so `url` usually serves at once —
   * otherwise poll `GET /v1/media/{id}` until it is READY. A client that disconnects before the
   * answer stops the download: nothing is stored and no item is created.
   */
  @ApiOperation({ summary: 'Upload a file from a URL' })
  @ApiCreatedResponse({ type: UploadFromUrlResponseDto })
  @ApiProblemResponses(
    [
      400,
      'Missing, invalid or non-public URL, unsupported detected type, or a file over the limit (`validation_error`)',
    ],
    [
      500,
      'The download or the store failed; `message` says why (`internal_error`)',
    ],
    507,
  )
  @Authenticated('media:write')
  @RateLimit('urlUpload')
  @DerivesIdempotencyKey()
  @Post()
  async uploadFromUrl(
    @CurrentAuth() auth: AuthContext,
    @Body() body: UploadFromUrlDto,
    @ClientGone() clientGone: AbortSignal,
  ): Promise<UploadFromUrlResponseDto> {
    const media = toMediaDto(
      await this.urlUploads.uploadFromUrl(
        auth.workspace.id,
        body.url,
        clientGone,
      ),
    );
    return Object.assign(media, { url: media.publicUrl });
  }

  /**
   * Starts downloading a file from an authenticated URL, sending `Authorization: Bearer
   * <accessToken>` to that URL's origin only. The item stays PENDING with
   * `metadata.importStatus: importing` until the bytes are stored; poll the import's status.
   */
  @ApiOperation({ summary: 'Import a file from an authenticated URL' })
  @ApiAcceptedResponse({ type: ImportStartedDto })
  @ApiProblemResponses(400, IMPORT_RATE_LIMIT)
  @Authenticated('media:write')
  @RateLimit('imports', { shared: true })
  @HttpCode(202)
  @Idempotent()
  @Post('import-from-url')
  async importFromUrl(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ImportFromUrlDto,
  ): Promise<ImportStartedDto> {
    const started = await this.imports.startUrlImport(auth.workspace.id, body);
    return { ...started, status: 'importing' };
  }

  /** Starts importing a Google Drive file (Drive v3; Google Docs, Sheets and Slides are exported as PDF). */
  @ApiOperation({ summary: 'Import a file from Google Drive' })
  @ApiAcceptedResponse({ type: ImportStartedDto })
  @ApiProblemResponses(400, IMPORT_RATE_LIMIT)
  @Authenticated('media:write')
  @RateLimit('imports', { shared: true })
  @HttpCode(202)
  @Idempotent()
  @Post('import-from-drive')
  async importFromDrive(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ImportFromDriveDto,
  ): Promise<ImportStartedDto> {
    const started = await this.imports.startDriveImport(
      auth.workspace.id,
      body,
    );
    return { ...started, status: 'importing' };
  }

  /**
   * Imports up to 20 Google Drive files before answering, and waits (bounded, as `POST /v1/media`
   * does) for their processing, with one result per file: `ok` with the new item, or `error` saying
   * why (nothing is left of a failed download; a file that failed processing keeps its item).
   */
  @ApiOperation({ summary: 'Import Google Drive files now' })
  @ApiResponse({
    status: 207,
    description: 'One result per file',
    type: DriveImportResponseDto,
  })
  @ApiProblemResponses(400, IMPORT_RATE_LIMIT, 507)
  @Authenticated('media:write')
  @RateLimit('imports', { shared: true, cost: filesRequested })
  @HttpCode(207)
  @Idempotent()
  @Post('drive-import')
  async driveImport(
    @CurrentAuth() auth: AuthContext,
    @Body() body: DriveImportDto,
  ): Promise<DriveImportResponseDto> {
    return {
      results: await this.driveBatches.importNow(
        auth.workspace.id,
        body.files,
        body.accessToken,
      ),
    };
  }

  /** `complete` once the imported file is READY; `failed` with the reason otherwise. */
  @ApiOperation({ summary: 'Get the status of an import' })
  @ApiOkResponse({ type: ImportStatusDto })
  @ApiProblemResponses(404)
  @Authenticated('media:read')
  @Get('import/:jobId/status')
  importStatus(
    @CurrentAuth() auth: AuthContext,
    @Param('jobId') jobId: string,
  ): Promise<ImportStatusDto> {
    return this.imports.status(auth.workspace.id, jobId);
  }
}
