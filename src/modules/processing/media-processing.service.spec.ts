import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { loadConfig, type AppConfig } from '../../config/app-config.js';
import type { ImageAdapter } from '../../infra/image/image.adapter.js';
import type { AppMetrics } from '../../infra/metrics/app-metrics.js';
import type { VideoAdapter } from '../../infra/video/video.adapter.js';
import type { VideoPosterAdapter } from '../../infra/video/video-poster.adapter.js';
import { VideoProbeError } from '../../infra/video/video-probe.error.js';
import {
  FakeMediaEventRepository,
  FakeMediaRepository,
  FakeProcessingJobs,
  FakeValidationJobs,
} from '../../testing/fakes/media.fakes.js';
import { FakeStorage } from '../../testing/fakes/storage.fake.js';
import { FakeUnitOfWork } from '../../testing/fakes/unit-of-work.fake.js';
import { MediaLifecycleService } from '../media/media-lifecycle.service.js';
import type { Media } from '../media/media.entity.js';
import { MediaProcessingService } from './media-processing.service.js';
import type { RenditionRequests } from '../media/rendition-requests.service.js';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n',
);
const PNG_HEAD = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
  0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
]);
const sha256 = (bytes: Buffer) =>
  createHash('sha256').update(bytes).digest('hex');

