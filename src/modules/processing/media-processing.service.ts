import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppConfig } from '../../config/app-config.js';
import { ImageAdapter } from '../../infra/image/image.adapter.js';
import { OnJob, type JobPlace, type JobReport } from '../../infra/queue/job.js';
import { AppMetrics } from '../../infra/metrics/app-metrics.js';
import type { ImageNormalisationResult } from '../../infra/image/image-normalisation.js';
import {
  SNIFF_HEAD_BYTES,
  sniffContentType,
} from '../../infra/sniff/sniff-content.js';
import {
  Storage,
  type StoredObjectInfo,
} from '../../infra/storage/storage.port.js';
import {
  createWorkDir,
  sweepOrphanWorkDirs,
} from '../../infra/temp/work-dirs.js';
import { VideoAdapter } from '../../infra/video/video.adapter.js';
import type { VideoInfo } from '../../infra/video/video-info.js';
import { VideoPosterAdapter } from '../../infra/video/video-poster.adapter.js';
import { VideoPosterError } from '../../infra/video/video-poster.error.js';
import { VideoProbeError } from '../../infra/video/video-probe.error.js';
import { videoDemuxer } from '../../infra/video/video-tools.js';
import type { Media } from '../media/media.entity.js';
import { buildPosterKey } from '../media/storage-key.js';
import {
  MediaLifecycleService,
  type ProcessingOutcome,
} from '../media/media-lifecycle.service.js';
import { MediaRepository } from '../media/media.repository.js';
import { RenditionRequests } from '../media/rendition-requests.service.js';
import {
  PROCESS_MEDIA,
  type ProcessMediaJob,
} from '../media/processing.jobs.js';
import { CATEGORY_MAX_BYTES, categoryOf } from '../media/media-types.js';
import { storedVideoMetadata } from '../media/video-metadata.js';
import { hasValidationToRun } from '../validation/pending-platforms.js';
import { ValidationJobs } from '../validation/validation.jobs.js';
import { formatBytes } from '../../lib/bytes.js';

async function readHead(storage: Storage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.openReadStream(key, {
    start: 0,
    end: SNIFF_HEAD_BYTES - 1,
  })) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).subarray(0, SNIFF_HEAD_BYTES);
}

/** Images are normalised in per-job directories named after this (see `sweepOrphanWorkDirs`). */
const IMAGE_WORK_DIR = 'media-image';

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/** Where a run reads the item's bytes, and what storage says of them (null: nothing there). */
interface ReceivedBytes {
  source: string;
  stored: StoredObjectInfo | null;
}

const failed = (...errors: string[]): ProcessingOutcome => ({
  status: 'FAILED',
  errors,
});

/** What `metadata.normalization` shows: the outcome without the worker's temporary paths. */
function describeNormalisation(
  result: ImageNormalisationResult,
): Record<string, unknown> {
  switch (result.outcome) {
    case 'failed':
      return {
        outcome: 'failed',
        sourceFormat: result.sourceFormat,
        reason: result.reason,
      };
    case 'skipped':
      return {
        outcome: 'skipped',
        sourceFormat: result.sourceFormat,
        reason: result.reason,
      };
    case 'reencoded':
      return {
        outcome: 'reencoded',
        sourceFormat: result.sourceFormat,
        reasons: result.reencodeReasons,
      };
    default:
      return { outcome: result.outcome, sourceFormat: result.sourceFormat };
  }
}

/**
 * The processing pipeline for one item (docs/lifecycle.md#processing): verify the received bytes,
 * normalise images to JFIF JPEG (docs/contracts.md#image-normalisation), probe videos and store
 * their poster frame, and publish the result at the item's key; bytes that cannot be used are
 * deleted, the reason kept on the item. Safe to run any number of times: every step reads the
 * bytes as they are now, a normalised JPEG comes through a second run unchanged, and a poster is
 * rewritten at the same key.
 */
@Injectable()
export class MediaProcessingService implements OnModuleInit {
  private readonly logger = new Logger(MediaProcessingService.name);

  constructor(
    private readonly media: MediaRepository,
    private readonly lifecycle: MediaLifecycleService,
    private readonly validations: ValidationJobs,
    private readonly renditions: RenditionRequests,
    private readonly storage: Storage,
    private readonly images: ImageAdapter,
    private readonly videos: VideoAdapter,
    private readonly posters: VideoPosterAdapter,
    private readonly config: AppConfig,
    private readonly metrics: AppMetrics,
  ) {}

