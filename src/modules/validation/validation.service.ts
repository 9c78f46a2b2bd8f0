import { Injectable, Logger } from '@nestjs/common';
import { ApiError } from '../../common/errors/api-error.js';
import { UnitOfWork } from '../../infra/database/unit-of-work.js';
import { Every, OnJob, type JobReport } from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { Storage } from '../../infra/storage/storage.port.js';
import { VideoAdapter } from '../../infra/video/video.adapter.js';
import { videoDemuxer } from '../../infra/video/video-tools.js';
import { VideoProbeError } from '../../infra/video/video-probe.error.js';
import { AppConfig } from '../../config/app-config.js';
import { Media, type ValidationStatus } from '../media/media.entity.js';
import { MediaRepository } from '../media/media.repository.js';
import { RenditionRequests } from '../media/rendition-requests.service.js';
import {
  MediaRenditionRepository,
  type RenditionRecipe,
} from '../media/rendition.repository.js';
import { categoryOf } from '../media/media-types.js';
import {
  evaluateMedia,
  rejected,
  type PlatformResult,
} from './evaluate-media.js';
import {
  imageFacts,
  reprobedVideoFields,
  storedVideoFacts,
} from './media-facts.js';
import { platformsToValidate } from './pending-platforms.js';
import { PLATFORMS, type Platform } from './platforms.js';
import {
  VALIDATION_NOT_CONFIGURED,
  ValidationAvailability,
} from './validation-availability.js';
import {
  VALIDATE_MEDIA,
  ValidationJobs,
  type ValidateMediaJob,
} from './validation.jobs.js';

/** Items a recovery pass queues again at most. */
const RECOVERY_BATCH = 200;

export type ValidationRequestOutcome =
  { queued: true; jobIds: string[] } | { queued: false; reason: string };

/** What a run found out about the item, before it is recorded. */
interface Verdict {
  results: Partial<Record<Platform, PlatformResult>>;
  /** Fields of a fresh probe, when the stored facts were incomplete. */
  changes?: Partial<Media>;
}

const FINISHED: Array<Media['status']> = ['READY', 'FAILED'];

const validationEnabled = (config: AppConfig) => config.validation.enabled;

/**
 * Platform validation (docs/contracts.md#platform-validation): requests record the platforms on the
 * item and queue a job; the job checks whatever is pending on the item against PLATFORM_RULES and
 * merges the results per platform into `validationResults`.
 */
@Injectable()
export class ValidationService {
  private readonly logger = new Logger(ValidationService.name);

