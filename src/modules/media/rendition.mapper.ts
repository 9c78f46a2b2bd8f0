import type { RenditionDto } from './rendition.dto.js';
import type { MediaRendition } from './rendition.entity.js';

/** The rendition object as the API shows it (docs/contracts.md#renditions). */
export function toRenditionDto(rendition: MediaRendition): RenditionDto {
  return {
    id: rendition.id,
    platform: rendition.platform,
    fit: rendition.fit,
    trim: rendition.trim,
    status: rendition.status,
    progress: rendition.progress,
    url: rendition.url,
    contentType: rendition.contentType,
    sizeBytes: rendition.sizeBytes,
    width: rendition.width,
    height: rendition.height,
    ...(rendition.contentType?.startsWith('video/')
      ? { videoDuration: rendition.videoDuration }
      : {}),
    changes: rendition.changes,
    validation: rendition.validation,
    ...(rendition.error === null ? {} : { error: rendition.error }),
    createdAt: rendition.createdAt,
    updatedAt: rendition.updatedAt,
  };
}