  /** A worker starting removes the work directories of workers killed mid-job on this host. */
  async onModuleInit(): Promise<void> {
    if (!this.config.runsWorkers) {
      return;
    }
    const swept = await sweepOrphanWorkDirs(IMAGE_WORK_DIR);
    if (swept.length > 0) {
      this.logger.log(
        `Removed ${swept.length} work directories of stopped workers`,
      );
    }
  }

  /** The item counts against its workspace's PROCESSING_WORKSPACE_CONCURRENCY while PROCESSING. */
  async workspaceOf(mediaId: string): Promise<JobPlace> {
    const media = await this.media.findById(mediaId);
    return media?.status === 'PROCESSING' ? { group: media.workspaceId } : null;
  }

  /**
   * The job: processes the item if it is PROCESSING; says what happened. Bull re-runs a job whose
   * worker died and retries failures with backoff; shutdown waits for running jobs.
   */
  @OnJob(PROCESS_MEDIA, {
    concurrency: (config) => config.processing.concurrency,
    cap: {
      name: 'processing',
      limit: (config) => config.fairness.processingPerWorkspace,
      place: (self: MediaProcessingService, { mediaId }) =>
        self.workspaceOf(mediaId),
    },
  })
  async process({ mediaId }: ProcessMediaJob): Promise<JobReport> {
    const media = await this.media.findById(mediaId);
    if (media?.status !== 'PROCESSING' || !media.storagePath) {
      return {
        summary: `nothing to do: media ${mediaId} is ${media ? media.status : 'gone'}`,
        mediaId,
        workspaceId: media?.workspaceId,
      };
    }
    const report = (summary: string): JobReport => ({
      summary,
      mediaId,
      workspaceId: media.workspaceId,
    });
    const key = media.storagePath;
    const outcome = await this.withChecksum(
      key,
      await this.evaluate(media, await this.receivedBytes(key), key),
    );
    const finished = await this.lifecycle.completeProcessing(media.id, outcome);
    if (!finished && !(await this.media.findById(media.id))) {
      // Deleted while we worked: do not leave a normalised copy or a poster behind.
      await this.removeObjects(media);
      return report(`media ${mediaId} was deleted during processing`);
    }
    if (finished && outcome.status === 'FAILED') {
      // Unusable bytes are neither served nor kept; the item keeps the reason.
      await this.removeObjects(media);
    }
    if (
      finished &&
      this.config.validation.enabled &&
      hasValidationToRun(finished)
    ) {
      await this.queueValidation(finished);
    }
    if (finished) {
      await this.renditions.startWaiting(finished);
    }
    return report(`media ${mediaId} is ${outcome.status}`);
  }

  /**
   * Where this run reads the item's bytes: the storage's upload area while a client's upload waits
   * there to be published, else the item's key (imports, templates, and uploads an earlier run
   * published). Bytes put in the upload area after publication (a client reusing its URL) are
   * deleted unread, so they can never replace what is served.
   */
  private async receivedBytes(key: string): Promise<ReceivedBytes> {
    const area = this.storage.uploadAreaKey(key);
    const waiting = area === key ? null : await this.storage.head(area);
    if (!waiting) {
      return { source: key, stored: await this.storage.head(key) };
    }
    const published = await this.storage.head(key);
    if (published) {
      await this.storage.delete(area);
      return { source: key, stored: published };
    }
    return { source: area, stored: waiting };
  }

  /** Makes the verified bytes at `source` the item's object, unless they already are. */
  private async publish(
    source: string,
    key: string,
    contentType: string,
  ): Promise<void> {
    if (source !== key) {
      await this.storage.publish(source, key, contentType);
    }
  }

  private async removeObjects(media: Media): Promise<void> {
    await this.storage.purge(media.storagePath!);
    await this.storage.delete(buildPosterKey(media.workspaceId, media.id));
  }

  /**
   * Validation requested before the item was READY, or the target platforms of a bulk video
   * upload. Processing is over either way, so a Redis hiccup here is only logged rather than
   * failing the processing job: the validation recovery sweep finds the item waiting and queues it.
   */
  private async queueValidation(media: Media): Promise<void> {
    try {
      await this.validations.enqueue(media.id);
    } catch (error) {
      this.logger.warn(
        { mediaId: media.id, workspaceId: media.workspaceId },
        `Could not queue validation of media ${media.id}, recovery will: ${String(error)}`,
      );
    }
  }

