import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../../config/app-config.js';
import { UnitOfWork } from '../../infra/database/unit-of-work.js';
import { ImageRenditionAdapter } from '../../infra/image/image-rendition.js';
import {
  Every,
  OnJob,
  type JobContext,
  type JobReport,
} from '../../infra/queue/job.js';
import { LOCKS } from '../../infra/registry.js';
import { Storage } from '../../infra/storage/storage.port.js';
import {
  createWorkDir,
  sweepOrphanWorkDirs,
} from '../../infra/temp/work-dirs.js';
import { VideoAdapter } from '../../infra/video/video.adapter.js';
import { VideoTranscodeError } from '../../infra/video/video-transcode.error.js';
import { VideoTranscoder } from '../../infra/video/video-transcoder.js';
import { videoDemuxer } from '../../infra/video/video-tools.js';
import { MediaEventRepository } from '../media/media-event.repository.js';
import type { Media } from '../media/media.entity.js';
import { MediaRepository } from '../media/media.repository.js';
import { categoryOf } from '../media/media-types.js';
import type { MediaRendition } from '../media/rendition.entity.js';
import {
  MAKE_RENDITION,
  RenditionJobs,
  type MakeRenditionJob,
} from '../media/rendition.jobs.js';
import {
  MediaRenditionRepository,
  type RenditionResult,
} from '../media/rendition.repository.js';
import {
  evaluateMedia,
  type ImageFacts,
  type MediaFacts,
  type PlatformResult,
  type VideoFacts,
} from '../validation/evaluate-media.js';
import {
  imageFacts,
  storedVideoFacts,
  videoFactsFromInfo,
} from '../validation/media-facts.js';
import type { Platform } from '../validation/platforms.js';
import { changesAfterRender, planImageRendition } from './image-plan.js';
import {
  bitrateForSizeCap,
  loweredBitrateChange,
  planVideoRendition,
  type VideoPlan,
} from './video-plan.js';
import { whyNoRenditions } from './renditions.service.js';

/** Renditions are made in per-job directories named after this (see `sweepOrphanWorkDirs`). */
const RENDITION_WORK_DIR = 'media-rendition';
/** Progress is written at most this often; the contract promises an update at least every 2 s. */
const PROGRESS_INTERVAL_MS = 1_000;
/** Unfinished renditions a recovery pass looks at. */
const RECOVERY_BATCH = 200;

/** A made file, ready to be stored and checked. */
interface MadeFile {
  path: string;
  contentType: string;
  extension: string;
  facts: MediaFacts;
  changes: string[];
}

/** The rendition could not be made; `reason` is for a person. */
class NoRendition extends Error {
  constructor(
    readonly reason: string,
    readonly validation: PlatformResult | null = null,
  ) {
    super(reason);
  }
}

/** The item was deleted while its rendition was made. */
class RenditionCancelled extends Error {}

/**
 * Makes renditions (docs/contracts.md#renditions): checks the original with the platform's rules,
 * and when it fails, plans the fixes, runs them (ffmpeg for video, sharp for images) into a work
 * directory, checks the result with the same evaluator, stores it beside the item and finishes
 * the rendition with its event in one transaction. Nothing is stored or served until the file is
 * complete and passes, so a worker killed mid-transcode leaves nothing behind but its work
 * directory, which the next worker start removes; Bull runs the job again.
 */
@Injectable()
export class RenditionMaker implements OnModuleInit {
  private readonly logger = new Logger(RenditionMaker.name);

