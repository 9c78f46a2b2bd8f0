import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsString,
  IsUrl,
  Length,
  Matches,
} from 'class-validator';
import { IntegerField } from '../../common/validation/integer-field.decorator.js';
import { NestedDto } from '../../common/validation/nested-dto.decorator.js';
import { NoControlCharacters } from '../media/no-control-characters.decorator.js';
import { MediaDto } from '../media/media.dto.js';
import { BULK_VIDEO_MAX_BYTES } from '../media/media-types.js';

const HTTP_URL = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_tld: false,
  allow_underscores: true,
};

/** Google Drive file ids: letters, digits, `-` and `_`. */
const DRIVE_FILE_ID = /^[A-Za-z0-9_-]{1,200}$/;

/** A MIME type as clients declare it (`type/subtype`, parameters allowed). */
const MIME_TYPE = /^[\w.+-]+\/[\w.+-]+(;.*)?$/;

/**
 * What can follow `Bearer ` in an Authorization header: printable ASCII and Latin-1 (ISO-8859-1
 * without its controls), no leading or trailing space. Anything else (`…`, emoji, a line break)
 * cannot be sent, so it is refused before any download is tried.
 */
const HEADER_TOKEN =
  /^[\x21-\x7e\xa1-\xff](?:[\x20-\x7e\xa0-\xff]*[\x21-\x7e\xa1-\xff])?$/;

/** Never repeats the token. */
const HEADER_TOKEN_MESSAGE =
  '$property must consist of printable ASCII or Latin-1 characters without control characters (it is sent in an HTTP header)';

export class UploadFromUrlDto {
  /**
   * A public http(s) URL of the file. It is downloaded and stored now; its type is detected from
   * its first bytes.
   * @example "https://example.com/media/launch.mp4"
   */
  @IsUrl(HTTP_URL, { message: '$property must be an http or https URL' })
  @Length(1, 2048)
  url: string;
}

/** The stored item, and `url`, where it is hosted (it serves once the item is READY). */
export class UploadFromUrlResponseDto extends MediaDto {
  /** The hosted URL to use in posts: the item's `publicUrl`. */
  url: string;
}

export class ImportFromUrlDto {
  /**
   * URL of the file; fetched with `Authorization: Bearer <accessToken>`.
   * @example "https://photos.example.com/export/video.mp4"
   */
  @IsUrl(HTTP_URL, {
    message: '$property must be an http or https URL',
  })
  @Length(1, 2048)
  downloadUrl: string;

  /**
   * Display filename (1–255 characters).
   * @example "product-demo.mp4"
   */
  @IsString()
  @Length(1, 255)
  @NoControlCharacters()
  filename: string;

  /**
   * The type you expect; the stored bytes must be of the same category (image, video, …).
   * @example "video/mp4"
   */
  @Matches(MIME_TYPE, { message: '$property must be a MIME type' })
  @Length(3, 255)
  mimeType: string;

  /**
   * Bearer token for the download. Used for that request only; never stored or logged.
   * Printable ASCII or Latin-1 only, as it is sent in an HTTP header.
   * @example "ya29.a0AfH6SMB-example"
   */
  @IsString()
  @Length(1, 4096)
  @Matches(HEADER_TOKEN, { message: HEADER_TOKEN_MESSAGE })
  accessToken: string;
}

export class ImportFromDriveDto {
  /** @example "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs" */
  @Matches(DRIVE_FILE_ID, {
    message: '$property must be a Google Drive file id',
  })
  fileId: string;

  /**
   * Display filename (1–255 characters).
   * @example "product-demo.mp4"
   */
  @IsString()
  @Length(1, 255)
  @NoControlCharacters()
  filename: string;

  /**
   * The file's Drive MIME type; Google Docs, Sheets and Slides (`application/vnd.google-apps.*`)
   * are exported as PDF.
   * @example "video/mp4"
   */
  @Matches(MIME_TYPE, { message: '$property must be a MIME type' })
  @Length(3, 255)
  mimeType: string;

  /**
   * Google OAuth access token with Drive read scope. Used for the download only; never stored or
   * logged.
   * Printable ASCII or Latin-1 only, as it is sent in an HTTP header.
   * @example "ya29.a0AfH6SMB-example"
   */
  @IsString()
  @Length(1, 4096)
  @Matches(HEADER_TOKEN, { message: HEADER_TOKEN_MESSAGE })
  accessToken: string;

  /** Size hint in bytes. */
  @IntegerField({
    min: 0,
    max: BULK_VIDEO_MAX_BYTES,
    optional: true,
    example: 1_048_576,
  })
  sizeBytes?: number;
}

export class ImportStartedDto {
  /** @example "media_abc1234567890abc12345678" */
  mediaId: string;
  /** Poll `GET /v1/media/import/{jobId}/status`. @example "job_abc1234567890abc12345678" */
  jobId: string;
  @ApiProperty({ enum: ['importing'] })
  status: 'importing';
}

export const IMPORT_STATUSES = ['importing', 'complete', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export class ImportStatusDto {
  mediaId: string;
  jobId: string;
  /** `complete` once the imported file is READY (its `url` serves); `failed` with `error` otherwise. */
  @ApiProperty({ enum: IMPORT_STATUSES })
  status: ImportStatus;
  /** The hosted URL, once complete. */
  url?: string;
  /** The stored type, once complete (images end as `image/jpeg`). */
  contentType?: string;
  /** Why the import failed. */
  error?: string;
}

export class DriveImportFileDto {
  /** @example "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs" */
  @Matches(DRIVE_FILE_ID, {
    message: '$property must be a Google Drive file id',
  })
  driveFileId: string;

  /**
   * Display filename (1–255 characters).
   * @example "product-demo.mp4"
   */
  @IsString()
  @Length(1, 255)
  @NoControlCharacters()
  name: string;

  /** @example "video/mp4" */
  @Matches(MIME_TYPE, { message: '$property must be a MIME type' })
  @Length(3, 255)
  mimeType: string;

  @IntegerField({ min: 0, max: BULK_VIDEO_MAX_BYTES, example: 1_048_576 })
  sizeBytes: number;
}

export class DriveImportDto {
  /** 1–20 files, imported before the response is sent. */
  @ApiProperty({ type: [DriveImportFileDto], minItems: 1, maxItems: 20 })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedDto(() => DriveImportFileDto, { each: true })
  files: DriveImportFileDto[];

  /**
   * Google OAuth access token with Drive read scope. Used for the downloads only; never stored or
   * logged.
   * Printable ASCII or Latin-1 only, as it is sent in an HTTP header.
   * @example "ya29.a0AfH6SMB-example"
   */
  @IsString()
  @Length(1, 4096)
  @Matches(HEADER_TOKEN, { message: HEADER_TOKEN_MESSAGE })
  accessToken: string;
}

export class DriveImportResultDto {
  /** The Drive file id. */
  fileId: string;
  mediaId?: string;
  /**
   * The hosted URL. Processing is awaited (bounded) before answering, so it serves at once in the
   * common case; a file still processing when the bound passes serves once its item is READY.
   */
  url?: string;
  /** `error`: the download failed (no item is left), or processing failed (`mediaId` names the FAILED item). */
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';
  error?: string;
}

export class DriveImportResponseDto {
  /** One result per requested file, in request order. */
  results: DriveImportResultDto[];
}