  /**
   * A READY item records the SHA-256 of its stored object (after any re-encoding), which
   * `completeProcessing` also compares with the workspace's other items for `duplicateOf`.
   */
  private async withChecksum(
    key: string,
    outcome: ProcessingOutcome,
  ): Promise<ProcessingOutcome> {
    if (outcome.status !== 'READY' || outcome.changes.checksumSha256) {
      return outcome;
    }
    return {
      status: 'READY',
      changes: {
        ...outcome.changes,
        checksumSha256: await this.storage.sha256(key),
      },
    };
  }

  /** Judges the bytes at `source` and, when they are usable, publishes them at `key`. */
  private async evaluate(
    media: Media,
    { source, stored }: ReceivedBytes,
    key: string,
  ): Promise<ProcessingOutcome> {
    if (!stored) {
      return failed('The uploaded file is missing from storage');
    }
    if (stored.sizeBytes === 0) {
      return failed('The uploaded file is empty');
    }
    const declaredCategory = categoryOf(media.contentType)!;
    // Only bulk-video URLs leave the length unsigned; other uploads were held to their exact size by
    // storage, and a normalised image may legitimately differ from it on a re-run.
    const limit =
      media.uploadChannel === 'bulk_video' && media.maxSizeBytes !== null
        ? media.maxSizeBytes
        : CATEGORY_MAX_BYTES[declaredCategory];
    if (stored.sizeBytes > limit) {
      return failed(
        `The uploaded file is ${formatBytes(stored.sizeBytes)}; this item accepts at most ${formatBytes(limit)}`,
      );
    }
    // Checked once, before an image is re-encoded: the declaration is about the bytes the client
    // sent, and a re-run (retry, stalled job, recovery) may find them already normalised.
    if (media.declaredSha256 && !media.declaredSha256VerifiedAt) {
      const sha256 = await this.storage.sha256(source);
      if (sha256 !== media.declaredSha256) {
        return failed(
          `checksum_mismatch: the uploaded file's SHA-256 is ${sha256}, not the declared ${media.declaredSha256}`,
        );
      }
      await this.media.markDeclaredChecksumVerified(media.id);
    }
    const detected = await sniffContentType(
      await readHead(this.storage, source),
    );
    const detectedCategory = detected ? categoryOf(detected) : undefined;
    if (!detected || !detectedCategory) {
      return failed(
        `The file content (${detected ?? 'unrecognised'}) is not a supported media type`,
      );
    }
    if (detectedCategory !== declaredCategory) {
      return failed(
        `The file content is ${detected}, but it was declared as ${media.contentType}`,
      );
    }
    // Captions have no magic bytes; the declared caption type is kept when the text is plausible.
    const contentType =
      declaredCategory === 'caption' ? media.contentType : detected;
    switch (declaredCategory) {
      case 'image':
        return this.processImage(media, source, key, stored);
      case 'video':
        return this.processVideo(media, source, key, contentType, stored);
      default:
        await this.publish(source, key, contentType);
        return {
          status: 'READY',
          changes: { contentType, sizeBytes: stored.sizeBytes },
        };
    }
  }

