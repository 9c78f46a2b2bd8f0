import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsString,
  MaxLength,
  type ValidationArguments,
} from 'class-validator';
import {
  VALIDATION_STATUSES,
  type ValidationStatus,
} from '../media/media.entity.js';
import { PLATFORMS, type Platform } from './platforms.js';

function unknownPlatformsMessage({ property, value }: ValidationArguments) {
  const unknown = (Array.isArray(value) ? value : [value])
    .filter((item) => !(PLATFORMS as readonly unknown[]).includes(item))
    .map((item) => JSON.stringify(item));
  return `${property} has unknown platforms ${unknown.join(', ')}; valid platforms are ${PLATFORMS.join(', ')}`;
}

/** A non-empty list of distinct platform constants; unknown names are refused, naming the valid ones. */
export function PlatformList() {
  return applyDecorators(
    ApiProperty({ enum: PLATFORMS, isArray: true, minItems: 1 }),
    IsArray(),
    ArrayMinSize(1),
    ArrayUnique(),
    IsIn(PLATFORMS, { each: true, message: unknownPlatformsMessage }),
  );
}

export class ValidateMediaDto {
  /** Platforms to check the item against, e.g. `["TIKTOK", "INSTAGRAM"]`. */
  @PlatformList()
  targetPlatforms: Platform[];
}

export class BulkValidateDto {
  /** 1–100 ids of media items of this workspace; every one must exist, or nothing is queued. */
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 100,
    example: ['media_abc1234567890abc12345678'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  mediaIds: string[];

  /** Platforms to check every item against. */
  @PlatformList()
  platforms: Platform[];
}

export class ValidationQueuedDto {
  /** False when validation is not available on this deployment; `reason` says so. */
  queued: boolean;
  /** @example "job_3k2j4h5g6f7d8s9a0q1w2e3r" */
  jobId?: string;
  /** @example "validation queue not configured" */
  reason?: string;
}

export class BulkValidationQueuedDto {
  /** False when validation is not available on this deployment; `reason` says so. */
  queued: boolean;
  /** One job per media id, in the order of `mediaIds`. */
  jobIds?: string[];
  /** @example "validation queue not configured" */
  reason?: string;
}

export class ValidationStatusDto {
  /** @example "media_abc1234567890abc12345678" */
  id: string;
  /** `pending` while requested platforms wait to be checked; then `passed` when every platform result is valid, else `failed`; `skipped` when never validated. */
  @ApiProperty({ enum: VALIDATION_STATUSES })
  validationStatus: ValidationStatus;
  /**
   * One `{ valid, errors[], warnings[] }` per platform checked (errors: hard limits broken; warnings:
   * recommendations not followed), plus `processing` when processing rejected the file.
   */
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
  })
  validationResults: Record<string, unknown> | null;
  /** Seconds; null for anything but probed videos. */
  videoDuration: number | null;
  videoCodec: string | null;
  /** Display width (rotation applied). */
  videoWidth: number | null;
  /** Display height (rotation applied). */
  videoHeight: number | null;
}
