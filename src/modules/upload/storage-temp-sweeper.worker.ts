import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { JobRunner } from '../../infra/queue/job-runner.js';
import { Storage } from '../../infra/storage/storage.port.js';
import { UPLOAD_WINDOW_SECONDS } from './upload.service.js';

/** Lock id of the local storage temp sweeper ("media-api temp sweeper"). */
const TEMP_SWEEPER_LOCK_ID = 724_311_910;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/**
 * Twice the longest upload window: a file untouched that long belongs to no upload still able to
 * finish (a live body or part keeps writing to its file).
 */
export const TEMP_MAX_AGE_MS =
  2 * Math.max(...Object.values(UPLOAD_WINDOW_SECONDS)) * 1000;

/**
 * Where storage leaves temporary files (the local driver), removes what crashed or abandoned uploads
 * left there (staged bodies, parts of multipart uploads never completed): once when a worker boots,
 * then hourly in one worker at a time. S3 keeps no temp files of ours; its abandoned multipart
 * uploads are aborted by the upload reconciler.
 */
@Injectable()
export class StorageTempSweeperWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(StorageTempSweeperWorker.name);

  constructor(
    private readonly runner: JobRunner,
    private readonly storage: Storage,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const tempFiles = this.storage.tempFiles;
    if (!tempFiles || !this.runner.runsWorkers) {
      return;
    }
    const sweep = async () => {
      const removed = await tempFiles.sweep(TEMP_MAX_AGE_MS);
      if (removed > 0) {
        this.logger.log(`Removed ${removed} abandoned temporary upload files`);
      }
    };
    await sweep();
    this.runner.every(
      {
        name: 'Storage temp sweeper',
        lockId: TEMP_SWEEPER_LOCK_ID,
        intervalMs: SWEEP_INTERVAL_MS,
        run: sweep,
      },
      this.logger,
    );
  }
}