  private async processImage(
    media: Media,
    source: string,
    key: string,
    stored: StoredObjectInfo,
  ): Promise<ProcessingOutcome> {
    const workDir = await createWorkDir(IMAGE_WORK_DIR);
    try {
      const inputPath = await this.imageFile(source, workDir);
      const result = await this.images.normaliseImageFile(
        inputPath,
        join(workDir, 'output.jpg'),
      );
      this.metrics.countNormalisation(result.outcome);
      const metadata = {
        ...media.metadata,
        normalization: describeNormalisation(result),
      };
      switch (result.outcome) {
        case 'failed':
          // Bytes no decoder can read (or that would take too much memory to) are unusable.
          return {
            status: 'FAILED',
            errors: [result.reason],
            changes: { metadata },
          };
        case 'skipped':
          await this.publish(source, key, 'image/gif');
          return {
            status: 'READY',
            changes: {
              contentType: 'image/gif',
              sizeBytes: stored.sizeBytes,
              checksumSha256: await this.storedSha256(key, inputPath),
              width: result.width,
              height: result.height,
              metadata,
            },
          };
        case 'unchanged':
          await this.publish(source, key, 'image/jpeg');
          return {
            status: 'READY',
            changes: {
              contentType: 'image/jpeg',
              sizeBytes: stored.sizeBytes,
              checksumSha256: await this.storedSha256(key, inputPath),
              width: result.width,
              height: result.height,
              metadata,
            },
          };
        default: {
          const written = await this.storage.write({
            key,
            body: createReadStream(result.outputPath),
            contentType: 'image/jpeg',
          });
          if (source !== key) {
            await this.storage.delete(source);
          }
          return {
            status: 'READY',
            changes: {
              contentType: 'image/jpeg',
              sizeBytes: written.sizeBytes,
              checksumSha256: await this.storedSha256(key, result.outputPath),
              width: result.width,
              height: result.height,
              metadata,
            },
          };
        }
      }
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  /**
   * The stored image as a file sharp can read. The local driver keeps objects as files, so sharp
   * reads the object where it lies; other objects are copied into the work directory. Reading in
   * place is safe because while an item's job runs nothing but that job, once it has read it,
   * replaces the item's object: uploads and imports land only before PROCESSING, and an item has
   * one job id, which Bull runs once at a time.
   */
  private async imageFile(key: string, workDir: string): Promise<string> {
    const inPlace = this.storage.localFile(key);
    if (inPlace !== null) {
      return inPlace;
    }
    const path = join(workDir, 'input');
    await pipeline(
      await this.storage.openReadStream(key),
      createWriteStream(path),
    );
    return path;
  }

  /**
   * The SHA-256 of the object now stored at `key`, of which `file` holds the bytes: the local driver
   * recorded it when the bytes were written; anything else is hashed from the file rather than read
   * from the bucket again.
   */
  private async storedSha256(key: string, file: string): Promise<string> {
    return (await this.storage.recordedSha256(key)) ?? sha256File(file);
  }

  private async processVideo(
    media: Media,
    source: string,
    key: string,
    contentType: string,
    stored: StoredObjectInfo,
  ): Promise<ProcessingOutcome> {
    const location = await this.storage.probeLocation(source);
    // Both tools read the bytes as the container they were sniffed as, and as nothing else.
    const demuxer = videoDemuxer(contentType);
    let info: VideoInfo;
    try {
      info = await this.videos.probe(location, demuxer);
    } catch (error) {
      // An unreadable file is the file's fault; a missing ffprobe or a timeout is retried.
      if (
        error instanceof VideoProbeError &&
        (error.failure === 'unreadable' || error.failure === 'no_video_stream')
      ) {
        return failed(error.message);
      }
      throw error;
    }
    const poster = await this.storePoster(media, location, info, demuxer);
    await this.publish(source, key, contentType);
    return {
      status: 'READY',
      changes: {
        contentType,
        sizeBytes: stored.sizeBytes,
        videoDuration: info.durationSeconds,
        videoCodec: info.codec,
        videoWidth: info.width,
        videoHeight: info.height,
        posterPath: poster.posterPath,
        posterUrl: poster.posterUrl,
        metadata: {
          ...media.metadata,
          video: storedVideoMetadata(info),
          poster: poster.metadata,
        },
      },
    };
  }

  /**
   * Writes the poster beside the video, always at the same key, so a re-run replaces it. A poster
   * is a nicety: when ffmpeg cannot make one the video is still READY, without a poster, and
   * `metadata.poster` says why. Storage errors are not caught: the job is retried like any other.
   */
  private async storePoster(
    media: Media,
    location: string,
    info: VideoInfo,
    demuxer: string,
  ): Promise<{
    posterPath: string | null;
    posterUrl: string | null;
    metadata: Record<string, unknown>;
  }> {
    const posterKey = buildPosterKey(media.workspaceId, media.id);
    try {
      const poster = await this.posters.extractPoster(
        location,
        info.durationSeconds,
        demuxer,
      );
      await this.storage.write({
        key: posterKey,
        body: Readable.from([poster.jpeg]),
        contentType: 'image/jpeg',
      });
      return {
        posterPath: posterKey,
        posterUrl: this.storage.publicUrl(posterKey),
        metadata: {
          outcome: 'created',
          seekSeconds: poster.seekSeconds,
          frame: poster.frame,
        },
      };
    } catch (error) {
      if (!(error instanceof VideoPosterError)) {
        throw error;
      }
      this.logger.warn(
        { mediaId: media.id, workspaceId: media.workspaceId },
        `No poster for video ${media.id}: ${error.message}`,
      );
      // A poster an earlier run made must not outlive this run's verdict.
      await this.storage.delete(posterKey);
      return {
        posterPath: null,
        posterUrl: null,
        metadata: { outcome: 'failed', reason: error.message },
      };
    }
  }
}
