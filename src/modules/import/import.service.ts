import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource, LessThan, Repository } from 'typeorm';
import { ApiError } from '../../common/errors/api-error.js';
import { isId, newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import {
  FetchError,
  UpstreamStatusError,
} from '../../infra/fetch/fetch-error.js';
import { isPublicHostLiteral } from '../../infra/fetch/address-policy.js';
import { SafeFetcher } from '../../infra/fetch/safe-fetcher.js';
import type { JobReport } from '../../infra/queue/job-runner.js';
import {
  importMediaJobOptions,
  isJobLive,
  JOBS,
  QUEUES,
  RetryableImportError,
  withQueue,
  type ImportMediaJob,
} from '../../infra/queue/queues.js';
import { Storage } from '../../infra/storage/storage.port.js';
import type { Media } from '../media/media.entity.js';
import { MediaLifecycleService } from '../media/media-lifecycle.service.js';
import { MediaService } from '../media/media.service.js';
import { lastPathSegment } from '../media/storage-key.js';
import {
  canonicalContentType,
  categoryOf,
  type MediaCategory,
} from '../media/media-types.js';
import {
  describeDriveRefusal,
  driveDownloadUrl,
  isGoogleNativeType,
} from './drive-source.js';
import type {
  DriveImportDto,
  DriveImportResultDto,
  ImportFromDriveDto,
  ImportFromUrlDto,
  ImportStartedDto,
  ImportStatusDto,
} from './import.dto.js';
import { ImportJob, type ImportSource } from './import-job.entity.js';
import { ImportTokens } from './import-tokens.js';
import {
  IngestRejectedError,
  RemoteIngestService,
  type IngestedFile,
} from './remote-ingest.service.js';

/** Files of one synchronous Drive import downloaded at once. */
const DRIVE_SYNC_CONCURRENCY = 3;
const RECOVERY_BATCH = 100;

/** Upstream answers worth another try: timeouts, rate limits, server errors. */
function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function retryAfterMs(
  value: string | string[] | undefined,
): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1_000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(date - Date.now(), 0);
}

/** Why a download failed, in words for the user, and whether trying again may help. */
interface DownloadFailure {
  message: string;
  transient: boolean;
  retryAfterMs?: number;
  /** The URL itself is unacceptable (not http(s), credentials, private address). */
  badUrl?: boolean;
  /** The file is unacceptable (type, size). */
  badFile?: boolean;
}

class SourceStatusError extends UpstreamStatusError {
  constructor(
    status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(status);
  }
}

function describeFailure(
  error: unknown,
  driveFileId?: string,
): DownloadFailure | null {
  if (error instanceof IngestRejectedError) {
    return { message: error.message, transient: false, badFile: true };
  }
  if (error instanceof UpstreamStatusError) {
    return {
      message: driveFileId
        ? describeDriveRefusal(error, driveFileId)
        : `The source answered ${error.status}`,
      transient: isTransientStatus(error.status),
      retryAfterMs:
        error instanceof SourceStatusError ? error.retryAfterMs : undefined,
    };
  }
  if (!(error instanceof FetchError)) {
    return null;
  }
  switch (error.kind) {
    case 'invalid_url':
    case 'blocked_address':
      return { message: error.message, transient: false, badUrl: true };
    case 'too_large':
      return { message: error.message, transient: false, badFile: true };
    case 'dns_failure':
    case 'too_many_redirects':
      return { message: error.message, transient: false };
    default:
      return { message: error.message, transient: true };
  }
}

/**
 * Server-side ingestion (SPEC §4 "Remote upload and imports"): `POST /v1/media` downloads and
 * stores at once; import-from-url and import-from-drive run as import jobs, kept in the database
 * and worked by the import queue; drive-import downloads a batch before answering. Every download
 * goes through the SafeFetcher and is streamed straight into storage.
 */
@Injectable()
export class ImportService {
  private readonly logger = new Logger(ImportService.name);

  constructor(
    private readonly media: MediaService,
    private readonly lifecycle: MediaLifecycleService,
    private readonly ingest: RemoteIngestService,
    private readonly fetcher: SafeFetcher,
    private readonly tokens: ImportTokens,
    private readonly storage: Storage,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    @InjectRepository(ImportJob)
    private readonly jobs: Repository<ImportJob>,
    @InjectQueue(QUEUES.imports)
    private readonly queue: Queue<ImportMediaJob>,
  ) {}