describe('MediaProcessingService', () => {
  let media: FakeMediaRepository;
  let events: FakeMediaEventRepository;
  let storage: FakeStorage;
  let validations: FakeValidationJobs;
  let normalise: ReturnType<typeof vi.fn>;
  let probe: ReturnType<typeof vi.fn>;
  let config: AppConfig;
  let service: MediaProcessingService;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    media = new FakeMediaRepository();
    events = new FakeMediaEventRepository();
    storage = new FakeStorage();
    validations = new FakeValidationJobs();
    normalise = vi.fn();
    probe = vi.fn();
    config = loadConfig({});
    const lifecycle = new MediaLifecycleService(
      new FakeUnitOfWork([media, events]).asUnitOfWork(),
      media.asRepository(),
      events.asRepository(),
      new FakeProcessingJobs().asPort(),
    );
    service = new MediaProcessingService(
      media.asRepository(),
      lifecycle,
      validations.asPort(),
      { startWaiting: vi.fn() } as unknown as RenditionRequests,
      storage,
      { normaliseImageFile: normalise } as unknown as ImageAdapter,
      { probe } as unknown as VideoAdapter,
      {
        extractPoster: vi.fn(),
      } as unknown as VideoPosterAdapter,
      config,
      { countNormalisation: vi.fn() } as unknown as AppMetrics,
    );
  });

  function processingItem(bytes: Buffer | null, fields: Partial<Media> = {}) {
    const item = media.seed({
      status: 'PROCESSING',
      filename: 'doc.pdf',
      contentType: 'application/pdf',
      uploadExpiresAt: null,
      ...fields,
    });
    if (bytes) storage.put(item.storagePath!, bytes);
    return item;
  }

  it('makes an item READY with its detected type, size and checksum, and records media.ready', async () => {
    const item = processingItem(PDF);

    const report = await service.process({ mediaId: item.id });

    expect(report).toEqual({
      summary: `media ${item.id} is READY`,
      mediaId: item.id,
      workspaceId: 'ws_test',
    });
    expect(media.row(item.id)).toMatchObject({
      status: 'READY',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      checksumSha256: sha256(PDF),
    });
    expect(events.typesFor(item.id)).toEqual(['media.ready']);
  });

  it.each([
    ['missing from storage', null, 'The uploaded file is missing from storage'],
    ['empty', Buffer.alloc(0), 'The uploaded file is empty'],
    [
      'of an unknown type',
      Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x00]),
      'is not a supported media type',
    ],
    [
      'of another category than declared',
      PNG_HEAD,
      'but it was declared as application/pdf',
    ],
  ])(
    'fails an item whose file is %s, with the reason',
    async (_what, bytes, reason) => {
      const item = processingItem(bytes);

      await service.process({ mediaId: item.id });

      const row = media.row(item.id)!;
      expect(row.status).toBe('FAILED');
      expect(row.validationResults?.processing?.valid).toBe(false);
      expect(row.validationResults?.processing?.errors.join()).toContain(
        reason,
      );
      expect(events.typesFor(item.id)).toEqual(['media.processing_failed']);
    },
  );

  it('fails an item whose bytes do not match the declared SHA-256', async () => {
    const item = processingItem(PDF, { declaredSha256: 'f'.repeat(64) });
    await service.process({ mediaId: item.id });
    expect(
      media.row(item.id)?.validationResults?.processing?.errors[0],
    ).toMatch(/^checksum_mismatch/);
  });

  it('verifies a declared SHA-256 once: a re-run over replaced bytes keeps the item READY', async () => {
    const item = processingItem(PDF, { declaredSha256: sha256(PDF) });
    await service.process({ mediaId: item.id });
    expect(media.row(item.id)?.status).toBe('READY');
    expect(media.row(item.id)?.declaredSha256VerifiedAt).toBeInstanceOf(Date);

    // A retry after the stored object was replaced (as normalisation does) and before the commit.
    const replaced = Buffer.concat([PDF, Buffer.from('%normalised\n')]);
    storage.put(item.storagePath!, replaced);
    media.row(item.id)!.status = 'PROCESSING';
    await service.process({ mediaId: item.id });

    expect(media.row(item.id)?.status).toBe('READY');
    expect(media.row(item.id)?.checksumSha256).toBe(sha256(replaced));
  });

  it('fails a file larger than its category allows', async () => {
    const item = processingItem(PDF, {
      contentType: 'text/plain',
      filename: 'a.txt',
    });
    storage.put(item.storagePath!, Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
    await service.process({ mediaId: item.id });
    expect(media.row(item.id)?.status).toBe('FAILED');
    expect(
      media.row(item.id)?.validationResults?.processing?.errors[0],
    ).toContain('accepts at most 5 MB');
  });

  it('is idempotent: a second run finds nothing to do and records nothing more', async () => {
    const item = processingItem(PDF);
    await service.process({ mediaId: item.id });
    const again = await service.process({ mediaId: item.id });
    expect(again.summary).toBe(`nothing to do: media ${item.id} is READY`);
    expect(events.typesFor(item.id)).toEqual(['media.ready']);
  });

  it('ignores a missing item', async () => {
    expect(await service.process({ mediaId: 'media_gone' })).toEqual({
      summary: 'nothing to do: media media_gone is gone',
      mediaId: 'media_gone',
      workspaceId: undefined,
    });
  });

  it('ignores an item that is still PENDING', async () => {
    const item = processingItem(PDF, { status: 'PENDING' });
    await service.process({ mediaId: item.id });
    expect(media.row(item.id)?.status).toBe('PENDING');
    expect(events.events).toEqual([]);
  });

  it('removes the stored object and poster of an item deleted during processing', async () => {
    const item = processingItem(PDF);
    const head = storage.head.bind(storage);
    storage.head = async (key) => {
      media.rows.delete(item.id);
      return head(key);
    };
    const report = await service.process({ mediaId: item.id });
    expect(report.summary).toContain('deleted during processing');
    expect(storage.deleted).toContain(item.storagePath);
    expect(storage.deleted).toHaveLength(2);
  });

  it('queues the validation requested before the item was ready, and survives the queue being away', async () => {
    const item = processingItem(PDF, { validationPlatforms: ['X'] });
    await service.process({ mediaId: item.id });
    expect(validations.mediaIds).toEqual([item.id]);

    const other = processingItem(PDF, { validationPlatforms: ['X'] });
    validations.available = false;
    const report = await service.process({ mediaId: other.id });
    expect(report.summary).toContain('READY');
    expect(media.row(other.id)?.status).toBe('READY');
  });

  it('queues no validation when none is pending', async () => {
    const item = processingItem(PDF);
    await service.process({ mediaId: item.id });
    expect(validations.enqueued).toEqual([]);
  });

  it('records width, height and the normalisation outcome of an image', async () => {
    const item = processingItem(PNG_HEAD, {
      contentType: 'image/jpeg',
      filename: 'a.jpg',
    });
    normalise.mockResolvedValue({
      outcome: 'skipped',
      reason: 'gif',
      sourceFormat: 'gif',
      width: 32,
      height: 16,
    });
    await service.process({ mediaId: item.id });
    expect(normalise).toHaveBeenCalledTimes(1);
    expect(media.row(item.id)).toMatchObject({
      status: 'READY',
      width: 32,
      height: 16,
      checksumSha256: sha256(PNG_HEAD),
      metadata: { normalization: { outcome: 'skipped', sourceFormat: 'gif' } },
    });
  });

  it('fails a video ffprobe cannot read, and lets other probe failures be retried', async () => {
    const mp4 = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypmp42\0\0\0\0mp42isom'),
      Buffer.alloc(64),
    ]);
    const item = processingItem(mp4, {
      contentType: 'video/mp4',
      filename: 'v.mp4',
    });
    probe.mockRejectedValueOnce(
      new VideoProbeError('timeout', 'ffprobe timed out'),
    );
    await expect(service.process({ mediaId: item.id })).rejects.toThrow(
      'ffprobe timed out',
    );
    expect(media.row(item.id)?.status).toBe('PROCESSING');

    probe.mockRejectedValueOnce(
      new VideoProbeError('unreadable', 'not a video'),
    );
    await service.process({ mediaId: item.id });
    expect(media.row(item.id)).toMatchObject({
      status: 'FAILED',
      validationResults: { processing: { errors: ['not a video'] } },
    });
  });
});