  constructor(
    private readonly renditions: MediaRenditionRepository,
    private readonly media: MediaRepository,
    private readonly events: MediaEventRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly jobs: RenditionJobs,
    private readonly storage: Storage,
    private readonly videos: VideoAdapter,
    private readonly transcoder: VideoTranscoder,
    private readonly images: ImageRenditionAdapter,
    private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.runsWorkers) {
      await sweepOrphanWorkDirs(RENDITION_WORK_DIR);
    }
  }

  @OnJob(MAKE_RENDITION, {
    concurrency: (config) => config.renditions.concurrency,
  })
  async make(
    { renditionId }: MakeRenditionJob,
    job: JobContext,
  ): Promise<JobReport> {
    const rendition = await this.renditions.findById(renditionId);
    const media = rendition && (await this.media.findById(rendition.mediaId));
    if (!rendition || !media || !isUnfinished(rendition)) {
      return {
        summary: `nothing to do: rendition ${renditionId} is ${rendition?.status ?? 'gone'}`,
        mediaId: rendition?.mediaId,
      };
    }
    const report = (summary: string): JobReport => ({
      summary: `rendition ${renditionId} (${rendition.platform}): ${summary}`,
      mediaId: media.id,
      workspaceId: media.workspaceId,
    });
    if (media.status === 'PENDING' || media.status === 'PROCESSING') {
      return report(`waits for media ${media.id} to be processed`);
    }
    try {
      const result = await this.attempt(rendition, media);
      return report(result);
    } catch (error) {
      if (error instanceof RenditionCancelled) {
        return report('cancelled: the item was deleted');
      }
      if (error instanceof NoRendition) {
        await this.finish(rendition, {
          ...EMPTY_RESULT,
          status: 'failed',
          error: error.reason,
          validation: error.validation,
        });
        return report(`failed: ${error.reason}`);
      }
      if (job.lastAttempt) {
        await this.finish(rendition, {
          ...EMPTY_RESULT,
          status: 'failed',
          error:
            'The rendition could not be made because of an error on our side; ask for it again later',
        });
      }
      throw error;
    }
  }

  /**
   * Queues again unfinished renditions of finished items untouched for PROCESSING_STALE_SECONDS:
   * their job was lost (Redis restarted, or away when it was asked for) or its worker died with
   * Redis forgetting it. A rendition being made reports progress every second, so it is never
   * taken for forgotten. Returns how many were looked at.
   */
  @Every({
    name: 'Rendition recovery',
    lockId: LOCKS.renditionRecovery,
    intervalMs: (config) => config.reconciler.intervalSeconds * 1_000,
  })
  async requeueForgotten(now = new Date()): Promise<number> {
    const before = new Date(
      now.getTime() - this.config.processing.staleSeconds * 1_000,
    );
    const ids = await this.renditions.findForgotten(before, RECOVERY_BATCH);
    for (const id of ids) {
      await this.jobs.enqueue(id);
    }
    await this.renditions.touch(ids);
    if (ids.length > 0) {
      this.logger.log(`Queued ${ids.length} forgotten renditions again`);
    }
    return ids.length;
  }

  /** Makes the rendition; returns what happened, or throws NoRendition/RenditionCancelled. */
  private async attempt(
    rendition: MediaRendition,
    media: Media,
  ): Promise<string> {
    const refusal = whyNoRenditions(media);
    if (refusal !== null) {
      throw new NoRendition(refusal);
    }
    const platform = rendition.platform as Platform;
    const original = await this.originalFacts(media);
    const verdict = evaluateMedia(original, platform);
    if (verdict.valid) {
      await this.finish(rendition, {
        status: 'ready',
        storageKey: null,
        url: media.publicUrl,
        contentType: media.contentType,
        sizeBytes: media.sizeBytes,
        ...dimensionsOf(original),
        changes: [],
        validation: verdict,
        error: null,
      });
      return 'the original passes';
    }
    if (!(await this.renditions.start(rendition.id))) {
      return 'finished meanwhile';
    }
    const workDir = await createWorkDir(RENDITION_WORK_DIR);
    try {
      const input = await this.inputFile(media.storagePath!, workDir);
      const made =
        original.kind === 'video'
          ? await this.makeVideo(rendition, media, original, input, workDir)
          : await this.makeImage(rendition, original, input, workDir);
      const checked = evaluateMedia(made.facts, platform);
      if (!checked.valid) {
        throw new NoRendition(
          `The made file still breaks ${platform}'s rules: ${checked.errors.join('; ')}`,
          checked,
        );
      }
      const key = `${media.workspaceId}/${media.id}/renditions/${rendition.id}${made.extension}`;
      const stored = await this.storage.write({
        key,
        body: createReadStream(made.path),
        contentType: made.contentType,
      });
      const finished = await this.finish(rendition, {
        status: 'ready',
        storageKey: key,
        url: this.storage.publicUrl(key),
        contentType: made.contentType,
        sizeBytes: stored.sizeBytes,
        ...dimensionsOf(made.facts),
        changes: made.changes,
        validation: checked,
        error: null,
      });
      if (!finished) {
        // The item was deleted while we worked: its delete did not see this file.
        await this.storage.delete(key);
        throw new RenditionCancelled();
      }
      return `ready (${made.changes.join(', ')})`;
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  private async makeVideo(
    rendition: MediaRendition,
    media: Media,
    facts: VideoFacts,
    input: string,
    workDir: string,
  ): Promise<MadeFile> {
    const plan = planVideoRendition(facts, rendition.platform as Platform, {
      fit: rendition.fit,
      trim: rendition.trim,
    });
    if (plan.kind === 'unfixable') {
      throw new NoRendition(plan.reason);
    }
    const path = join(workDir, 'rendition.mp4');
    const changes = [...plan.changes];
    await this.transcode(rendition, media, plan, input, path);
    let info = await this.videos.probe(path, 'mp4');
    let sizeBytes = (await stat(path)).size;
    const cap = plan.output.sizeCapBytes;
    if (cap !== null && sizeBytes > cap) {
      const bitrate = bitrateForSizeCap(plan.output);
      await this.transcode(rendition, media, plan, input, path, bitrate);
      info = await this.videos.probe(path, 'mp4');
      sizeBytes = (await stat(path)).size;
      changes.push(loweredBitrateChange(bitrate, cap));
    }
    return {
      path,
      contentType: 'video/mp4',
      extension: '.mp4',
      facts: videoFactsFromInfo(info, sizeBytes),
      changes,
    };
  }

  /** One ffmpeg run, its progress written to the rendition; stops when the item is deleted. */
  private async transcode(
    rendition: MediaRendition,
    media: Media,
    plan: Extract<VideoPlan, { kind: 'transcode' }>,
    input: string,
    output: string,
    videoBitrate?: number,
  ): Promise<void> {
    const stop = new AbortController();
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const onProgress = (percent: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS) {
        return;
      }
      lastWrite = now;
      writing = writing.then(async () => {
        // Reported below 100 until the file is stored: `ready` is what says it is done.
        const alive = await this.renditions.reportProgress(
          rendition.id,
          Math.min(percent, 99),
        );
        if (!alive) {
          stop.abort();
        }
      });
    };
    try {
      await this.transcoder.transcode({
        inputPath: input,
        demuxer: videoDemuxer(media.contentType),
        outputArguments: plan.outputArguments(videoBitrate),
        outputPath: output,
        durationSeconds: plan.output.durationSeconds,
        timeoutMs: this.config.renditions.timeoutSeconds * 1_000,
        signal: stop.signal,
        onProgress,
      });
    } catch (error) {
      if (error instanceof VideoTranscodeError) {
        if (error.reason === 'cancelled') {
          throw new RenditionCancelled();
        }
        if (error.reason === 'timeout') {
          throw new NoRendition(
            `Transcoding took longer than RENDITION_TIMEOUT_SECONDS (${this.config.renditions.timeoutSeconds} s) and was stopped`,
          );
        }
        if (error.reason === 'failed') {
          throw new NoRendition(
            `ffmpeg could not transcode the video: ${error.message}`,
          );
        }
      }
      throw error;
    } finally {
      await writing;
    }
  }

  private async makeImage(
    rendition: MediaRendition,
    facts: ImageFacts,
    input: string,
    workDir: string,
  ): Promise<MadeFile> {
    const plan = planImageRendition(
      facts,
      rendition.platform as Platform,
      rendition.fit,
    );
    if (plan.kind === 'unfixable') {
      throw new NoRendition(plan.reason);
    }
    const path = join(workDir, 'rendition.jpg');
    const made = await this.images.renderRendition(input, path, plan);
    return {
      path,
      contentType: 'image/jpeg',
      extension: '.jpg',
      facts: {
        kind: 'image',
        format: 'jpeg',
        sizeBytes: made.sizeBytes,
        width: made.width,
        height: made.height,
      },
      changes: changesAfterRender(plan, made),
    };
  }

  /** What is known about the original; videos processed before a fact was recorded are probed again. */
  private async originalFacts(media: Media): Promise<MediaFacts> {
    if (categoryOf(media.contentType) === 'image') {
      return imageFacts(media);
    }
    const stored = storedVideoFacts(media);
    if (stored) {
      return stored;
    }
    const info = await this.videos.probe(
      await this.storage.probeLocation(media.storagePath!),
      videoDemuxer(media.contentType),
    );
    return videoFactsFromInfo(info, media.sizeBytes ?? 0);
  }

  /**
   * The original as a file ffmpeg or sharp can read: in place with the local driver (an item's
   * object is not replaced once READY), else copied into the work directory.
   */
  private async inputFile(key: string, workDir: string): Promise<string> {
    const inPlace = this.storage.localFile(key);
    if (inPlace !== null) {
      return inPlace;
    }
    const path = join(workDir, 'original');
    await pipeline(
      await this.storage.openReadStream(key),
      createWriteStream(path),
    );
    return path;
  }

  /** Finishes the rendition with its `media.rendition.*` event; null when it is gone or was finished. */
  private finish(
    rendition: MediaRendition,
    result: RenditionResult,
  ): Promise<MediaRendition | null> {
    return this.unitOfWork.run(async (tx) => {
      const finished = await this.renditions.finish(rendition.id, result, tx);
      if (finished) {
        await this.events.recordRendition(finished, tx);
      }
      return finished;
    });
  }
}

const EMPTY_RESULT = {
  storageKey: null,
  url: null,
  contentType: null,
  sizeBytes: null,
  width: null,
  height: null,
  videoDuration: null,
  changes: [],
  validation: null,
  error: null,
} satisfies Omit<RenditionResult, 'status'>;

function isUnfinished(rendition: MediaRendition): boolean {
  return rendition.status === 'queued' || rendition.status === 'processing';
}

function dimensionsOf(
  facts: MediaFacts,
): Pick<RenditionResult, 'width' | 'height' | 'videoDuration'> {
  return facts.kind === 'video'
    ? {
        width: facts.width,
        height: facts.height,
        videoDuration: facts.durationSeconds,
      }
    : { width: facts.width, height: facts.height, videoDuration: null };
}
