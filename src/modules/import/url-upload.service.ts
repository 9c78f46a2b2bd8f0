import { Injectable, Logger } from '@nestjs/common';
import { ApiError } from '../../common/errors/api-error.js';
import type { Media } from '../media/media.entity.js';
import { MediaIngest } from '../media/media-ingest.service.js';
import { lastPathSegment } from '../media/storage-key.js';
import { describeDownloadFailure, SourceDownload } from './source-download.js';

/**
 * `POST /v1/media`: downloads the file at a public URL into a new item before answering, and waits
 * (bounded) for its processing, so the answer's URL serves at once.
 */
@Injectable()
export class UrlUploadService {
  private readonly logger = new Logger(UrlUploadService.name);

  constructor(
    private readonly ingest: MediaIngest,
    private readonly download: SourceDownload,
  ) {}

  /**
   * `clientGone` stops the download when the client disconnects: the bytes staged so far are
   * discarded and no item is created. Once every byte is stored the item is kept, since the
   * client's retry finds it (or replays it under its idempotency key).
   */
  uploadFromUrl(
    workspaceId: string,
    url: string,
    clientGone?: AbortSignal,
  ): Promise<Media> {
    const source = new URL(url);
    return this.ingest.ingest(
      workspaceId,
      'url',
      {
        filename: lastPathSegment(source),
        contentType: 'application/octet-stream',
      },
      (key) =>
        this.download
          .toStorage(url, {}, key, undefined, clientGone)
          .catch((error: unknown) => {
            if (clientGone?.aborted) {
              // The URL's path and query may carry a token; the host says enough.
              this.logger.log(
                { workspaceId, host: source.host },
                'Stopped a URL upload: the client disconnected; nothing was stored',
              );
              throw new ApiError(
                'internal_error',
                'The client disconnected before the download finished; nothing was stored',
              );
            }
            throw toUploadError(error);
          }),
      { awaitProcessing: true },
    );
  }
}

function toUploadError(error: unknown): unknown {
  const failure = describeDownloadFailure(error);
  if (!failure) return error;
  if (failure.badUrl || failure.badFile) {
    return ApiError.validation('url', failure.message);
  }
  return new ApiError(
    'internal_error',
    `The file could not be downloaded: ${failure.message}`,
    {},
    { cause: error },
  );
}
