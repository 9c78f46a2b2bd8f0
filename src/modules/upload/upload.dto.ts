import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { MAX_MULTIPART_PARTS } from '../../infra/storage/multipart-plan.js';
import {
  BULK_PRESIGN_CONTENT_TYPES,
  BULK_VIDEO_CONTENT_TYPES,
  CATEGORY_MAX_BYTES,
  SUPPORTED_CONTENT_TYPES,
} from '../media/media-types.js';
import { IntegerField } from '../../common/validation/integer-field.decorator.js';
import { NestedDto } from '../../common/validation/nested-dto.decorator.js';
import { PLATFORMS, type Platform } from '../validation/platforms.js';

/** An optional hex SHA-256 the client declares for its file; other bytes are refused or fail. */
function DeclaredChecksumField() {
  return applyDecorators(
    ApiPropertyOptional({
      description:
        'Hex SHA-256 of the file. Storage refuses other bytes (S3: the bucket, local: 403 `checksum_mismatch`), or the item becomes FAILED.',
      pattern: '^[0-9a-fA-F]{64}$',
    }),
    IsOptional(),
    Matches(/^[0-9a-f]{64}$/i, {
      message: ({ property }) =>
        `${property} must be a hex SHA-256 (64 hexadecimal characters)`,
    }),
  );
}

/** One part of a multipart plan. */
export class UploadPartUrlDto {
  /** 1-based; parts are assembled in this order. */
  partNumber: number;
  /** PUT this part's bytes here. */
  url: string;
  /** Send every one of these headers, exactly, with the part's PUT. */
  headers: Record<string, string>;
  /** The part's length in bytes; the last part may be shorter when the file size was a maximum. */
  sizeBytes: number;
}

/**
 * For files over the multipart threshold: PUT each part (in parallel if you like, and again if
 * one fails), keep each response's `ETag` header, then call
 * `POST /v1/media/{mediaId}/complete-upload` with them.
 */
export class MultipartUploadPlanDto {
  /** Every part but the last is this long. */
  partSizeBytes: number;
  parts: UploadPartUrlDto[];
}

export class CompletedPartDto {
  @IntegerField({ min: 1, max: MAX_MULTIPART_PARTS, example: 1 })
  partNumber: number;

  /**
   * The `ETag` header the part's PUT answered, quotes included or not.
   */
  @ApiProperty({ example: '"5d41402abc4b2a76b9719d911017c592"' })
  @IsString()
  @Length(1, 1024)
  etag: string;
}

export class CompleteUploadDto {
  /** Every uploaded part, by ascending part number from 1. */
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MULTIPART_PARTS)
  @NestedDto(() => CompletedPartDto, { each: true })
  parts: CompletedPartDto[];
}

export class CreateUploadDto {
  /**
   * Display filename (1–255 characters). The storage key is chosen by the server.
   * @example "banner.jpg"
   */
  @IsString()
  @Length(1, 255)
  filename: string;

  @ApiProperty({ enum: SUPPORTED_CONTENT_TYPES, example: 'image/jpeg' })
  @IsIn(SUPPORTED_CONTENT_TYPES)
  contentType: string;

  /** Exact size of the file in bytes; the upload URL accepts exactly this many. Limits: images 20 MB, videos 500 MB, PDF 100 MB, captions 5 MB. */
  @IntegerField({ min: 1, max: CATEGORY_MAX_BYTES.video, example: 245_760 })
  sizeBytes: number;

  @DeclaredChecksumField()
  checksumSha256?: string;
}

export class UploadUrlDto {
  /** @example "media_abc1234567890abc12345678" */
  mediaId: string;
  /** PUT the file here within 15 minutes. */
  uploadUrl: string;
  /**
   * Send every one of these headers, exactly, with the PUT.
   * @example {"Content-Type": "image/jpeg", "x-amz-server-side-encryption": "AES256"}
   */
  uploadHeaders: Record<string, string>;
  expiresAt: Date;
  /** Present for files over the multipart threshold. */
  multipart?: MultipartUploadPlanDto;
}

export class RefreshPresignResponseDto {
  presignedUrl: string;
  /** Send every one of these headers, exactly, with the PUT. */
  uploadHeaders: Record<string, string>;
  expiresAt: Date;
  /** Present for multipart uploads: the same parts, signed again. */
  multipart?: MultipartUploadPlanDto;
}

export class BulkPresignFileDto {
  /** @example "launch.mp4" */
  @IsString()
  @Length(1, 255)
  filename: string;

  @ApiProperty({ enum: BULK_PRESIGN_CONTENT_TYPES, example: 'video/mp4' })
  @IsIn(BULK_PRESIGN_CONTENT_TYPES)
  contentType: string;

  /** Exact file size in bytes, at most 500 MB. */
  @IntegerField({ min: 1, max: CATEGORY_MAX_BYTES.video, example: 52_428_800 })
  size: number;

  @DeclaredChecksumField()
  checksumSha256?: string;
}

export class BulkPresignDto {
  /** 1–20 video files. */
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedDto(() => BulkPresignFileDto, { each: true })
  files: BulkPresignFileDto[];
}

export class BulkPresignUploadDto {
  mediaId: string;
  /** PUT the file here within 60 minutes. */
  presignedUrl: string;
  /** The server-chosen storage key the file is served from once READY (with S3 the upload itself lands in the private `staging/` area first). */
  key: string;
  /** Send every one of these headers, exactly, with the PUT. */
  uploadHeaders: Record<string, string>;
  expiresAt: Date;
  /** Present for files over the multipart threshold. */
  multipart?: MultipartUploadPlanDto;
}

export class BulkPresignResponseDto {
  uploads: BulkPresignUploadDto[];
}

export class BulkVideoDto {
  /** @example "launch.mp4" */
  @IsString()
  @Length(1, 255)
  filename: string;

  @ApiProperty({ enum: BULK_VIDEO_CONTENT_TYPES, example: 'video/mp4' })
  @IsIn(BULK_VIDEO_CONTENT_TYPES)
  contentType: string;

  /**
   * File size in megabytes (MiB), at most 10240 (10 GB). The upload may not exceed it.
   * @example 250
   */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.000001)
  @Max(10_240)
  fileSizeMb: number;

  @DeclaredChecksumField()
  checksumSha256?: string;
}

export class BulkVideoUploadUrlsDto {
  /** 1–20 videos, 20 GB in total at most. */
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedDto(() => BulkVideoDto, { each: true })
  videos: BulkVideoDto[];

  /** Platforms to validate each video against once it is READY. */
  @ApiProperty({ enum: PLATFORMS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(PLATFORMS, { each: true })
  targetPlatforms: Platform[];

  /**
   * After the automatic validation, make a rendition (`fit: pad`, `trim: true`) of each video for
   * every target platform it fails; see `GET /v1/media/{id}/renditions`.
   * @default false
   */
  @IsOptional()
  @IsBoolean()
  createRenditions?: boolean;
}

export class BulkVideoUploadUrlDto {
  mediaId: string;
  /** PUT the file here within 60 minutes. */
  uploadUrl: string;
  /** The server-chosen storage key the file is served from once READY (with S3 the upload itself lands in the private `staging/` area first). */
  s3Key: string;
  /** Send every one of these headers, exactly, with the PUT. */
  uploadHeaders: Record<string, string>;
  expiresAt: Date;
  /**
   * Present for files over the multipart threshold, planned for `fileSizeMb`: a smaller file
   * completes with fewer parts, or a shorter last one.
   */
  multipart?: MultipartUploadPlanDto;
}

export class BulkVideoUploadUrlsResponseDto {
  videos: BulkVideoUploadUrlDto[];
}
