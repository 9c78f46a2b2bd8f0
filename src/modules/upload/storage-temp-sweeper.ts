import { Injectable, Logger } from '@nestjs/common';
import { Every } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { Storage } from '../../infra/storage/storage.port.js';
import { UPLOAD_WINDOW_SECONDS } from './upload.service.js';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/**
 * Twice the longest upload window: a file untouched that long belongs to no upload still able to
 * finish (a live body or part keeps writing to its file).
 */
export const TEMP_MAX_AGE_MS =
  2 * Math.max(...Object.values(UPLOAD_WINDOW_SECONDS)) * 1000;

/**
 * Where storage leaves temporary files (the local driver), removes what crashed or abandoned
 * uploads left there (staged bodies, parts of multipart uploads never completed): when a worker
 * starts, then hourly, in one worker at a time. S3 keeps no temp files of ours; its abandoned
 * multipart uploads are aborted by the upload reconciler.
 */
@Injectable()
export class StorageTempSweeper {
  private readonly logger = new Logger(StorageTempSweeper.name);

  constructor(private readonly storage: Storage) {}

  @Every({
    name: 'Storage temp sweeper',
    lockId: LOCKS.storageTempSweeper,
    intervalMs: () => SWEEP_INTERVAL_MS,
    runAtStart: true,
  })
  async sweep(): Promise<void> {
    const tempFiles = this.storage.tempFiles;
    if (!tempFiles) {
      return;
    }
    const removed = await tempFiles.sweep(TEMP_MAX_AGE_MS);
    if (removed > 0) {
      this.logger.log(`Removed ${removed} abandoned temporary upload files`);
    }
  }
}
