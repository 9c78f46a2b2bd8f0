import { ApiProperty } from '@nestjs/swagger';
import {
  RENDITION_FITS,
  RENDITION_STATUSES,
  type RenditionFit,
  type RenditionStatus,
} from './rendition.entity.js';

export class RenditionValidationDto {
  /** The rendition passes its platform's rules (always true once `ready`). */
  valid: boolean;
  errors: string[];
  warnings: string[];
}

/**
 * A version of the item made for one platform: the original itself when it already passes (`changes`
 * empty), else a file made from it and checked by the same rules as `validate`.
 */
export class RenditionDto {
  /** @example "rnd_abc1234567890abc12345678" */
  id: string;
  /**
   * The platform it is made for (see `GET /v1/platforms`).
   * @example "INSTAGRAM_STORY"
   */
  platform: string;
  @ApiProperty({ enum: RENDITION_FITS })
  fit: RenditionFit;
  /** Whether a video longer than the platform allows may be shortened. */
  trim: boolean;
  /** `queued` (waiting for a worker, or for the item to be READY), `processing`, `ready` or `failed`. */
  @ApiProperty({ enum: RENDITION_STATUSES })
  status: RenditionStatus;
  /** 0–100; video transcodes report it from ffmpeg at least every 2 s. */
  progress: number;
  /** Where the rendition is served once `ready` (the original's `publicUrl` when nothing had to change); null before. */
  @ApiProperty({ type: String, nullable: true })
  url: string | null;
  /** @example "video/mp4" */
  @ApiProperty({ type: String, nullable: true })
  contentType: string | null;
  @ApiProperty({ type: Number, nullable: true })
  sizeBytes: number | null;
  /** Display width in pixels. */
  @ApiProperty({ type: Number, nullable: true })
  width: number | null;
  /** Display height in pixels. */
  @ApiProperty({ type: Number, nullable: true })
  height: number | null;
  /** Videos: duration in seconds. */
  @ApiProperty({ type: Number, nullable: true, required: false })
  videoDuration?: number | null;
  /**
   * What was done to the original, in order.
   * @example ["transcoded vp8 → h264", "padded 4:3 → 9:16", "trimmed 70 s → 60 s"]
   */
  changes: string[];
  /** The platform's verdict on the rendition; null until it is made. */
  @ApiProperty({ type: RenditionValidationDto, nullable: true })
  validation: RenditionValidationDto | null;
  /**
   * Failed renditions: why no file the platform accepts could be made.
   * @example "Duration 2 s is below INSTAGRAM's minimum of 3 s; a rendition cannot lengthen a video"
   */
  @ApiProperty({ type: String, required: false })
  error?: string;
  createdAt: Date;
  updatedAt: Date;
}