  /** POST /v1/media: downloads the file at `url` into a new item, which then joins the pipeline. */
  async uploadFromUrl(workspaceId: string, url: string): Promise<Media> {
    this.lifecycle.assertCanQueueProcessing();
    const item = this.media.newServerStoredItem(workspaceId, 'url', {
      filename: lastPathSegment(new URL(url)),
      contentType: 'application/octet-stream',
      status: 'PROCESSING',
    });
    let stored: IngestedFile;
    try {
      stored = await this.download(url, {}, item.storagePath!);
    } catch (error) {
      throw this.toUploadError(error);
    }
    item.contentType = stored.contentType;
    item.sizeBytes = stored.sizeBytes;
    try {
      await this.lifecycle.insertReceived(item);
    } catch (error) {
      await this.storage.delete(item.storagePath!);
      throw error;
    }
    return this.media.waitForProcessing(workspaceId, item.id);
  }

  async startUrlImport(
    workspaceId: string,
    dto: ImportFromUrlDto,
  ): Promise<ImportStartedDto> {
    const declared = canonicalContentType(dto.mimeType);
    if (!declared) {
      throw ApiError.validation(
        'mimeType',
        `mimeType ${dto.mimeType} is not a supported media type`,
      );
    }
    this.assertFetchableUrl(dto.downloadUrl, 'downloadUrl');
    return this.startImport(workspaceId, {
      source: 'url',
      location: dto.downloadUrl,
      declaredType: dto.mimeType,
      contentType: declared,
      filename: dto.filename,
      accessToken: dto.accessToken,
    });
  }

  async startDriveImport(
    workspaceId: string,
    dto: ImportFromDriveDto,
  ): Promise<ImportStartedDto> {
    return this.startImport(workspaceId, {
      source: 'drive',
      location: dto.fileId,
      declaredType: dto.mimeType,
      contentType: this.driveContentType(dto.mimeType, 'mimeType'),
      filename: dto.filename,
      accessToken: dto.accessToken,
    });
  }

  /** POST /v1/media/drive-import: every file downloaded before answering; failed files leave nothing. */
  async importFromDriveNow(
    workspaceId: string,
    dto: DriveImportDto,
  ): Promise<DriveImportResultDto[]> {
    dto.files.forEach((file, index) =>
      this.driveContentType(file.mimeType, `files.${index}.mimeType`),
    );
    this.lifecycle.assertCanQueueProcessing();
    const results: DriveImportResultDto[] = [];
    let next = 0;
    const worker = async () => {
      while (next < dto.files.length) {
        const index = next++;
        results[index] = await this.importDriveFileNow(
          workspaceId,
          dto.files[index],
          dto.accessToken,
        );
      }
    };
    await Promise.all(
      Array.from(
        { length: Math.min(DRIVE_SYNC_CONCURRENCY, dto.files.length) },
        worker,
      ),
    );
    return results;
  }

