import {
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { IntegerField } from '../../common/validation/integer-field.decorator.js';
import { SUPPORTED_CONTENT_TYPES } from './media-types.js';
import {
  MEDIA_STATUSES,
  VALIDATION_STATUSES,
  type MediaStatus,
  type ValidationStatus,
} from './media.entity.js';
import { RenditionDto } from './rendition.dto.js';
import type { StoredVideoMetadata } from './video-metadata.js';

export class ProcessingResultDto {
  valid: boolean;
  errors: string[];
}

/**
 * `metadata.video` of a processed video: what the probe found, beyond the `video*` fields. It is
 * the stored shape the platform rules read, documented.
 */
export class VideoMetadataDto implements StoredVideoMetadata {
  /** Frames per second. */
  fps: number | null;
  /** Overall bitrate in bits per second. */
  bitrate: number | null;
  audioCodec: string | null;
  /** @example "mp4" */
  container: string;
  /** Display rotation in degrees recorded in the stream (0, 90, 180 or 270). */
  rotation: number;
  /** Pixel format of the video stream, e.g. `yuv420p`. */
  pixelFormat: string | null;
  /** `progressive` or `interlaced`, when the stream says. */
  scanType: StoredVideoMetadata['scanType'];
  /** Audio codec profile, e.g. `LC`. */
  audioProfile: string | null;
  audioSampleRateHz: number | null;
  audioChannels: number | null;
}

/** A media item. Images add `width`/`height`; videos add the `video*` fields and `metadata.video`. */
export class MediaDto {
  /** @example "media_abc1234567890abc12345678" */
  id: string;
  /** The display filename as given by the client. */
  filename: string;
  /** Detected from the stored bytes once processed; every image ends as `image/jpeg` except GIF. */
  contentType: string;
  /** Size of the stored object in bytes; null for external media. */
  sizeBytes: number | null;
  @ApiProperty({ enum: MEDIA_STATUSES })
  status: MediaStatus;
  /** Stable URL social platforms can fetch once the item is READY. */
  publicUrl: string;
  /**
   * READY videos: URL of a baseline JFIF JPEG poster frame in display orientation (the first frame
   * that is not black, from about 1 s in). Null for other media, and for a video whose poster
   * could not be made (`metadata.poster` says why).
   */
  @ApiProperty({ type: String, nullable: true })
  posterUrl: string | null;
  /** The server-chosen storage key; null for external media. */
  storagePath: string | null;
  /**
   * Hex SHA-256 of the stored object, once processed; null before, and for external media.
   * @example "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
   */
  checksumSha256: string | null;
  @ApiProperty({ enum: VALIDATION_STATUSES })
  validationStatus: ValidationStatus;
  /** Per-platform validation results, plus `processing` when processing rejected the bytes. */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  validationResults: Record<string, unknown> | null;
  /**
   * `source` (upload, url, import_url, drive, external, render), `importStatus` (imports),
   * `normalization` (images), `video` (videos: a `VideoMetadataDto`), `poster` (videos:
   * `outcome` created or failed, with the seek point or the `reason`), `duplicateOf` (the id of an
   * older item of the workspace with the same `checksumSha256`), …
   */
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    properties: {
      video: {
        type: 'object',
        additionalProperties: true,
        allOf: [{ $ref: getSchemaPath(VideoMetadataDto) }],
      },
    },
  })
  metadata: Record<string, unknown>;
  /** Images: display width in pixels. */
  width?: number | null;
  /** Images: display height in pixels. */
  height?: number | null;
  /** Videos: duration in seconds. */
  videoDuration?: number | null;
  /** Videos: codec name as ffprobe reports it, e.g. `h264`. */
  videoCodec?: string | null;
  /** Videos: display width (rotation applied). */
  videoWidth?: number | null;
  /** Videos: display height (rotation applied). */
  videoHeight?: number | null;
  /**
   * `GET /v1/media/{id}` only: the item's renditions, oldest first, as `GET /v1/media/{id}/renditions`
   * lists them (lists and events leave them out).
   */
  renditions?: RenditionDto[];
  createdAt: Date;
  updatedAt: Date;
}

export class MediaPageDto {
  data: MediaDto[];
  hasMore: boolean;
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export const MEDIA_STATUS_FILTERS = [
  'pending',
  'processing',
  'ready',
  'failed',
  'all',
] as const;
export type MediaStatusFilter = (typeof MEDIA_STATUS_FILTERS)[number];

export class ListMediaQueryDto {
  /** Items per page. */
  @IntegerField({ min: 1, max: 100, optional: true, default: 20 })
  limit?: number;

  /** The `nextCursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /**
   * Only items in this status. Any letter case is accepted: `ready` and `READY` (the case items
   * show their `status` in) are the same filter.
   */
  @ApiPropertyOptional({
    enum: [
      ...MEDIA_STATUS_FILTERS,
      ...MEDIA_STATUS_FILTERS.map((status) => status.toUpperCase()),
    ],
    default: 'all',
    example: 'READY',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  )
  @IsOptional()
  @IsIn(MEDIA_STATUS_FILTERS)
  status?: MediaStatusFilter;
}

export class DeleteMediaResponseDto {
  /** @example true */
  success: boolean;
}

export class RegisterMediaDto {
  /**
   * Public https URL of a file you host; stored as-is, never fetched or re-hosted.
   * @example "https://cdn.yourapp.com/campaign/banner.jpg"
   */
  @IsUrl(
    {
      protocols: ['https'],
      require_protocol: true,
      require_tld: true,
      allow_underscores: true,
    },
    { message: '$property must be an https URL with a domain name' },
  )
  @Length(1, 2048)
  url: string;

  @ApiProperty({ enum: SUPPORTED_CONTENT_TYPES })
  @IsIn(SUPPORTED_CONTENT_TYPES)
  contentType: string;

  /**
   * Display filename; defaults to the last segment of the URL path.
   * @example "campaign-banner.jpg"
   */
  @IsOptional()
  @IsString()
  @Length(1, 255)
  filename?: string;
}
