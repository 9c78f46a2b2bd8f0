import { Injectable } from '@nestjs/common';
import { ApiError, type FieldError } from '../../common/errors/api-error.js';
import {
  Storage,
  type PresignedUpload,
} from '../../infra/storage/storage.port.js';
import type { Media, UploadChannel } from '../media/media.entity.js';
import { MediaLifecycleService } from '../media/media-lifecycle.service.js';
import { MediaService } from '../media/media.service.js';
import {
  BULK_VIDEO_BATCH_MAX_BYTES,
  BULK_VIDEO_MAX_BYTES,
  CATEGORY_MAX_BYTES,
  categoryOf,
  formatBytes,
} from '../media/media-types.js';
import {
  hasControlCharacters,
  sanitiseFilename,
} from '../media/storage-key.js';
import type { Platform } from '../validation/platforms.js';
import type {
  BulkPresignDto,
  BulkPresignResponseDto,
  BulkVideoUploadUrlsDto,
  BulkVideoUploadUrlsResponseDto,
  CreateUploadDto,
  RefreshPresignResponseDto,
  UploadUrlDto,
} from './upload.dto.js';

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
    private readonly media: MediaService,
    private readonly lifecycle: MediaLifecycleService,
    private readonly storage: Storage,
  ) {}

  async createUpload(
    workspaceId: string,
    dto: CreateUploadDto,
  ): Promise<UploadUrlDto> {
    const plan: PlannedUpload = {
      filename: dto.filename,
      contentType: dto.contentType,
      size: { exact: dto.sizeBytes },
      field: '',
    };
    this.assertUploadable([plan]);
    const [{ media, upload }] = await this.createPendingItems(
      workspaceId,
      'single',
      [plan],
    );
    return {
      mediaId: media.id,
      uploadUrl: upload.url,
      uploadHeaders: upload.headers,
      expiresAt: upload.expiresAt,
    };
  }

  async bulkPresign(
    workspaceId: string,
    dto: BulkPresignDto,
  ): Promise<BulkPresignResponseDto> {
    const plans = dto.files.map((file, index) => ({
      filename: file.filename,
      contentType: file.contentType,
      size: { exact: file.size },
      field: `files.${index}.`,
    }));
    this.assertUploadable(plans);
    const created = await this.createPendingItems(
      workspaceId,
      'bulk_presign',
      plans,
    );
    return {
      uploads: created.map(({ media, upload }) => ({
        mediaId: media.id,
        presignedUrl: upload.url,
        key: media.storagePath!,
        uploadHeaders: upload.headers,
        expiresAt: upload.expiresAt,
      })),
    };
  }

  async bulkVideoUploadUrls(
    workspaceId: string,
    dto: BulkVideoUploadUrlsDto,
  ): Promise<BulkVideoUploadUrlsResponseDto> {
    const plans = dto.videos.map((video, index) => ({
      filename: video.filename,
      contentType: video.contentType,
      size: { max: Math.ceil(video.fileSizeMb * MB) },
      field: `videos.${index}.`,
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
    const created = await this.createPendingItems(
      workspaceId,
      'bulk_video',
      plans,
      dto.targetPlatforms,
    );
    return {
      videos: created.map(({ media, upload }) => ({
        mediaId: media.id,
        uploadUrl: upload.url,
        s3Key: media.storagePath!,
        uploadHeaders: upload.headers,
        expiresAt: upload.expiresAt,
      })),
    };
  }

  async refreshPresign(
    workspaceId: string,
    mediaId: string,
  ): Promise<RefreshPresignResponseDto> {
    const media = await this.media.get(workspaceId, mediaId);
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
    await this.media.setUploadExpiry(media, upload.expiresAt);
    return {
      presignedUrl: upload.url,
      uploadHeaders: upload.headers,
      expiresAt: upload.expiresAt,
    };
  }

  /**
   * Starts processing when the object is in storage. Idempotent: an item already past PENDING is
   * returned as it is.
   */
  async confirm(workspaceId: string, mediaId: string): Promise<Media> {
    const media = await this.media.get(workspaceId, mediaId);
    if (media.status !== 'PENDING') {
      return media;
    }
    if (!media.storagePath || !(await this.storage.head(media.storagePath))) {
      throw new ApiError(
        'conflict',
        `No upload has been received for media ${media.id} yet`,
      );
    }
    await this.lifecycle.markBytesReceived(media.id);
    return this.media.get(workspaceId, mediaId);
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
    targetPlatforms?: Platform[],
  ): Promise<Array<{ media: Media; upload: PresignedUpload }>> {
    const items = plans.map((plan) =>
      // assertUploadable has refused filenames without a usable key.
      this.media.newPendingUpload(workspaceId, {
        filename: plan.filename,
        contentType: plan.contentType,
        sizeBytes: 'exact' in plan.size ? plan.size.exact : null,
        maxSizeBytes: 'exact' in plan.size ? plan.size.exact : plan.size.max,
        channel,
        targetPlatforms,
      })!,
    );
    const uploads = await Promise.all(
      items.map((media) => this.presign(media)),
    );
    items.forEach(
      (media, index) => (media.uploadExpiresAt = uploads[index].expiresAt),
    );
    const saved = await this.media.insertAll(items);
    return saved.map((media, index) => ({ media, upload: uploads[index] }));
  }

  private presign(media: Media): Promise<PresignedUpload> {
    const channel = media.uploadChannel!;
    return this.storage.presignUpload({
      key: media.storagePath!,
      contentType: media.contentType,
      ...(channel === 'bulk_video'
        ? { maxContentLength: media.maxSizeBytes! }
        : { contentLength: media.maxSizeBytes! }),
      expiresInSeconds: UPLOAD_WINDOW_SECONDS[channel],
    });
  }
}
