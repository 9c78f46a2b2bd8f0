import type { MediaDto } from './media.dto.js';
import type { Media } from './media.entity.js';
import { categoryOf } from './media-types.js';

/** The columns of an item the API shows (toMediaDto). */
export const SHOWN_MEDIA_PROPERTIES = [
  'id',
  'filename',
  'contentType',
  'sizeBytes',
  'status',
  'publicUrl',
  'posterUrl',
  'storagePath',
  'checksumSha256',
  'validationStatus',
  'validationResults',
  'metadata',
  'width',
  'height',
  'videoDuration',
  'videoCodec',
  'videoWidth',
  'videoHeight',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Media>;

export type ShownMedia = Pick<Media, (typeof SHOWN_MEDIA_PROPERTIES)[number]>;

/** The media object as the API shows it (docs/contracts.md#media-object). */
export function toMediaDto(media: ShownMedia): MediaDto {
  const category = categoryOf(media.contentType);
  return {
    id: media.id,
    filename: media.filename,
    contentType: media.contentType,
    sizeBytes: media.sizeBytes,
    status: media.status,
    publicUrl: media.publicUrl,
    posterUrl: media.posterUrl,
    storagePath: media.storagePath,
    checksumSha256: media.checksumSha256,
    validationStatus: media.validationStatus,
    validationResults: media.validationResults,
    metadata: media.metadata,
    ...(category === 'image'
      ? { width: media.width, height: media.height }
      : {}),
    ...(category === 'video'
      ? {
          videoDuration: media.videoDuration,
          videoCodec: media.videoCodec,
          videoWidth: media.videoWidth,
          videoHeight: media.videoHeight,
        }
      : {}),
    createdAt: media.createdAt,
    updatedAt: media.updatedAt,
  };
}
