import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { MediaIngest } from '../media/media-ingest.service.js';
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

/** One file's outcome: the new item, or why there is none (nothing is left of a failed file). */
export type DriveBatchResult =
  | { fileId: string; status: 'ok'; mediaId: string; url: string }
  | { fileId: string; status: 'error'; error: string };

/** `POST /v1/media/drive-import`: every file of the batch downloaded before answering. */
@Injectable()
export class DriveBatchService {
  constructor(
    private readonly ingest: MediaIngest,
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
    const results: DriveBatchResult[] = [];
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
    return results;
  }

  private async importFile(
    workspaceId: string,
    file: DriveBatchFile,
    accessToken: string,
  ): Promise<DriveBatchResult> {
    try {
      const item = await this.ingest.ingest(
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
      return {
        fileId: file.driveFileId,
        status: 'ok',
        mediaId: item.id,
        url: item.publicUrl,
      };
    } catch (error) {
      const failure = describeDownloadFailure(error, file.driveFileId);
      if (!failure) throw error;
      return {
        fileId: file.driveFileId,
        status: 'error',
        error: failure.message,
      };
    }
  }
}
