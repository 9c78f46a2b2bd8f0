import { Injectable, Logger } from '@nestjs/common';
import { ApiError } from '../../common/errors/api-error.js';
import { isId, newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../infra/database/unit-of-work.js';
import { FetchError } from '../../infra/fetch/fetch-error.js';
import { SafeFetcher } from '../../infra/fetch/safe-fetcher.js';
import {
  Every,
  OnJob,
  type JobPlace,
  type JobReport,
} from '../../infra/queue/job.js';
import { RetryLaterError } from '../../infra/queue/job-port.js';
import { LOCKS } from '../../infra/registry.js';
import { Storage } from '../../infra/storage/storage.port.js';
import type { Media } from '../media/media.entity.js';
import type { StoredBytes } from '../media/media-ingest.service.js';
import { MediaLifecycleService } from '../media/media-lifecycle.service.js';
import { MediaRepository } from '../media/media.repository.js';
import { MediaService } from '../media/media.service.js';
import { canonicalContentType, categoryOf } from '../media/media-types.js';
import { ProcessingJobs } from '../media/processing.jobs.js';
import {
  driveContentType,
  driveDownloadUrl,
  expectedDriveCategory,
} from './drive-source.js';
import { ImportJob, type ImportSource } from './import-job.entity.js';
import { ImportJobRepository } from './import-job.repository.js';
import {
  IMPORT_MEDIA,
  ImportJobs,
  type ImportMediaJob,
} from './import.jobs.js';
import { ImportTokens } from './import-tokens.js';
import { describeDownloadFailure, SourceDownload } from './source-download.js';

const RECOVERY_BATCH = 100;
/** Downloads at once per worker process; they wait on the network, not the CPU. */
const IMPORT_CONCURRENCY = 4;

/** An import from a URL that needs a bearer token (import-from-url). */
export interface UrlImportRequest {
  downloadUrl: string;
  filename: string;
  mimeType: string;
  accessToken: string;
}

/** An import of one Google Drive file (import-from-drive). */
export interface DriveImportRequest {
  fileId: string;
  filename: string;
  mimeType: string;
  accessToken: string;
}

export interface ImportStarted {
  mediaId: string;
  jobId: string;
}

export type ImportStatus = ImportStarted &
  (
    | { status: 'importing' }
    | { status: 'complete'; url: string; contentType: string }
    | { status: 'failed'; error: string }
  );

/**
 * Asynchronous imports (import-from-url, import-from-drive): each is an import job kept in the
 * database beside its PENDING item, worked by the import queue; the access token waits in Redis
 * only (ImportTokens) and is deleted once the import has finished either way.
 */
@Injectable()
export class ImportJobsService {
  private readonly logger = new Logger(ImportJobsService.name);

  constructor(
    private readonly library: MediaService,
    private readonly media: MediaRepository,
    private readonly lifecycle: MediaLifecycleService,
    private readonly processing: ProcessingJobs,
    private readonly imports: ImportJobRepository,
    private readonly jobs: ImportJobs,
    private readonly unitOfWork: UnitOfWork,
    private readonly download: SourceDownload,
    private readonly tokens: ImportTokens,
    private readonly storage: Storage,
    private readonly config: AppConfig,
    private readonly fetcher: SafeFetcher,
  ) {}

  startUrlImport(
    workspaceId: string,
    request: UrlImportRequest,
  ): Promise<ImportStarted> {
    const declared = canonicalContentType(request.mimeType);
    if (!declared) {
      throw ApiError.validation(
        'mimeType',
        `mimeType ${request.mimeType} is not a supported media type`,
      );
    }
    this.assertFetchableUrl(request.downloadUrl, 'downloadUrl');
    return this.start(workspaceId, {
      source: 'url',
      location: request.downloadUrl,
      declaredType: request.mimeType,
      contentType: declared,
      filename: request.filename,
      accessToken: request.accessToken,
    });
  }

  startDriveImport(
    workspaceId: string,
    request: DriveImportRequest,
  ): Promise<ImportStarted> {
    return this.start(workspaceId, {
      source: 'drive',
      location: request.fileId,
      declaredType: request.mimeType,
      contentType: driveContentType(request.mimeType, 'mimeType'),
      filename: request.filename,
      accessToken: request.accessToken,
    });
  }

  async status(workspaceId: string, jobId: string): Promise<ImportStatus> {
    const job = isId('job', jobId)
      ? await this.imports.findInWorkspace(workspaceId, jobId)
      : null;
    if (!job) {
      throw ApiError.notFound('import job', jobId);
    }
    const base = { mediaId: job.mediaId, jobId: job.id };
    if (job.state === 'failed') {
      return {
        ...base,
        status: 'failed',
        error: job.error ?? 'The import failed',
      };
    }
    const media = await this.media.findById(job.mediaId);
    if (!media) {
      return { ...base, status: 'failed', error: 'The media item was deleted' };
    }
    if (media.status === 'READY') {
      return {
        ...base,
        status: 'complete',
        url: media.publicUrl,
        contentType: media.contentType,
      };
    }
    if (media.status === 'FAILED') {
      return {
        ...base,
        status: 'failed',
        error:
          media.validationResults?.processing?.errors.join('; ') ??
          'Processing failed',
      };
    }
    return { ...base, status: 'importing' };
  }

  /**
   * The import counts against its workspace's IMPORT_WORKSPACE_CONCURRENCY; one that has finished
   * runs uncapped (its job only says so).
   */
  async workspaceOf(importJobId: string): Promise<JobPlace> {
    const job = await this.imports.findById(importJobId);
    return job?.state === 'importing' ? { group: job.workspaceId } : null;
  }

  /**
   * The job: downloads the import's file into its item. A transient failure is thrown for Bull to
   * retry (honouring the source's Retry-After) unless this is the last attempt; a permanent one is
   * recorded at once. Either way the access token is deleted when the import has finished.
   */
  @OnJob(IMPORT_MEDIA, {
    concurrency: () => IMPORT_CONCURRENCY,
    cap: {
      name: 'imports',
      limit: (config) => config.fairness.importsPerWorkspace,
      place: (self: ImportJobsService, { importJobId }) =>
        self.workspaceOf(importJobId),
    },
  })
  async run(
    { importJobId }: ImportMediaJob,
    { lastAttempt }: { lastAttempt: boolean },
  ): Promise<JobReport> {
    const job = await this.imports.findById(importJobId);
    if (job?.state !== 'importing') {
      return {
        summary: `nothing to do: import ${importJobId} is ${job ? job.state : 'gone'}`,
        mediaId: job?.mediaId,
        workspaceId: job?.workspaceId,
      };
    }
    const report = (summary: string): JobReport => ({
      summary,
      mediaId: job.mediaId,
      workspaceId: job.workspaceId,
    });
    const media = await this.media.findById(job.mediaId);
    if (media?.status !== 'PENDING') {
      await this.finish(
        job,
        'failed',
        'The media item was deleted before the import ran',
      );
      return report(`import ${job.id}: media ${job.mediaId} is gone`);
    }
    const token = await this.tokens.get(job.id);
    if (token === null) {
      await this.fail(
        job,
        media,
        'The access token expired before the import could run; start the import again',
      );
      return report(`import ${job.id} failed: token expired`);
    }
    let stored: StoredBytes;
    try {
      stored = await this.download.toStorage(
        job.source === 'url'
          ? job.location
          : driveDownloadUrl(
              this.config.googleDriveApiBase,
              job.location,
              job.declaredType,
            ),
        { Authorization: `Bearer ${token}` },
        media.storagePath!,
        job.source === 'drive'
          ? expectedDriveCategory(job.declaredType)
          : categoryOf(job.declaredType),
      );
    } catch (error) {
      const failure = describeDownloadFailure(
        error,
        job.source === 'drive' ? job.location : undefined,
      );
      if (!failure) {
        // Not the source's doing (a bug, storage or the database failing): retried like a transient
        // failure, and on the last attempt logged and recorded, so no import stays `importing`.
        if (!lastAttempt) throw error;
        this.logger.error(
          {
            importJobId: job.id,
            mediaId: media.id,
            workspaceId: job.workspaceId,
            err: error,
          },
          `Import ${job.id} failed on its last attempt`,
        );
        await this.fail(
          job,
          media,
          'The import failed on our side; start the import again',
        );
        return report(`import ${job.id} failed: ${String(error)}`);
      }
      if (failure.transient && !lastAttempt) {
        throw new RetryLaterError(failure.message, failure.retryAfterMs);
      }
      await this.fail(job, media, failure.message);
      return report(`import ${job.id} failed: ${failure.message}`);
    }
    const moved = await this.lifecycle.markBytesReceived(media.id, {
      contentType: stored.contentType,
      sizeBytes: stored.sizeBytes,
      metadata: { ...media.metadata, importStatus: 'complete' },
    });
    if (!moved) {
      // Deleted while downloading: do not leave its bytes behind.
      await this.storage.delete(media.storagePath!);
    }
    await this.finish(job, 'stored');
    return report(
      `import ${job.id}: ${stored.contentType}, ${stored.sizeBytes} bytes stored`,
    );
  }

  /**
   * Imports still `importing` after PROCESSING_STALE_SECONDS with no live job (Redis lost it, or it
   * could not be queued): queued again while their token lasts, failed once it is gone.
   */
  @Every({
    name: 'Import recovery',
    lockId: LOCKS.importRecovery,
    intervalMs: (config) => config.reconciler.intervalSeconds * 1_000,
  })
  async recoverStale(now = new Date()): Promise<number> {
    const stale = await this.imports.findStale(
      new Date(now.getTime() - this.config.processing.staleSeconds * 1_000),
      RECOVERY_BATCH,
    );
    let recovered = 0;
    for (const job of stale) {
      if (await this.jobs.hasLiveJob(job.id)) continue;
      await this.imports.touch(job.id, now);
      await this.jobs.enqueue(job.id);
      recovered += 1;
    }
    if (recovered > 0) {
      this.logger.log(`Queued ${recovered} stale imports again`);
    }
    return recovered;
  }

  private async start(
    workspaceId: string,
    spec: {
      source: ImportSource;
      location: string;
      declaredType: string;
      contentType: string;
      filename: string;
      accessToken: string;
    },
  ): Promise<ImportStarted> {
    this.processing.assertAvailable();
    const jobId = newId('job');
    const item = this.library.newServerStoredItem(
      workspaceId,
      spec.source === 'url' ? 'import_url' : 'drive',
      {
        filename: spec.filename,
        contentType: spec.contentType,
        status: 'PENDING',
        metadata: { importStatus: 'importing' },
      },
    );
    const job = Object.assign(new ImportJob(), {
      id: jobId,
      workspaceId,
      mediaId: item.id,
      source: spec.source,
      location: spec.location,
      declaredType: spec.declaredType,
      state: 'importing',
      error: null,
    });
    // The token first: if Redis cannot take it, nothing has been created.
    await this.tokens.put(jobId, spec.accessToken);
    await this.unitOfWork.run(async (tx) => {
      await this.media.insert(item, tx);
      await this.imports.insert(job, tx);
      await this.unitOfWork.recordCreated(tx, [item.id, job.id]);
    });
    await this.jobs.enqueue(jobId);
    return { mediaId: item.id, jobId };
  }

  /** Refuses at request time, in the download's own words, what the download would refuse anyway. */
  private assertFetchableUrl(value: string, field: string): void {
    try {
      this.fetcher.checkWithoutResolving(value);
    } catch (error) {
      if (error instanceof FetchError) {
        throw ApiError.validation(field, error.message);
      }
      throw error;
    }
  }

  private async fail(
    job: ImportJob,
    media: Media,
    reason: string,
  ): Promise<void> {
    await this.lifecycle.failPending(media.id, reason, {
      metadata: { ...media.metadata, importStatus: 'failed' },
    });
    await this.finish(job, 'failed', reason);
  }

  private async finish(
    job: ImportJob,
    state: 'stored' | 'failed',
    error?: string,
  ): Promise<void> {
    await this.imports.finish(job.id, state, error ?? null);
    await this.tokens.delete(job.id);
  }
}
