import { Logger } from '@nestjs/common';
import { newId } from '../../common/ids.js';
import { loadConfig } from '../../config/app-config.js';
import {
  FetchError,
  UpstreamStatusError,
} from '../../infra/fetch/fetch-error.js';
import { nonPublicHostMessage } from '../../infra/fetch/non-public-host.js';
import { SafeFetcher } from '../../infra/fetch/safe-fetcher.js';
import { RetryLaterError } from '../../infra/queue/job-port.js';
import type { Storage } from '../../infra/storage/storage.port.js';
import {
  FakeMediaEventRepository,
  FakeMediaRepository,
  FakeProcessingJobs,
  mediaRow,
} from '../../testing/fakes/media.fakes.js';
import {
  assertInTransaction,
  FakeUnitOfWork,
  type Transactional,
} from '../../testing/fakes/unit-of-work.fake.js';
import type { StoredBytes } from '../media/media-ingest.service.js';
import { MediaLifecycleService } from '../media/media-lifecycle.service.js';
import type { MediaService } from '../media/media.service.js';
import { ImportJob, type ImportJobState } from './import-job.entity.js';
import type { ImportJobRepository } from './import-job.repository.js';
import { ImportJobsService } from './import-jobs.service.js';
import type { ImportJobs } from './import.jobs.js';
import type { ImportTokens } from './import-tokens.js';
import type { SourceDownload } from './source-download.js';

class FakeImportJobRepository
  implements
    Pick<
      ImportJobRepository,
      | 'insert'
      | 'findById'
      | 'findInWorkspace'
      | 'finish'
      | 'findStale'
      | 'touch'
    >,
    Transactional
{
  rows = new Map<string, ImportJob>();

  snapshot() {
    const saved = new Map(this.rows);
    return () => {
      this.rows = saved;
    };
  }

  seed(fields: Partial<ImportJob>): ImportJob {
    const job = Object.assign(new ImportJob(), {
      id: newId('job'),
      workspaceId: 'ws_test',
      mediaId: 'media_x',
      source: 'url',
      location: 'https://files.example.com/a.png',
      declaredType: 'image/png',
      state: 'importing',
      error: null,
      createdAt: new Date(),
      updatedAt: new Date(),
      ...fields,
    });
    this.rows.set(job.id, job);
    return job;
  }

  async insert(job: ImportJob, tx: unknown) {
    assertInTransaction(tx, 'insert');
    this.rows.set(
      job.id,
      Object.assign(new ImportJob(), job, { updatedAt: new Date() }),
    );
  }
  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }
  async findInWorkspace(workspaceId: string, id: string) {
    const job = this.rows.get(id);
    return job?.workspaceId === workspaceId ? job : null;
  }
  async finish(id: string, state: ImportJobState, error: string | null) {
    const job = this.rows.get(id);
    if (job) Object.assign(job, { state, error });
  }
  async findStale(before: Date, limit: number) {
    return [...this.rows.values()]
      .filter((job) => job.state === 'importing' && job.updatedAt < before)
      .slice(0, limit);
  }
  async touch(id: string, at: Date) {
    const job = this.rows.get(id);
    if (job) job.updatedAt = at;
  }
}