  constructor(
    private readonly media: MediaRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly jobs: ValidationJobs,
    private readonly renditions: MediaRenditionRepository,
    private readonly renditionRequests: RenditionRequests,
    private readonly availability: ValidationAvailability,
    private readonly storage: Storage,
    private readonly videos: VideoAdapter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Marks the platforms pending on every item and queues one job per item. Every id must belong
   * to the workspace (404 naming the others, nothing changed). Items not READY yet are accepted:
   * their job waits for processing to finish, which queues validation again.
   */
  async request(
    workspaceId: string,
    mediaIds: string[],
    platforms: Platform[],
  ): Promise<ValidationRequestOutcome> {
    const known = await this.media.existingIds(workspaceId, mediaIds);
    const unknown = mediaIds.filter((id) => !known.has(id));
    if (unknown.length === 1) {
      throw ApiError.notFound('media item', unknown[0]);
    }
    if (unknown.length > 1) {
      throw new ApiError(
        'not_found',
        `No media items with ids ${unknown.join(', ')} in this workspace`,
      );
    }
    if (!this.availability.available) {
      return { queued: false, reason: VALIDATION_NOT_CONFIGURED };
    }
    this.jobs.assertAvailable();
    await this.unitOfWork.run(async (tx) => {
      for (const item of await this.media.lockAllInWorkspace(
        workspaceId,
        mediaIds,
        tx,
      )) {
        await this.media.update(
          item,
          {
            validationPlatforms: inPlatformOrder([
              ...(item.validationPlatforms ?? []),
              ...platforms,
            ]),
            validationStatus: 'pending',
          },
          tx,
        );
      }
    });
    const jobIds: string[] = [];
    for (const id of mediaIds) {
      jobIds.push(await this.jobs.enqueue(id));
    }
    return { queued: true, jobIds };
  }

  /** The job: checks the item's pending platforms once it is READY or FAILED; says what it did. */
  @OnJob(VALIDATE_MEDIA, {
    concurrency: (config) => config.processing.concurrency,
    enabled: validationEnabled,
  })
  async run({ mediaId }: ValidateMediaJob): Promise<JobReport> {
    const media = await this.media.findById(mediaId);
    if (!media) {
      return { summary: `nothing to do: media ${mediaId} is gone`, mediaId };
    }
    const report = (summary: string): JobReport => ({
      summary,
      mediaId,
      workspaceId: media.workspaceId,
    });
    const platforms = platformsToValidate(media) as Platform[];
    if (platforms.length === 0) {
      return report(
        `nothing to do: media ${mediaId} has no pending validation`,
      );
    }
    if (!FINISHED.includes(media.status)) {
      return report(
        `media ${mediaId} is ${media.status}: validation runs when processing finishes`,
      );
    }
    const verdict = await this.judge(media, platforms);
    const status = await this.record(mediaId, verdict);
    return report(
      `media ${mediaId} validated for ${platforms.join(', ')}: ${status ?? 'deleted meanwhile'}`,
    );
  }

  /**
   * Queues again items a lost job left pending for PROCESSING_STALE_SECONDS (Redis restarted, or
   * it was down when processing finished) and finished uploads whose target platforms were never
   * queued. Returns how many were queued.
   */
  @Every({
    name: 'Validation recovery',
    lockId: LOCKS.validationRecovery,
    intervalMs: (config) => config.reconciler.intervalSeconds * 1_000,
    enabled: validationEnabled,
  })
  async requeueForgotten(now = new Date()): Promise<number> {
    const before = new Date(
      now.getTime() - this.config.processing.staleSeconds * 1_000,
    );
    const ids = await this.media.findForgottenValidations(
      before,
      RECOVERY_BATCH,
    );
    for (const id of ids) {
      await this.jobs.enqueue(id);
    }
    if (ids.length > 0) {
      this.logger.log(`Queued ${ids.length} forgotten validations again`);
    }
    return ids.length;
  }

  private async judge(media: Media, platforms: Platform[]): Promise<Verdict> {
    const every = (result: (platform: Platform) => PlatformResult) => ({
      results: resultsFor(platforms, result),
    });
    if (media.status === 'FAILED') {
      const reasons = media.validationResults?.processing?.errors ?? [];
      const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
      return every((platform) =>
        rejected(
          `The file failed processing${why}. It cannot be published to ${platform}`,
        ),
      );
    }
    const category = categoryOf(media.contentType);
    if (category === 'image') {
      const facts = imageFacts(media);
      return every((platform) => evaluateMedia(facts, platform));
    }
    if (category !== 'video') {
      return every((platform) =>
        rejected(
          `${platform} does not publish ${category ?? media.contentType} files (${media.contentType}); only images and videos can be validated`,
        ),
      );
    }
    if (media.storagePath === null) {
      return every((platform) =>
        rejected(
          `Registered external videos are not probed, so ${platform}'s rules cannot be checked; upload the file to validate it`,
        ),
      );
    }
    const stored = storedVideoFacts(media);
    if (stored) {
      return every((platform) => evaluateMedia(stored, platform));
    }
    return this.judgeReprobed(media, media.storagePath, platforms);
  }

  /** Probes the stored object again for the facts the item lacks, and keeps them. */
  private async judgeReprobed(
    media: Media,
    key: string,
    platforms: Platform[],
  ): Promise<Verdict> {
    try {
      // Read as the container processing sniffed, like every probe of an untrusted file.
      const info = await this.videos.probe(
        await this.storage.probeLocation(key),
        videoDemuxer(media.contentType),
      );
      const changes = reprobedVideoFields(media, info);
      const facts = storedVideoFacts(
        Object.assign(new Media(), media, changes),
      )!;
      return {
        results: resultsFor(platforms, (platform) =>
          evaluateMedia(facts, platform),
        ),
        changes,
      };
    } catch (error) {
      // A file that no longer reads is the file's fault; ffprobe missing or timing out is retried.
      if (
        error instanceof VideoProbeError &&
        (error.failure === 'unreadable' || error.failure === 'no_video_stream')
      ) {
        return {
          results: resultsFor(platforms, () =>
            rejected(`The stored video could not be probed: ${error.message}`),
          ),
        };
      }
      throw error;
    }
  }

  /**
   * Merges the results under the item's row lock and takes their platforms off the pending list;
   * once none is left the status is `passed` when every platform result is valid, else `failed`.
   * A bulk video upload that asked for renditions gets one, in the same transaction, for every
   * target platform it fails; they are queued after it (or by the recovery pass when Redis is
   * away). Returns the new status, or null when the item was deleted meanwhile.
   */
  private async record(
    mediaId: string,
    { results, changes }: Verdict,
  ): Promise<ValidationStatus | null> {
    const recorded = await this.unitOfWork.run(async (tx) => {
      const current = await this.media.lockForUpdate(mediaId, tx);
      if (!current) {
        return null;
      }
      const validationResults = {
        ...current.validationResults,
        ...results,
      };
      const remaining = (current.validationPlatforms ?? []).filter(
        (platform) => !(platform in results),
      );
      await this.media.update(
        current,
        {
          ...changes,
          validationResults,
          validationPlatforms: remaining.length > 0 ? remaining : null,
          validationStatus:
            remaining.length > 0 ? 'pending' : overallStatus(validationResults),
        },
        tx,
      );
      const renditions = automaticRenditions(current, results);
      if (renditions.length > 0) {
        await this.renditions.findOrCreate(current, renditions, tx);
        await this.media.markRenditionsRequested(current, tx);
      }
      return { status: current.validationStatus, media: current };
    });
    if (recorded?.media.createRenditions) {
      await this.renditionRequests.startWaiting(recorded.media);
    }
    return recorded?.status ?? null;
  }
}

/** The renditions a bulk video upload's `createRenditions` asks for: its failed target platforms. */
function automaticRenditions(
  media: Media,
  results: Partial<Record<Platform, PlatformResult>>,
): RenditionRecipe[] {
  if (!media.createRenditions || media.status !== 'READY') {
    return [];
  }
  return (media.targetPlatforms ?? [])
    .filter((platform) => results[platform as Platform]?.valid === false)
    .map((platform) => ({ platform, fit: 'pad', trim: true }));
}

function resultsFor(
  platforms: Platform[],
  result: (platform: Platform) => PlatformResult,
): Partial<Record<Platform, PlatformResult>> {
  return Object.fromEntries(
    platforms.map((platform) => [platform, result(platform)]),
  );
}

function overallStatus(results: Record<string, unknown>): ValidationStatus {
  const verdicts = PLATFORMS.filter((platform) => platform in results).map(
    (platform) => results[platform] as PlatformResult,
  );
  return verdicts.every((verdict) => verdict.valid) ? 'passed' : 'failed';
}

function inPlatformOrder(platforms: string[]): Platform[] {
  return PLATFORMS.filter((platform) => platforms.includes(platform));
}