  async status(workspaceId: string, jobId: string): Promise<ImportStatusDto> {
    const job = isId('job', jobId)
      ? await this.jobs.findOneBy({ id: jobId, workspaceId })
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
   * Works one import job. A transient failure is thrown for Bull to retry (honouring the source's
   * Retry-After) unless this is the last attempt; a permanent one is recorded at once. Either way
   * the access token is deleted when the import has finished.
   */
  async runImport(
    importJobId: string,
    lastAttempt: boolean,
  ): Promise<JobReport> {
    const job = await this.jobs.findOneBy({ id: importJobId });
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
    let stored: IngestedFile;
    try {
      stored = await this.download(
        job.source === 'url'
          ? job.location
          : driveDownloadUrl(
              this.config.googleDriveApiBase,
              job.location,
              job.declaredType,
            ),
        { Authorization: `Bearer ${token}` },
        media.storagePath!,
        this.expectedCategory(job),
      );
    } catch (error) {
      const failure = describeFailure(
        error,
        job.source === 'drive' ? job.location : undefined,
      );
      if (!failure) throw error;
      if (failure.transient && !lastAttempt) {
        throw new RetryableImportError(failure.message, failure.retryAfterMs);
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
  async recoverStale(now = new Date()): Promise<number> {
    const stale = await this.jobs.find({
      where: {
        state: 'importing',
        updatedAt: LessThan(
          new Date(now.getTime() - this.config.processing.staleSeconds * 1_000),
        ),
      },
      order: { updatedAt: 'ASC' },
      take: RECOVERY_BATCH,
    });
    let recovered = 0;
    for (const job of stale) {
      if (await isJobLive(this.queue, importMediaJobOptions(job.id).jobId!))
        continue;
      await this.jobs.update({ id: job.id }, { updatedAt: now });
      await this.enqueue(job.id);
      recovered += 1;
    }
    if (recovered > 0) {
      this.logger.log(`Queued ${recovered} stale imports again`);
    }
    return recovered;
  }

  private async startImport(
    workspaceId: string,
    spec: {
      source: ImportSource;
      location: string;
      declaredType: string;
      contentType: string;
      filename: string;
      accessToken: string;
    },
  ): Promise<ImportStartedDto> {
    this.lifecycle.assertCanQueueProcessing();
    const jobId = newId('job');
    const item = this.media.newServerStoredItem(
      workspaceId,
      spec.source === 'url' ? 'import_url' : 'drive',
      {
        filename: spec.filename,
        contentType: spec.contentType,
        status: 'PENDING',
        metadata: { importStatus: 'importing' },
      },
    );
    // The token first: if Redis cannot take it, nothing has been created.
    await this.tokens.put(jobId, spec.accessToken);
    await this.dataSource.transaction(async (manager) => {
      await manager.save(item);
      await manager.save(
        this.jobs.create({
          id: jobId,
          workspaceId,
          mediaId: item.id,
          source: spec.source,
          location: spec.location,
          declaredType: spec.declaredType,
          state: 'importing',
          error: null,
        }),
      );
    });
    await this.enqueue(jobId);
    return { mediaId: item.id, jobId, status: 'importing' };
  }

  private async importDriveFileNow(
    workspaceId: string,
    file: DriveImportDto['files'][number],
    accessToken: string,
  ): Promise<DriveImportResultDto> {
    const item = this.media.newServerStoredItem(workspaceId, 'drive', {
      filename: file.name,
      contentType: this.driveContentType(file.mimeType, 'mimeType'),
      status: 'PROCESSING',
    });
    try {
      const stored = await this.download(
        driveDownloadUrl(
          this.config.googleDriveApiBase,
          file.driveFileId,
          file.mimeType,
        ),
        { Authorization: `Bearer ${accessToken}` },
        item.storagePath!,
        isGoogleNativeType(file.mimeType)
          ? 'document'
          : categoryOf(file.mimeType),
      );
      item.contentType = stored.contentType;
      item.sizeBytes = stored.sizeBytes;
      item.metadata = { ...item.metadata, importStatus: 'complete' };
    } catch (error) {
      const failure = describeFailure(error, file.driveFileId);
      if (!failure) throw error;
      return {
        fileId: file.driveFileId,
        status: 'error',
        error: failure.message,
      };
    }
    try {
      await this.lifecycle.insertReceived(item);
    } catch (error) {
      await this.storage.delete(item.storagePath!);
      throw error;
    }
    return {
      fileId: file.driveFileId,
      mediaId: item.id,
      url: item.publicUrl,
      status: 'ok',
    };
  }

  /** Fetches `url` (2xx required) and streams the body into storage at `key`. */
  private async download(
    url: string,
    headers: Record<string, string>,
    key: string,
    expected?: MediaCategory,
  ): Promise<IngestedFile> {
    const response = await this.fetcher.fetch(url, { headers });
    if (response.status < 200 || response.status >= 300) {
      response.release();
      throw new SourceStatusError(
        response.status,
        retryAfterMs(response.headers['retry-after']),
      );
    }
    return this.ingest.store(response, key, expected);
  }

  private toUploadError(error: unknown): unknown {
    const failure = describeFailure(error);
    if (!failure) return error;
    if (failure.badUrl) return ApiError.validation('url', failure.message);
    if (failure.badFile) return ApiError.validation('url', failure.message);
    return new ApiError(
      'internal_error',
      `The file could not be downloaded: ${failure.message}`,
    );
  }

  /** Refuses at request time what the download would refuse anyway (scheme, credentials, literal private hosts). */
  private assertFetchableUrl(value: string, field: string): void {
    const url = new URL(value);
    if (url.username || url.password) {
      throw ApiError.validation(
        field,
        `${field} must not carry a user name or password`,
      );
    }
    if (
      !this.config.fetch.allowPrivateAddresses &&
      !isPublicHostLiteral(url.hostname)
    ) {
      throw ApiError.validation(field, `${field} must point to a public host`);
    }
  }

  private driveContentType(mimeType: string, field: string): string {
    if (isGoogleNativeType(mimeType)) return 'application/pdf';
    const supported = canonicalContentType(mimeType);
    if (!supported) {
      throw ApiError.validation(
        field,
        `${field} ${mimeType} is not a supported media type`,
      );
    }
    return supported;
  }

  private expectedCategory(job: ImportJob): MediaCategory | undefined {
    return job.source === 'drive' && isGoogleNativeType(job.declaredType)
      ? 'document'
      : categoryOf(job.declaredType);
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
    await this.jobs.update({ id: job.id }, { state, error: error ?? null });
    await this.tokens.delete(job.id);
  }

  private async enqueue(importJobId: string): Promise<void> {
    await withQueue(this.queue, () =>
      this.queue.add(
        JOBS.importMedia,
        { importJobId },
        importMediaJobOptions(importJobId),
      ),
    );
  }
}