describe('ImportJobsService', () => {
  const config = loadConfig({});
  let media: FakeMediaRepository;
  let events: FakeMediaEventRepository;
  let imports: FakeImportJobRepository;
  let processing: FakeProcessingJobs;
  let queuedImports: string[];
  let liveImports: Set<string>;
  let tokens: Map<string, string>;
  let download: ReturnType<typeof vi.fn>;
  let deleted: string[];
  let service: ImportJobsService;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    media = new FakeMediaRepository();
    events = new FakeMediaEventRepository();
    imports = new FakeImportJobRepository();
    processing = new FakeProcessingJobs();
    queuedImports = [];
    liveImports = new Set();
    tokens = new Map();
    deleted = [];
    download = vi.fn(
      async (): Promise<StoredBytes> =>
        ({
          contentType: 'image/png',
          sizeBytes: 2048,
        }) as StoredBytes,
    );
    const unitOfWork = new FakeUnitOfWork([media, events, imports]);
    const lifecycle = new MediaLifecycleService(
      unitOfWork.asUnitOfWork(),
      media.asRepository(),
      events.asRepository(),
      processing.asPort(),
    );
    const library = {
      newServerStoredItem: (
        workspaceId: string,
        source: string,
        spec: {
          filename: string;
          contentType: string;
          status: 'PENDING';
          metadata?: Record<string, unknown>;
        },
      ) =>
        mediaRow({
          workspaceId,
          filename: spec.filename,
          contentType: spec.contentType,
          status: spec.status,
          uploadExpiresAt: null,
          metadata: { source, ...spec.metadata },
        }),
    };
    service = new ImportJobsService(
      library as unknown as MediaService,
      media.asRepository(),
      lifecycle,
      processing.asPort(),
      imports as unknown as ImportJobRepository,
      {
        enqueue: async (id: string) => {
          queuedImports.push(id);
        },
        hasLiveJob: async (id: string) => liveImports.has(id),
      } as unknown as ImportJobs,
      unitOfWork.asUnitOfWork(),
      { toStorage: download } as unknown as SourceDownload,
      {
        put: async (id: string, token: string) => {
          tokens.set(id, token);
        },
        get: async (id: string) => tokens.get(id) ?? null,
        delete: async (id: string) => {
          tokens.delete(id);
        },
      } as unknown as ImportTokens,
      {
        delete: async (key: string) => {
          deleted.push(key);
        },
      } as unknown as Storage,
      config,
      new SafeFetcher({ nameAllowSetting: true }),
    );
  });

  /** A started URL import: its PENDING item, its job row, its token. */
  async function started() {
    const { mediaId, jobId } = await service.startUrlImport('ws_test', {
      downloadUrl: 'https://files.example.com/a.png',
      filename: 'a.png',
      mimeType: 'image/png',
      accessToken: 'secret-token',
    });
    return { mediaId, jobId };
  }

  describe('start', () => {
    it('creates the PENDING item and the import job together, keeps the token and queues the import', async () => {
      const { mediaId, jobId } = await started();
      expect(media.row(mediaId)).toMatchObject({
        status: 'PENDING',
        metadata: { source: 'import_url', importStatus: 'importing' },
      });
      expect(imports.rows.get(jobId)).toMatchObject({
        mediaId,
        state: 'importing',
        source: 'url',
      });
      expect(tokens.get(jobId)).toBe('secret-token');
      expect(queuedImports).toEqual([jobId]);
      expect(await service.status('ws_test', jobId)).toEqual({
        mediaId,
        jobId,
        status: 'importing',
      });
    });

    it('refuses an unsupported type, a URL with credentials or a private host, creating nothing', async () => {
      const base = {
        downloadUrl: 'https://files.example.com/a.png',
        filename: 'a',
        mimeType: 'image/png',
        accessToken: 't',
      };
      for (const request of [
        { ...base, mimeType: 'application/zip' },
        { ...base, downloadUrl: 'https://user:pw@files.example.com/a' },
        { ...base, downloadUrl: 'https://127.0.0.1/a' },
      ]) {
        // Thrown synchronously: startUrlImport validates before it returns a promise.
        await expect(
          (async () => service.startUrlImport('ws_test', request))(),
        ).rejects.toMatchObject({ code: 'validation_error' });
      }
      expect(media.rows.size).toBe(0);
      expect(imports.rows.size).toBe(0);
      expect(queuedImports).toEqual([]);
    });

    it('refuses a loopback host by name in the words the download would use', async () => {
      await expect(
        (async () =>
          service.startUrlImport('ws_test', {
            downloadUrl: 'http://localhost:8080/a.png',
            filename: 'a',
            mimeType: 'image/png',
            accessToken: 't',
          }))(),
      ).rejects.toMatchObject({
        code: 'validation_error',
        details: {
          errors: [
            {
              field: 'downloadUrl',
              message: nonPublicHostMessage('localhost', { nameSetting: true }),
            },
          ],
        },
      });
    });

    it('refuses while the processing queue is away, creating nothing', async () => {
      processing.available = false;
      await expect(started()).rejects.toThrow('unavailable');
      expect(media.rows.size).toBe(0);
      expect(tokens.size).toBe(0);
    });
  });

  describe('run', () => {
    it('stores the download, moves the item to PROCESSING, completes the job and forgets the token', async () => {
      const { mediaId, jobId } = await started();

      const report = await service.run(
        { importJobId: jobId },
        { lastAttempt: false },
      );

      expect(report.summary).toContain('image/png, 2048 bytes stored');
      expect(download).toHaveBeenCalledWith(
        'https://files.example.com/a.png',
        { Authorization: 'Bearer secret-token' },
        media.row(mediaId)!.storagePath,
        'image',
      );
      expect(media.row(mediaId)).toMatchObject({
        status: 'PROCESSING',
        contentType: 'image/png',
        sizeBytes: 2048,
        metadata: { importStatus: 'complete' },
      });
      expect(events.typesFor(mediaId)).toEqual(['media.uploaded']);
      expect(processing.enqueued).toEqual([mediaId]);
      expect(imports.rows.get(jobId)).toMatchObject({
        state: 'stored',
        error: null,
      });
      expect(tokens.has(jobId)).toBe(false);
    });

    it('fails a permanent fetch error at once with its reason', async () => {
      const { mediaId, jobId } = await started();
      download.mockRejectedValueOnce(new UpstreamStatusError(404));

      await service.run({ importJobId: jobId }, { lastAttempt: false });

      expect(imports.rows.get(jobId)).toMatchObject({
        state: 'failed',
        error: 'The source answered 404',
      });
      expect(media.row(mediaId)).toMatchObject({
        status: 'FAILED',
        metadata: { importStatus: 'failed' },
        validationResults: {
          processing: { valid: false, errors: ['The source answered 404'] },
        },
      });
      expect(events.typesFor(mediaId)).toEqual(['media.processing_failed']);
      expect(tokens.has(jobId)).toBe(false);
      expect(await service.status('ws_test', jobId)).toMatchObject({
        status: 'failed',
        error: 'The source answered 404',
      });
    });

    it('throws RetryLaterError for a transient failure before the last attempt, changing nothing', async () => {
      const { mediaId, jobId } = await started();
      download.mockRejectedValueOnce(new FetchError('timeout', 'timed out'));

      await expect(
        service.run({ importJobId: jobId }, { lastAttempt: false }),
      ).rejects.toBeInstanceOf(RetryLaterError);
      expect(imports.rows.get(jobId)?.state).toBe('importing');
      expect(media.row(mediaId)?.status).toBe('PENDING');
      expect(tokens.get(jobId)).toBe('secret-token');
    });

    it('fails a transient failure on the last attempt', async () => {
      const { mediaId, jobId } = await started();
      download.mockRejectedValueOnce(new UpstreamStatusError(503));

      await service.run({ importJobId: jobId }, { lastAttempt: true });

      expect(imports.rows.get(jobId)).toMatchObject({
        state: 'failed',
        error: 'The source answered 503',
      });
      expect(media.row(mediaId)?.status).toBe('FAILED');
    });

    it('lets an error that is not a download failure through for Bull to retry, and fails the import on the last attempt', async () => {
      const { mediaId, jobId } = await started();
      download.mockRejectedValueOnce(new Error('storage broke'));
      await expect(
        service.run({ importJobId: jobId }, { lastAttempt: false }),
      ).rejects.toThrow('storage broke');
      expect(imports.rows.get(jobId)?.state).toBe('importing');

      download.mockRejectedValueOnce(new Error('storage broke'));
      await service.run({ importJobId: jobId }, { lastAttempt: true });
      expect(imports.rows.get(jobId)?.state).toBe('failed');
      expect(imports.rows.get(jobId)?.error).toContain('on our side');
      expect(imports.rows.get(jobId)?.error).not.toContain('storage broke');
      expect(media.row(mediaId)?.status).toBe('FAILED');
    });

    it('fails the import when its token expired, without downloading', async () => {
      const { mediaId, jobId } = await started();
      tokens.clear();
      await service.run({ importJobId: jobId }, { lastAttempt: false });
      expect(download).not.toHaveBeenCalled();
      expect(imports.rows.get(jobId)?.state).toBe('failed');
      expect(imports.rows.get(jobId)?.error).toContain('token expired');
      expect(media.row(mediaId)?.status).toBe('FAILED');
    });

    it('fails the import when its item was deleted, without downloading', async () => {
      const { mediaId, jobId } = await started();
      media.rows.delete(mediaId);
      await service.run({ importJobId: jobId }, { lastAttempt: false });
      expect(download).not.toHaveBeenCalled();
      expect(imports.rows.get(jobId)?.state).toBe('failed');
      expect(tokens.has(jobId)).toBe(false);
      expect(await service.status('ws_test', jobId)).toMatchObject({
        status: 'failed',
      });
    });

    it('removes the downloaded bytes when the item was deleted during the download', async () => {
      const { mediaId, jobId } = await started();
      const key = media.row(mediaId)!.storagePath!;
      download.mockImplementationOnce(async () => {
        media.rows.delete(mediaId);
        return { contentType: 'image/png', sizeBytes: 1 } as StoredBytes;
      });
      await service.run({ importJobId: jobId }, { lastAttempt: false });
      expect(deleted).toEqual([key]);
      expect(processing.enqueued).toEqual([]);
    });

    it('does nothing for an import that already finished', async () => {
      const { jobId } = await started();
      await service.run({ importJobId: jobId }, { lastAttempt: false });
      download.mockClear();
      const report = await service.run(
        { importJobId: jobId },
        { lastAttempt: false },
      );
      expect(report.summary).toContain('nothing to do');
      expect(download).not.toHaveBeenCalled();
      expect(processing.enqueued).toHaveLength(1);
    });
  });

  describe('recoverStale', () => {
    it('queues again stale importing jobs without a live job, and touches them', async () => {
      const now = new Date();
      const old = new Date(
        now.getTime() - (config.processing.staleSeconds + 60) * 1_000,
      );
      const stale = imports.seed({ updatedAt: old });
      const live = imports.seed({ updatedAt: old });
      liveImports.add(live.id);
      imports.seed({ updatedAt: now });
      imports.seed({ updatedAt: old, state: 'failed' });

      expect(await service.recoverStale(now)).toBe(1);
      expect(queuedImports).toEqual([stale.id]);
      expect(imports.rows.get(stale.id)?.updatedAt).toEqual(now);
      expect(await service.recoverStale(now)).toBe(0);
    });
  });

  describe('status', () => {
    it('is not found for an unknown or foreign job', async () => {
      const { jobId } = await started();
      await expect(service.status('ws_other', jobId)).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(service.status('ws_test', 'nope')).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
});
