import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import {
  BULK_PRESIGN_CONTENT_TYPES,
  BULK_VIDEO_CONTENT_TYPES,
  CATEGORY_MAX_BYTES,
  SUPPORTED_CONTENT_TYPES,
} from '../media/media-types.js';
import { IntegerField } from '../../common/validation/integer-field.decorator.js';
import { NestedDto } from '../../common/validation/nested-dto.decorator.js';
import { PLATFORMS, type Platform } from '../validation/platforms.js';

export class CreateUploadDto {
  /** Display filename (1–255 characters). The storage key is chosen by the server. */
  @IsString()
  @Length(1, 255)
  filename: string;

  @ApiProperty({ enum: SUPPORTED_CONTENT_TYPES, example: 'image/jpeg' })
  @IsIn(SUPPORTED_CONTENT_TYPES)
  contentType: string;

  /** Exact size of the file in bytes; the upload URL accepts exactly this many. Limits: images 20 MB, videos 500 MB, PDF 100 MB, captions 5 MB. */
  @IntegerField({ min: 1, max: CATEGORY_MAX_BYTES.video, example: 245_760 })
  sizeBytes: number;
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
}

export class RefreshPresignResponseDto {
  presignedUrl: string;
  /** Send every one of these headers, exactly, with the PUT. */
  uploadHeaders: Record<string, string>;
  expiresAt: Date;
}

export class BulkPresignFileDto {
  @IsString()
  @Length(1, 255)
  filename: string;

  @ApiProperty({ enum: BULK_PRESIGN_CONTENT_TYPES })
  @IsIn(BULK_PRESIGN_CONTENT_TYPES)
  contentType: string;

  /** Exact file size in bytes, at most 500 MB. */
  @IntegerField({ min: 1, max: CATEGORY_MAX_BYTES.video, example: 52_428_800 })
  size: number;
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
  /** The server-chosen storage key. */
  key: string;
  /** Send every one of these headers, exactly, with the PUT. */
  uploadHeaders: Record<string, string>;
  expiresAt: Date;
}

export class BulkPresignResponseDto {
  uploads: BulkPresignUploadDto[];
}

export class BulkVideoDto {
  @IsString()
  @Length(1, 255)
  filename: string;

  @ApiProperty({ enum: BULK_VIDEO_CONTENT_TYPES })
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
}

export class BulkVideoUploadUrlDto {
  mediaId: string;
  /** PUT the file here within 60 minutes. */
  uploadUrl: string;
  /** The server-chosen storage key. */
  s3Key: string;
  /** Send every one of these headers, exactly, with the PUT. */
  uploadHeaders: Record<string, string>;
  expiresAt: Date;
}

export class BulkVideoUploadUrlsResponseDto {
  videos: BulkVideoUploadUrlDto[];
}
