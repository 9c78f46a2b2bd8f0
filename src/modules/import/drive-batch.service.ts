import { Injectable } from '@nestjs/common';
import { ApiError } from '../../common/errors/api-error.js';
import { AppConfig } from '../../config/app-config.js';
import type { Media } from '../media/media.entity.js';
import { MediaIngest } from '../media/media-ingest.service.js';
import { MediaService } from '../media/media.service.js';
import {
  driveContentType,
  driveDownloadUrl,
  expectedDriveCategory,
} from './drive-source.js';
import { describeDownloadFailure, SourceDownload } from './source-download.js';

/** Files of one batch downloaded at once. */
const DRIVE_BATCH_CONCURRENCY = 3;

/** A Drive file to import now. */
export interface DriveBatchFile {
  driveFileId: string;
  name: string;
  mimeType: string;
}

/**
 * One file's outcome: the new item, or why there is none (nothing is left of a file whose download
 * failed; a file that failed processing keeps its FAILED item, named by `mediaId`).
 */
export type DriveBatchResult =
  | { fileId: string; status: 'ok'; mediaId: string; url: string }
  | { fileId: string; status: 'error'; mediaId?: string; error: string };

/** A file once its download is over: its stored item, or the result that says why there is none. */
type Downloaded = { stored: Media } | { failed: DriveBatchResult };

/**
 * `POST /v1/media/drive-import`: every file of the batch downloaded before answering, then their
 * processing awaited together (bounded like `POST /v1/media`, see MediaService.waitForProcessing),
 * so the answer's URLs serve at once in the common case.
 */
@Injectable()
export class DriveBatchService {
  constructor(
    private readonly ingest: MediaIngest,
    private readonly library: MediaService,
    private readonly download: SourceDownload,
    private readonly config: AppConfig,
  ) {}

  async importNow(
    workspaceId: string,
    files: DriveBatchFile[],
    accessToken: string,
  ): Promise<DriveBatchResult[]> {
    files.forEach((file, index) =>
      driveContentType(file.mimeType, `files.${index}.mimeType`),
    );
    this.ingest.assertCanIngest();
    const results: Downloaded[] = [];
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const index = next++;
        results[index] = await this.importFile(
          workspaceId,
          files[index],
          accessToken,
        );
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(DRIVE_BATCH_CONCURRENCY, files.length) },
        worker,
      ),
    );
    // Every item is waited for at once, so the whole batch waits at most one bound.
    return Promise.all(
      results.map((result, index) =>
        'stored' in result
          ? this.settled(workspaceId, files[index], result.stored)
          : Promise.resolve(result.failed),
      ),
    );
  }

  private async settled(
    workspaceId: string,
    file: DriveBatchFile,
    stored: Media,
  ): Promise<DriveBatchResult> {
    let item: Media;
    try {
      item = await this.library.waitForProcessing(workspaceId, stored.id);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not_found') {
        return {
          fileId: file.driveFileId,
          status: 'error',
          error: 'The media item was deleted',
        };
      }
      throw error;
    }
    if (item.status === 'FAILED') {
      return {
        fileId: file.driveFileId,
        status: 'error',
        mediaId: item.id,
        error:
          item.validationResults?.processing?.errors.join('; ') ||
          'Processing failed',
      };
    }
    return {
      fileId: file.driveFileId,
      status: 'ok',
      mediaId: item.id,
      url: item.publicUrl,
    };
  }

  private async importFile(
    workspaceId: string,
    file: DriveBatchFile,
    accessToken: string,
  ): Promise<Downloaded> {
    try {
      const stored = await this.ingest.ingest(
        workspaceId,
        'drive',
        {
          filename: file.name,
          contentType: driveContentType(file.mimeType, 'mimeType'),
          metadata: { importStatus: 'complete' },
        },
        (key) =>
          this.download.toStorage(
            driveDownloadUrl(
              this.config.googleDriveApiBase,
              file.driveFileId,
              file.mimeType,
            ),
            { Authorization: `Bearer ${accessToken}` },
            key,
            expectedDriveCategory(file.mimeType),
          ),
        { awaitProcessing: false },
      );
      return { stored };
    } catch (error) {
      const failure = describeDownloadFailure(error, file.driveFileId);
      if (!failure) throw error;
      return {
        failed: {
          fileId: file.driveFileId,
          status: 'error',
          error: failure.message,
        },
      };
    }
  }
}
