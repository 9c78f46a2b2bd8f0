import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ApiError, type FieldError } from '../../common/errors/api-error.js';
import { AppConfig } from '../../config/app-config.js';
import {
  MAX_SINGLE_PUT_BYTES,
  partSizeFor,
  planParts,
} from '../../infra/storage/multipart-plan.js';
import type { UploadLength } from '../../infra/storage/presign-input.js';
import {
  MultipartPartsRejectedError,
  Storage,
  type PresignedMultipartUpload,
  type PresignedUpload,
} from '../../infra/storage/storage.port.js';
import type { Media, UploadChannel } from '../media/media.entity.js';
import { MediaLifecycleService } from '../media/media-lifecycle.service.js';
import { MediaRepository } from '../media/media.repository.js';
import { MediaService } from '../media/media.service.js';
import {
  BULK_VIDEO_BATCH_MAX_BYTES,
  BULK_VIDEO_MAX_BYTES,
  CATEGORY_MAX_BYTES,
  categoryOf,
} from '../media/media-types.js';
import { ProcessingJobs } from '../media/processing.jobs.js';
import {
  hasControlCharacters,
  sanitiseFilename,
} from '../media/storage-key.js';
import type { Platform } from '../validation/platforms.js';
import { formatBytes } from '../../lib/bytes.js';

/** A direct upload a client asks for (POST /v1/media/upload). */
export interface UploadRequest {
  filename: string;
  contentType: string;
  sizeBytes: number;
  checksumSha256?: string;
}

/** One file of a bulk presign: an exact size, like a single upload. */
export interface BulkUploadFile {
  filename: string;
  contentType: string;
  size: number;
  checksumSha256?: string;
}

/** One video of bulk-video-upload-urls: only an approximate size (a maximum). */
export interface BulkVideoFile {
  filename: string;
  contentType: string;
  fileSizeMb: number;
  checksumSha256?: string;
}

/** The parts a client completes a multipart upload with, and the ETags their PUTs answered. */
export interface CompletedParts {
  parts: Array<{ partNumber: number; etag: string }>;
}

const MB = 1024 * 1024;

/** How long an upload URL works, by the channel that issued it. */
export const UPLOAD_WINDOW_SECONDS: Record<UploadChannel, number> = {
  single: 15 * 60,
  bulk_presign: 60 * 60,
  bulk_video: 60 * 60,
};

interface PlannedUpload {
  filename: string;
  contentType: string;
  /** Exact length the URL accepts, or the cap when the client only knows an approximate size. */
  size: { exact: number } | { max: number };
  field: string;
  checksumSha256?: string;
}

/** The URLs of one item: always a single PUT; parts too above the multipart threshold. */
export interface IssuedUpload {
  single: PresignedUpload;
  multipart?: PresignedMultipartUpload;
}

/** A PENDING item and the URLs that fill it. */
export interface IssuedItemUpload {
  media: Media;
  upload: IssuedUpload;
}

function uploadLength(media: Media): UploadLength {
  return media.uploadChannel === 'bulk_video'
    ? { kind: 'max', bytes: media.maxSizeBytes! }
    : { kind: 'exact', bytes: media.maxSizeBytes! };
}

