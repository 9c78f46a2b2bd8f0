import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, ArrayMaxSize, IsString, MaxLength } from 'class-validator';
import { NestedDto } from '../../common/validation/nested-dto.decorator.js';

/*
 * The S3 event notification schema. Only `eventName` and `s3.object.key` are read; the other
 * documented fields are allowed (the API otherwise rejects unknown fields) and ignored.
 */

export class StorageEventObjectDto {
  /**
   * URL-encoded object key, as S3 sends it.
   * @example "ws_abc1234567890abc12345678/media_abc1234567890abc12345678/banner.jpg"
   */
  @IsString()
  @MaxLength(2048)
  key: string;

  @Allow() size?: number;
  @Allow() eTag?: string;
  @Allow() versionId?: string;
  @Allow() sequencer?: string;
  @Allow() contentType?: string;
  @Allow() userMetadata?: Record<string, string>;
}

export class StorageEventS3Dto {
  @NestedDto(() => StorageEventObjectDto)
  object: StorageEventObjectDto;

  @Allow() s3SchemaVersion?: string;
  @Allow() configurationId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Allow()
  bucket?: Record<string, unknown>;
}

export class StorageEventRecordDto {
  /** @example "ObjectCreated:Put" */
  @IsString()
  @MaxLength(200)
  eventName: string;

  @NestedDto(() => StorageEventS3Dto)
  s3: StorageEventS3Dto;

  @Allow() eventVersion?: string;
  @Allow() eventSource?: string;
  @Allow() awsRegion?: string;
  @Allow() eventTime?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Allow()
  userIdentity?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Allow()
  requestParameters?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Allow()
  responseElements?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Allow()
  glacierEventData?: Record<string, unknown>;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @Allow()
  source?: Record<string, unknown>;
}

/**
 * S3 sends one record per notification; 100 leaves room for batching forwarders while bounding
 * the work one request can ask for (each created-object record costs a database lookup).
 */
export const MAX_STORAGE_EVENT_RECORDS = 100;

/** An S3 event notification, as S3 (through a forwarder), MinIO webhooks or s3rver send it. */
export class StorageEventsDto {
  @ApiPropertyOptional({
    type: [StorageEventRecordDto],
    maxItems: MAX_STORAGE_EVENT_RECORDS,
  })
  // Not `@IsOptional`, which lets `null` through: an absent field keeps the default below.
  @ArrayMaxSize(MAX_STORAGE_EVENT_RECORDS)
  @NestedDto(() => StorageEventRecordDto, { each: true })
  Records: StorageEventRecordDto[] = [];

  /** MinIO's webhook target adds these at the top level. */
  @Allow() EventName?: string;
  @Allow() Key?: string;
}

export class StorageEventsResultDto {
  /** Records that moved a PENDING item to PROCESSING. */
  started: number;
  /** Records about other events, unknown keys or items no longer PENDING. */
  ignored: number;
}
