import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { DataSource, In, IsNull, LessThan, Not, Repository } from 'typeorm';
import { ApiError } from '../../common/errors/api-error.js';
import {
  QUEUES,
  isQueueAvailable,
  queueUnavailable,
  type ValidateMediaJob,
} from '../../infra/queue/queues.js';
import type { JobReport } from '../../infra/queue/job-runner.js';
import { Storage } from '../../infra/storage/storage.port.js';
import { VideoAdapter } from '../../infra/video/video.adapter.js';
import { VideoProbeError } from '../../infra/video/video-probe.error.js';
import { Media, type ValidationStatus } from '../media/media.entity.js';
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
import { PLATFORMS, type Platform } from './platforms.js';
import {
  VALIDATION_NOT_CONFIGURED,
  ValidationAvailability,
} from './validation-availability.js';
import { enqueueValidation, platformsToValidate } from './validation-jobs.js';

export type ValidationRequestOutcome =
  { queued: true; jobIds: string[] } | { queued: false; reason: string };

/** What a run found out about the item, before it is recorded. */
interface Verdict {
  results: Partial<Record<Platform, PlatformResult>>;
  /** Fields of a fresh probe, when the stored facts were incomplete. */
  changes?: Partial<Media>;
}

const FINISHED: Array<Media['status']> = ['READY', 'FAILED'];

/**
 * Platform validation (SPEC §4 Validation): requests record the platforms on the item and queue a
 * job; the job checks whatever is pending on the item against PLATFORM_RULES and merges the
 * results per platform into `validationResults`.
 */
@Injectable()
export class ValidationService {
  constructor(
    @InjectRepository(Media) private readonly media: Repository<Media>,
    private readonly dataSource: DataSource,
    private readonly availability: ValidationAvailability,
    private readonly storage: Storage,
    private readonly videos: VideoAdapter,
    @InjectQueue(QUEUES.validation)
    private readonly queue: Queue<ValidateMediaJob>,
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
    const found = await this.media.find({
      where: { workspaceId, id: In(mediaIds) },
      select: { id: true },
    });
    const known = new Set(found.map((media) => media.id));
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
    if (!isQueueAvailable(this.queue)) {
      throw queueUnavailable();
    }
    await this.dataSource.transaction(async (manager) => {
      const items = await manager.find(Media, {
        where: { workspaceId, id: In(mediaIds) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const item of items) {
        item.validationPlatforms = inPlatformOrder([
          ...(item.validationPlatforms ?? []),
          ...platforms,
        ]);
        item.validationStatus = 'pending';
      }
      await manager.save(items);
    });
    const jobIds: string[] = [];
    for (const id of mediaIds) {
      jobIds.push(await enqueueValidation(this.queue, id));
    }
    return { queued: true, jobIds };
  }

  /** The job: checks the item's pending platforms once it is READY or FAILED; says what it did. */
  async run(mediaId: string): Promise<JobReport> {
    const media = await this.media.findOneBy({ id: mediaId });
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
   * Items a lost job left pending (Redis restarted, or it was down when processing finished) and
   * finished uploads whose target platforms were never queued. Returns how many were queued.
   */
  async requeueForgotten(before: Date, limit: number): Promise<number> {
    const stale = await this.media.find({
      where: [
        {
          status: In(FINISHED),
          validationStatus: 'pending',
          updatedAt: LessThan(before),
        },
        {
          status: In(FINISHED),
          validationStatus: 'skipped',
          targetPlatforms: Not(IsNull()),
        },
      ],
      select: { id: true },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
    for (const media of stale) {
      await enqueueValidation(this.queue, media.id);
    }
    return stale.length;
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
      const info = await this.videos.probe(
        await this.storage.probeLocation(key),
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
   * Returns the new status, or null when the item was deleted meanwhile.
   */
  private record(
    mediaId: string,
    { results, changes }: Verdict,
  ): Promise<ValidationStatus | null> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Media, {
        where: { id: mediaId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) {
        return null;
      }
      Object.assign(current, changes ?? {});
      current.validationResults = {
        ...current.validationResults,
        ...results,
      };
      const remaining = (current.validationPlatforms ?? []).filter(
        (platform) => !(platform in results),
      );
      current.validationPlatforms = remaining.length > 0 ? remaining : null;
      current.validationStatus =
        remaining.length > 0
          ? 'pending'
          : overallStatus(current.validationResults);
      await manager.save(current);
      return current.validationStatus;
    });
  }
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
