import { Logger } from '@nestjs/common';
import { loadConfig } from '../../config/app-config.js';
import { QueueUnavailableError } from '../../infra/queue/job-port.js';
import type { Storage } from '../../infra/storage/storage.port.js';
import type { VideoAdapter } from '../../infra/video/video.adapter.js';
import { VideoProbeError } from '../../infra/video/video-probe.error.js';
import {
  FakeMediaRepository,
  FakeValidationJobs,
} from '../../testing/fakes/media.fakes.js';
import { FakeUnitOfWork } from '../../testing/fakes/unit-of-work.fake.js';
import type { Media } from '../media/media.entity.js';
import type { RenditionRequests } from '../media/rendition-requests.service.js';
import type { MediaRenditionRepository } from '../media/rendition.repository.js';
import {
  VALIDATION_NOT_CONFIGURED,
  type ValidationAvailability,
} from './validation-availability.js';
import { ValidationService } from './validation.service.js';

/** A READY 1080×1080 JPEG of 300 kB: acceptable to the feed platforms. */
const readyImage: Partial<Media> = {
  status: 'READY',
  contentType: 'image/jpeg',
  sizeBytes: 300_000,
  width: 1080,
  height: 1080,
  uploadExpiresAt: null,
};

describe('ValidationService', () => {
  const config = loadConfig({});
  let media: FakeMediaRepository;
  let jobs: FakeValidationJobs;
  let availability: { available: boolean };
  let probe: ReturnType<typeof vi.fn>;
  let renditions: { findOrCreate: ReturnType<typeof vi.fn> };
  let renditionRequests: { startWaiting: ReturnType<typeof vi.fn> };
  let service: ValidationService;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    media = new FakeMediaRepository();
    jobs = new FakeValidationJobs();
    availability = { available: true };
    probe = vi.fn();
    renditions = {
      findOrCreate: vi.fn(async () => ({ renditions: [], created: [] })),
    };
    renditionRequests = { startWaiting: vi.fn() };
    service = new ValidationService(
      media.asRepository(),
      new FakeUnitOfWork([media]).asUnitOfWork(),
      jobs.asPort(),
      renditions as unknown as MediaRenditionRepository,
      renditionRequests as unknown as RenditionRequests,
      availability as ValidationAvailability,
      {
        probeLocation: async (key: string) => `/files/${key}`,
      } as unknown as Storage,
      { probe } as unknown as VideoAdapter,
      config,
    );
  });

  describe('request', () => {
    it('marks the platforms pending on every item, in platform order, and queues one job each', async () => {
      const a = media.seed({ ...readyImage, validationPlatforms: ['X'] });
      const b = media.seed({ status: 'PROCESSING' });

      const outcome = await service.request(
        'ws_test',
        [a.id, b.id],
        ['TIKTOK', 'INSTAGRAM'],
      );

      expect(outcome).toEqual({
        queued: true,
        jobIds: jobs.enqueued.map((job) => job.jobId),
      });
      expect(jobs.mediaIds).toEqual([a.id, b.id]);
      expect(media.row(a.id)).toMatchObject({
        validationStatus: 'pending',
        validationPlatforms: ['INSTAGRAM', 'TIKTOK', 'X'],
      });
      expect(media.row(b.id)).toMatchObject({
        validationStatus: 'pending',
        validationPlatforms: ['INSTAGRAM', 'TIKTOK'],
      });
    });

    it('is not found when an id is not in the workspace, changing nothing', async () => {
      const mine = media.seed(readyImage);
      const foreign = media.seed({ ...readyImage, workspaceId: 'ws_other' });

      await expect(
        service.request('ws_test', [mine.id, foreign.id], ['X']),
      ).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        service.request('ws_test', ['media_a', 'media_b'], ['X']),
      ).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('media_a, media_b') as string,
      });
      expect(media.row(mine.id)?.validationStatus).toBe('skipped');
      expect(jobs.enqueued).toEqual([]);
    });

    it('answers queued: false when validation is not available', async () => {
      const item = media.seed(readyImage);
      availability.available = false;
      expect(await service.request('ws_test', [item.id], ['X'])).toEqual({
        queued: false,
        reason: VALIDATION_NOT_CONFIGURED,
      });
      expect(media.row(item.id)?.validationPlatforms).toBeNull();
    });

    it('refuses while the queue is away, before marking anything', async () => {
      const item = media.seed(readyImage);
      jobs.available = false;
      await expect(
        service.request('ws_test', [item.id], ['X']),
      ).rejects.toBeInstanceOf(QueueUnavailableError);
      expect(media.row(item.id)?.validationPlatforms).toBeNull();
    });
  });

  describe('run', () => {
    it('evaluates the pending platforms of a READY image and stores the results', async () => {
      const item = media.seed({
        ...readyImage,
        validationStatus: 'pending',
        validationPlatforms: ['INSTAGRAM', 'X'],
      });

      const report = await service.run({ mediaId: item.id });

      expect(report.summary).toContain('validated for INSTAGRAM, X: passed');
      const row = media.row(item.id)!;
      expect(row.validationStatus).toBe('passed');
      expect(row.validationPlatforms).toBeNull();
      expect(row.validationResults).toMatchObject({
        INSTAGRAM: { valid: true, errors: [] },
        X: { valid: true, errors: [] },
      });
    });

    it('asks for renditions for the target platforms a createRenditions upload fails, in the same unit of work', async () => {
      const item = media.seed({
        ...readyImage,
        width: 2000,
        height: 400,
        validationStatus: 'pending',
        targetPlatforms: ['INSTAGRAM', 'X', 'LINKEDIN'],
        validationPlatforms: ['INSTAGRAM', 'X', 'LINKEDIN'],
        createRenditions: true,
      });

      await service.run({ mediaId: item.id });

      // 5:1 is too wide for Instagram; X and LinkedIn take it.
      expect(renditions.findOrCreate).toHaveBeenCalledTimes(1);
      expect(renditions.findOrCreate.mock.calls[0][1]).toEqual([
        { platform: 'INSTAGRAM', fit: 'pad', trim: true },
      ]);
      expect(renditionRequests.startWaiting).toHaveBeenCalledWith(
        expect.objectContaining({ id: item.id }),
      );
      // Reads of the item now know to look for its renditions.
      expect(media.row(item.id)!.renditionsRequestedAt).toBeInstanceOf(Date);
    });

    it('asks for no renditions when the upload did not ask for them', async () => {
      const item = media.seed({
        ...readyImage,
        width: 2000,
        height: 400,
        validationStatus: 'pending',
        targetPlatforms: ['INSTAGRAM'],
        validationPlatforms: ['INSTAGRAM'],
      });

      await service.run({ mediaId: item.id });

      expect(media.row(item.id)!.validationStatus).toBe('failed');
      expect(renditions.findOrCreate).not.toHaveBeenCalled();
      expect(renditionRequests.startWaiting).not.toHaveBeenCalled();
    });

    it('fails the item when one platform rejects it, keeping earlier results', async () => {
      const item = media.seed({
        ...readyImage,
        contentType: 'application/pdf',
        validationStatus: 'pending',
        validationPlatforms: ['LINKEDIN'],
        validationResults: { X: { valid: true, errors: [], warnings: [] } },
      });

      await service.run({ mediaId: item.id });

      const row = media.row(item.id)!;
      expect(row.validationStatus).toBe('failed');
      expect(row.validationResults).toMatchObject({
        X: { valid: true },
        LINKEDIN: {
          valid: false,
          errors: [expect.stringContaining('only images and videos') as string],
        },
      });
    });

    it('rejects every platform for an item that failed processing, giving the reasons', async () => {
      const item = media.seed({
        status: 'FAILED',
        validationStatus: 'pending',
        validationPlatforms: ['TIKTOK'],
        validationResults: {
          processing: { valid: false, errors: ['The uploaded file is empty'] },
        },
      });

      await service.run({ mediaId: item.id });

      expect(media.row(item.id)).toMatchObject({
        validationStatus: 'failed',
        validationResults: {
          TIKTOK: {
            valid: false,
            errors: [
              expect.stringContaining('The uploaded file is empty') as string,
            ],
          },
        },
      });
    });

    it('validates the target platforms of a finished bulk video upload', async () => {
      const item = media.seed({
        ...readyImage,
        targetPlatforms: ['X'],
      });
      await service.run({ mediaId: item.id });
      expect(media.row(item.id)?.validationResults).toHaveProperty('X');
      // Run again: nothing is left to do.
      const again = await service.run({ mediaId: item.id });
      expect(again.summary).toContain('no pending validation');
    });

    it('waits for processing to finish', async () => {
      const item = media.seed({
        status: 'PROCESSING',
        validationStatus: 'pending',
        validationPlatforms: ['X'],
      });
      const report = await service.run({ mediaId: item.id });
      expect(report.summary).toContain(
        'validation runs when processing finishes',
      );
      expect(media.row(item.id)).toMatchObject({
        validationStatus: 'pending',
        validationResults: null,
      });
    });

    it('ignores an item that is gone or has nothing pending', async () => {
      expect((await service.run({ mediaId: 'media_gone' })).summary).toContain(
        'is gone',
      );
      const item = media.seed(readyImage);
      expect((await service.run({ mediaId: item.id })).summary).toContain(
        'no pending validation',
      );
      expect(media.row(item.id)?.validationResults).toBeNull();
    });

    it('rejects a video whose stored file no longer probes, without failing the job', async () => {
      probe.mockRejectedValueOnce(
        new VideoProbeError('unreadable', 'ffprobe could not read the file'),
      );
      const item = media.seed({
        status: 'READY',
        contentType: 'video/mp4',
        validationStatus: 'pending',
        validationPlatforms: ['YOUTUBE'],
      });
      await service.run({ mediaId: item.id });
      expect(media.row(item.id)).toMatchObject({
        validationStatus: 'failed',
        validationResults: { YOUTUBE: { valid: false } },
      });
    });
  });

  describe('requeueForgotten', () => {
    it('queues finished items left pending too long and unqueued upload targets', async () => {
      const now = new Date();
      const old = new Date(
        now.getTime() - (config.processing.staleSeconds + 1) * 1_000,
      );
      const pending = media.seed({
        ...readyImage,
        validationStatus: 'pending',
        validationPlatforms: ['X'],
      });
      media.rows.get(pending.id)!.updatedAt = old;
      const targets = media.seed({ ...readyImage, targetPlatforms: ['X'] });
      media.seed({ ...readyImage, validationStatus: 'pending' });
      media.seed({ status: 'PROCESSING', targetPlatforms: ['X'] });

      expect(await service.requeueForgotten(now)).toBe(2);
      expect(jobs.mediaIds.sort()).toEqual([pending.id, targets.id].sort());
    });
  });
});
