import {
  applyDecorators,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import rangeParser from 'range-parser';
import { Public } from '../../common/auth/auth.decorators.js';
import { ApiError } from '../../common/errors/api-error.js';
import { AppConfig } from '../../config/app-config.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { storageFailureCode } from '../../infra/storage/storage-failure.js';
import { isValidObjectKey } from '../../infra/storage/object-key.js';
import {
  Storage,
  StorageObjectNotFoundError,
  type StoredObjectInfo,
} from '../../infra/storage/storage.port.js';
import {
  UploadAbortedError,
  UploadRejectedError,
} from '../../infra/storage/upload-errors.js';
import {
  contentDisposition,
  fileCacheControl,
} from '../../infra/storage/served-headers.js';
import { SUPPORTED_CONTENT_TYPES } from '../media/media-types.js';
import { MediaRepository } from '../media/media.repository.js';
import { MediaRenditionRepository } from '../media/rendition.repository.js';
import { UploadReceiptService } from './upload-receipt.service.js';

/**
 * The terms a local upload URL carries in its query, all bound by `signature`: documented so a
 * generated client can send the URL it was given. Copy them from the URL; never build them.
 */
const SIGNED_UPLOAD_QUERY = applyDecorators(
  ApiQuery({
    name: 'contentType',
    type: 'string',
    required: true,
    description: 'The content type the URL was signed for',
    example: 'image/jpeg',
  }),
  ApiQuery({
    name: 'contentLength',
    required: false,
    type: 'integer',
    description: 'The exact byte length signed (single uploads and parts)',
    example: 245_760,
  }),
  ApiQuery({
    name: 'maxContentLength',
    required: false,
    type: 'integer',
    description:
      'The largest byte length signed, instead of `contentLength` (bulk video URLs planned from `fileSizeMb`)',
  }),
  ApiQuery({
    name: 'expires',
    required: true,
    type: 'integer',
    description: 'Unix time (seconds) the URL expires at',
    example: 1_798_761_600,
  }),
  ApiQuery({
    name: 'sha256',
    type: 'string',
    required: false,
    description: 'The `checksumSha256` declared for the file',
  }),
  ApiQuery({
    name: 'uploadId',
    type: 'string',
    required: false,
    description: 'The multipart upload this part belongs to',
  }),
  ApiQuery({
    name: 'partNumber',
    required: false,
    type: 'integer',
    description: 'The part, from 1',
  }),
  ApiQuery({
    name: 'signature',
    type: 'string',
    required: true,
    description: 'HMAC of the key and the terms above',
  }),
);

/** Express 5 hands a `*key` wildcard over as its path segments. */
function joinKey(key: string | string[]): string {
  return Array.isArray(key) ? key.join('/') : key;
}

/**
 * Files are served from the API's own origin with the local driver, so nothing in them may run
 * there: a sandbox CSP makes a browser treat an opened file (an HTML-looking caption, a PDF with
 * an /OpenAction script) as an opaque origin without scripts, and documents and captions download
 * rather than open. Production should still serve files from a separate domain or CDN.
 */
const FILE_CONTENT_SECURITY_POLICY =
  "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";

/**
 * The `local` storage driver's HTTP side: the signed upload URLs it issues and the public file
 * URLs it serves. With the `s3` driver both live in the bucket/CDN and these routes answer 404.
 */
@ApiTags('Files')
@Public()
@Controller()
export class LocalStorageController {
  constructor(
    private readonly storage: Storage,
    private readonly media: MediaRepository,
    private readonly renditions: MediaRenditionRepository,
    private readonly receipts: UploadReceiptService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The target of a local upload URL. The signature binds the key, content type, byte length and
   * expiry; a wrong `Content-Type`, a body longer or shorter than signed, a `Content-Encoding`, an
   * expired or tampered URL is refused with 403 `upload_rejected` and nothing is stored. A URL
   * accepts one upload: repeating the same bytes (e.g. after a 503) answers 200 again, different
   * bytes 409. Success starts processing.
   */
  @ApiOperation({ summary: 'Upload a file to a signed URL (local storage)' })
  // The body is sent with the content type the URL was signed for, one of the supported types.
  @ApiConsumes(...SUPPORTED_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 200, description: 'Stored; processing has started' })
  @ApiProblemResponses(
    [
      400,
      'The upload ended before all bytes arrived; nothing was stored (`validation_error`)',
    ],
    [
      403,
      'The URL is expired or tampered, or the body does not match what was signed (`upload_rejected`)',
    ],
    404,
    [
      409,
      'The URL has been used for other bytes, or the item is no longer waiting for an upload (`conflict`)',
    ],
    500,
    [
      503,
      'The job queue is unavailable; nothing was stored, retry the same PUT (`service_unavailable`)',
    ],
    [
      507,
      'Our storage is full or failing (`insufficient_storage`); nothing was stored, retry the same PUT later',
    ],
  )
  @SIGNED_UPLOAD_QUERY
  @HttpCode(200)
  @Put('uploads/*key')
  async receiveUpload(
    @Param('key') key: string | string[],
    @Query() query: Record<string, string>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    try {
      const etag = await this.receipts.receiveSignedUpload({
        key: joinKey(key),
        query,
        contentTypeHeader: request.header('content-type'),
        contentLengthHeader: request.header('content-length'),
        contentEncodingHeader: request.header('content-encoding'),
        body: request,
      });
      response.setHeader('ETag', etag);
    } catch (error) {
      if (error instanceof UploadRejectedError) {
        // The rest of the body is left unread; closing the connection stops the client sending it.
        response.setHeader('Connection', 'close');
        throw new ApiError('upload_rejected', error.message, {
          errors: [{ field: error.reason, message: error.message }],
        });
      }
      if (storageFailureCode(error)) {
        // The body may still be arriving; the answer (507) goes out and the connection closes.
        response.setHeader('Connection', 'close');
        throw error;
      }
      if (error instanceof UploadAbortedError) {
        throw new ApiError(
          'validation_error',
          'The upload ended before all bytes arrived; nothing was stored',
          {
            errors: [{ field: 'body', message: 'incomplete upload' }],
          },
        );
      }
      throw error;
    }
  }

  /**
   * Public file URL of a READY item: the stored bytes with their content type, a strong ETag,
   * single-range requests and caching for `FILES_CACHE_MAX_AGE_SECONDS` (a day by default; not
   * `immutable`, since items can be deleted). Error answers are never cacheable. Documents
   * and captions are served as downloads, and no file can run scripts on this origin.
   */
  @ApiOperation({ summary: 'Download a file (local storage)' })
  @ApiProduces('*/*')
  @ApiHeader({
    name: 'Range',
    required: false,
    description: 'A single byte range, e.g. `bytes=0-1023`',
  })
  @ApiResponse({
    status: 200,
    description: 'The file',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiResponse({ status: 206, description: 'The requested range' })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match)' })
  @ApiProblemResponses(404, 416, 500, 503)
  @Get('files/*key')
  async serveFile(
    @Param('key') key: string | string[],
    @Headers('range') range: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const storageKey = joinKey(key);
    const stored =
      this.receipts.receivesUploads &&
      isValidObjectKey(storageKey) &&
      (await this.isServed(storageKey))
        ? await this.storage.head(storageKey)
        : null;
    if (!stored) {
      throw new ApiError('not_found', 'No such file');
    }
    if (
      stored.etag &&
      ifNoneMatch
        ?.split(',')
        .some((tag) => tag.trim() === stored.etag || tag.trim() === '*')
    ) {
      this.setCaching(response, stored);
      response.status(304).end();
      return;
    }
    const ranges = range
      ? rangeParser(stored.sizeBytes, range, { combine: true })
      : undefined;
    if (ranges === -1) {
      throw new ApiError(
        'range_not_satisfiable',
        `The file is ${stored.sizeBytes} bytes long`,
        { headers: { 'Content-Range': `bytes */${stored.sizeBytes}` } },
      );
    }
    const single =
      Array.isArray(ranges) && ranges.length === 1 ? ranges[0] : undefined;
    // Opened before any header is set: an item deleted since `head` is a plain 404.
    let body: Readable;
    try {
      body = await this.storage.openReadStream(storageKey, single);
    } catch (error) {
      if (error instanceof StorageObjectNotFoundError) {
        throw new ApiError('not_found', 'No such file');
      }
      throw error;
    }
    const contentType = stored.contentType ?? 'application/octet-stream';
    response.setHeader('Content-Type', contentType);
    response.setHeader(
      'Content-Disposition',
      contentDisposition(storageKey, contentType),
    );
    response.setHeader('Content-Security-Policy', FILE_CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Accept-Ranges', 'bytes');
    this.setCaching(response, stored);
    if (single) {
      response.status(206);
      response.setHeader(
        'Content-Range',
        `bytes ${single.start}-${single.end}/${stored.sizeBytes}`,
      );
      response.setHeader(
        'Content-Length',
        String(single.end - single.start + 1),
      );
    } else {
      response.status(200);
      response.setHeader('Content-Length', String(stored.sizeBytes));
    }
    await pipeline(body, response);
  }

  /** A READY item's file or poster, or a ready rendition's file: nothing unfinished is served. */
  private async isServed(key: string): Promise<boolean> {
    const media = await this.media.findByStoredKey(key);
    if (media) {
      return media.status === 'READY';
    }
    return (await this.renditions.findReadyByKey(key)) !== null;
  }

  private setCaching(response: Response, stored: StoredObjectInfo): void {
    response.setHeader(
      'Cache-Control',
      fileCacheControl(this.config.storage.filesCacheMaxAgeSeconds),
    );
    if (stored.etag) {
      response.setHeader('ETag', stored.etag);
    }
    if (stored.lastModified) {
      response.setHeader('Last-Modified', stored.lastModified.toUTCString());
    }
  }
}