/** What a completion is recognised by when a client repeats it: the parts it named. */
function partsDigest(parts: CompletedParts['parts']): string {
  return createHash('sha256')
    .update(
      JSON.stringify(
        parts.map((part) => [part.partNumber, part.etag.replace(/"/g, '')]),
      ),
    )
    .digest('hex');
}

function validationError(errors: FieldError[]): ApiError {
  return new ApiError(
    'validation_error',
    errors.map((error) => error.message).join('; '),
    { errors },
  );
}

/** Issues upload URLs and records the PENDING items they will fill. */
@Injectable()
export class UploadService {
  constructor(
    private readonly library: MediaService,
    private readonly media: MediaRepository,
    private readonly lifecycle: MediaLifecycleService,
    private readonly processing: ProcessingJobs,
    private readonly storage: Storage,
    private readonly config: AppConfig,
  ) {}

  async createUpload(
    workspaceId: string,
    dto: UploadRequest,
  ): Promise<IssuedItemUpload> {
    const plan: PlannedUpload = {
      filename: dto.filename,
      contentType: dto.contentType,
      size: { exact: dto.sizeBytes },
      field: '',
      checksumSha256: dto.checksumSha256,
    };
    this.assertUploadable([plan]);
    const [issued] = await this.createPendingItems(workspaceId, 'single', [
      plan,
    ]);
    return issued;
  }

  async bulkPresign(
    workspaceId: string,
    files: BulkUploadFile[],
  ): Promise<IssuedItemUpload[]> {
    const plans = files.map((file, index) => ({
      filename: file.filename,
      contentType: file.contentType,
      size: { exact: file.size },
      field: `files.${index}.`,
      checksumSha256: file.checksumSha256,
    }));
    this.assertUploadable(plans);
    return this.createPendingItems(workspaceId, 'bulk_presign', plans);
  }

  async bulkVideoUploadUrls(
    workspaceId: string,
    videos: BulkVideoFile[],
    targetPlatforms: Platform[],
    createRenditions = false,
  ): Promise<IssuedItemUpload[]> {
    const plans = videos.map((video, index) => ({
      filename: video.filename,
      contentType: video.contentType,
      size: { max: Math.ceil(video.fileSizeMb * MB) },
      field: `videos.${index}.`,
      checksumSha256: video.checksumSha256,
    }));
    const total = plans.reduce(
      (sum, plan) => sum + ('max' in plan.size ? plan.size.max : 0),
      0,
    );
    if (total > BULK_VIDEO_BATCH_MAX_BYTES) {
      throw validationError([
        {
          field: 'videos',
          message: `the videos add up to ${formatBytes(total)}; a batch may be at most ${formatBytes(BULK_VIDEO_BATCH_MAX_BYTES)}`,
        },
      ]);
    }
    this.assertUploadable(plans, BULK_VIDEO_MAX_BYTES);
    return this.createPendingItems(workspaceId, 'bulk_video', plans, {
      targetPlatforms,
      createRenditions,
    });
  }

  async refreshPresign(
    workspaceId: string,
    mediaId: string,
  ): Promise<IssuedItemUpload> {
    const media = await this.library.get(workspaceId, mediaId);
    if (
      media.status !== 'PENDING' ||
      !media.uploadChannel ||
      !media.storagePath
    ) {
      throw new ApiError(
        'conflict',
        `Media ${media.id} is ${media.status}${media.uploadChannel ? '' : ' and not a direct upload'}; only PENDING direct uploads get new upload URLs`,
      );
    }
    const upload = await this.presign(media);
    media.uploadExpiresAt = upload.single.expiresAt;
    await this.media.setUploadExpiry(
      workspaceId,
      media.id,
      upload.single.expiresAt,
    );
    return { media, upload };
  }

  /**
   * Assembles the parts of a multipart upload into the object, then moves the item on as a single
   * PUT does. Parts that do not match what storage holds are refused (409) and change nothing, so
   * the client can re-send a part and complete again; repeating a completion that succeeded
   * answers the item again.
   */
  async completeUpload(
    workspaceId: string,
    mediaId: string,
    dto: CompletedParts,
  ): Promise<Media> {
    const media = await this.library.get(workspaceId, mediaId);
    const digest = partsDigest(dto.parts);
    if (media.status !== 'PENDING') {
      if (media.uploadSha256 === digest) return media;
      throw new ApiError(
        'conflict',
        `Media ${media.id} is ${media.status}; its upload is already complete`,
      );
    }
    if (!media.multipartUploadId || !media.multipartPartBytes) {
      throw new ApiError(
        'conflict',
        `Media ${media.id} is not a multipart upload; PUT the file to its upload URL`,
      );
    }
    this.assertCompleteParts(media, dto);
    this.processing.assertAvailable();
    const rejected = (error: unknown) =>
      error instanceof MultipartPartsRejectedError
        ? new ApiError('conflict', `${error.message}; nothing was stored`)
        : error;
    const assembled = await this.storage
      .assembleMultipartUpload({
        key: media.storagePath!,
        uploadId: media.multipartUploadId,
        contentType: media.contentType,
        partSizeBytes: media.multipartPartBytes,
        parts: dto.parts,
      })
      .catch((error: unknown) => {
        throw rejected(error);
      });
    try {
      const claim = await this.lifecycle
        .claimUpload(media.id, digest, () => assembled.commit(), {
          multipartUploadId: null,
        })
        .catch((error: unknown) => {
          throw rejected(error);
        });
      if (claim === 'gone') {
        throw ApiError.notFound('media item', media.id);
      }
      if (claim === 'conflict') {
        throw new ApiError(
          'conflict',
          `Media ${media.id} received its bytes meanwhile; this completion was not used`,
        );
      }
    } finally {
      await assembled.discard();
    }
    return this.library.get(workspaceId, mediaId);
  }

  /** Parts 1…n in order, as many as planned (fewer allowed when the size was only a maximum). */
  private assertCompleteParts(media: Media, dto: CompletedParts): void {
    const planned = planParts(
      uploadLength(media),
      media.multipartPartBytes!,
    ).length;
    const errors: FieldError[] = [];
    dto.parts.forEach((part, index) => {
      if (part.partNumber !== index + 1) {
        errors.push({
          field: `parts.${index}.partNumber`,
          message: `parts.${index}.partNumber must be ${index + 1}: list every part once, in ascending order from 1`,
        });
      }
    });
    const count = dto.parts.length;
    if (
      uploadLength(media).kind === 'exact' ? count !== planned : count > planned
    ) {
      errors.push({
        field: 'parts',
        message: `parts lists ${count} parts; this upload has ${planned}`,
      });
    }
    if (errors.length > 0) {
      throw validationError(errors);
    }
  }

  /**
   * Starts processing when the object is in storage. Idempotent: an item already past PENDING is
   * returned as it is.
   */
  async confirm(workspaceId: string, mediaId: string): Promise<Media> {
    const media = await this.library.get(workspaceId, mediaId);
    if (media.status !== 'PENDING') {
      return media;
    }
    if (
      !media.storagePath ||
      !(await this.storage.headUpload(media.storagePath))
    ) {
      throw new ApiError(
        'conflict',
        `No upload has been received for media ${media.id} yet`,
      );
    }
    await this.lifecycle.markBytesReceived(media.id);
    return this.library.get(workspaceId, mediaId);
  }

  private assertUploadable(
    plans: PlannedUpload[],
    videoMaxBytes = CATEGORY_MAX_BYTES.video,
  ): void {
    const errors: FieldError[] = [];
    for (const plan of plans) {
      const category = categoryOf(plan.contentType)!;
      const limit =
        category === 'video' ? videoMaxBytes : CATEGORY_MAX_BYTES[category];
      const bytes = 'exact' in plan.size ? plan.size.exact : plan.size.max;
      const sizeField =
        'exact' in plan.size
          ? plan.field
            ? 'size'
            : 'sizeBytes'
          : 'fileSizeMb';
      if (bytes > limit) {
        errors.push({
          field: `${plan.field}${sizeField}`,
          message: `${plan.field}${sizeField} is ${formatBytes(bytes)}; ${plan.contentType} files may be at most ${formatBytes(limit)}`,
        });
      }
      if (hasControlCharacters(plan.filename)) {
        errors.push({
          field: `${plan.field}filename`,
          message: `${plan.field}filename must not contain control characters`,
        });
      } else if (sanitiseFilename(plan.filename) === null) {
        errors.push({
          field: `${plan.field}filename`,
          message: `${plan.field}filename must contain at least one letter or digit`,
        });
      }
    }
    if (errors.length > 0) {
      throw validationError(errors);
    }
  }

  private async createPendingItems(
    workspaceId: string,
    channel: UploadChannel,
    plans: PlannedUpload[],
    validation: { targetPlatforms: Platform[]; createRenditions: boolean } = {
      targetPlatforms: [],
      createRenditions: false,
    },
  ): Promise<IssuedItemUpload[]> {
    const items = plans.map((plan) =>
      // assertUploadable has refused filenames without a usable key.
      this.library.newPendingUpload(workspaceId, {
        filename: plan.filename,
        contentType: plan.contentType,
        sizeBytes: 'exact' in plan.size ? plan.size.exact : null,
        maxSizeBytes: 'exact' in plan.size ? plan.size.exact : plan.size.max,
        channel,
        targetPlatforms:
          validation.targetPlatforms.length > 0
            ? validation.targetPlatforms
            : null,
        createRenditions: validation.createRenditions,
        declaredSha256: plan.checksumSha256?.toLowerCase(),
      })!,
    );
    for (const media of items) {
      if (this.needsMultipart(media.maxSizeBytes!)) {
        media.multipartPartBytes = partSizeFor(
          media.maxSizeBytes!,
          this.config.multipart.partSizeBytes,
        );
      }
    }
    const uploads = await Promise.all(
      items.map((media) => this.presign(media)),
    );
    items.forEach((media, index) => {
      media.uploadExpiresAt = uploads[index].single.expiresAt;
      media.multipartUploadId = uploads[index].multipart?.uploadId ?? null;
    });
    await this.media.insertAll(items);
    return items.map((media, index) => ({ media, upload: uploads[index] }));
  }

  /** Above S3's single-PUT cap a plan is needed whatever the threshold. */
  private needsMultipart(bytes: number): boolean {
    return (
      bytes > this.config.multipart.thresholdBytes ||
      bytes > MAX_SINGLE_PUT_BYTES
    );
  }

  /**
   * The single-PUT URL, and for a multipart item its part URLs (a new upload, or the parts of the
   * open one signed again). Either way of uploading fills the item; the first to land wins.
   */
  private async presign(media: Media): Promise<IssuedUpload> {
    const channel = media.uploadChannel!;
    const expiresInSeconds = UPLOAD_WINDOW_SECONDS[channel];
    const sha256 = media.declaredSha256 ?? undefined;
    const single = await this.storage.presignUpload({
      key: media.storagePath!,
      contentType: media.contentType,
      ...(channel === 'bulk_video'
        ? { maxContentLength: media.maxSizeBytes! }
        : { contentLength: media.maxSizeBytes! }),
      expiresInSeconds,
      sha256,
    });
    if (!media.multipartPartBytes) {
      return { single };
    }
    const multipart = await this.storage.presignMultipartUpload({
      key: media.storagePath!,
      contentType: media.contentType,
      expiresInSeconds,
      length: uploadLength(media),
      partSizeBytes: media.multipartPartBytes,
      uploadId: media.multipartUploadId ?? undefined,
    });
    return { single, multipart };
  }
}
