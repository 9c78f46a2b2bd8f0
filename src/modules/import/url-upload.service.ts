import { Injectable } from '@nestjs/common';
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
  constructor(
    private readonly ingest: MediaIngest,
    private readonly download: SourceDownload,
  ) {}

  uploadFromUrl(workspaceId: string, url: string): Promise<Media> {
    return this.ingest.ingest(
      workspaceId,
      'url',
      {
        filename: lastPathSegment(new URL(url)),
        contentType: 'application/octet-stream',
      },
      (key) =>
        this.download.toStorage(url, {}, key).catch((error: unknown) => {
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
  );
}
