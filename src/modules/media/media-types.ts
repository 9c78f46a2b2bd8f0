import { mediaTypeEssence } from '../../lib/media-type.js';

/**
 * The supported types (docs/contracts.md#supported-types): what may be uploaded, by category, and
 * how large.
 */
export const MEDIA_CATEGORIES = [
  'image',
  'video',
  'document',
  'caption',
] as const;
export type MediaCategory = (typeof MEDIA_CATEGORIES)[number];

const MB = 1024 * 1024;
const GB = 1024 * MB;

export const MEDIA_TYPES = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  // Normalised to JPEG like PNG and WebP; HEIC is what iPhones take photos in.
  'image/heic': 'image',
  'image/heif': 'image',
  'image/avif': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/x-msvideo': 'video',
  'video/webm': 'video',
  'application/pdf': 'document',
  'application/x-subrip': 'caption',
  'text/vtt': 'caption',
  'text/plain': 'caption',
} as const satisfies Record<string, MediaCategory>;

export type SupportedContentType = keyof typeof MEDIA_TYPES;
export const SUPPORTED_CONTENT_TYPES = Object.keys(
  MEDIA_TYPES,
) as SupportedContentType[];

export const CATEGORY_MAX_BYTES: Record<MediaCategory, number> = {
  image: 20 * MB,
  video: 500 * MB,
  document: 100 * MB,
  caption: 5 * MB,
};

/** bulk-video-upload-urls allows larger files, and caps the batch. */
export const BULK_VIDEO_MAX_BYTES = 10 * GB;
export const BULK_VIDEO_BATCH_MAX_BYTES = 20 * GB;

/** Accepted by bulk-presign; `video/avi` is the non-standard alias some clients send for AVI. */
export const BULK_PRESIGN_CONTENT_TYPES = [
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-msvideo',
  'video/avi',
] as const;
export const BULK_VIDEO_CONTENT_TYPES = [
  'video/mp4',
  'video/quicktime',
] as const;

const ALIASES: Record<string, SupportedContentType> = {
  'video/avi': 'video/x-msvideo',
};

/** The canonical supported type for a declared type, or undefined when unsupported. */
export function canonicalContentType(
  contentType: string,
): SupportedContentType | undefined {
  const bare = mediaTypeEssence(contentType) ?? '';
  if (bare in MEDIA_TYPES) {
    return bare as SupportedContentType;
  }
  return ALIASES[bare];
}

export function categoryOf(contentType: string): MediaCategory | undefined {
  const canonical = canonicalContentType(contentType);
  return canonical ? MEDIA_TYPES[canonical] : undefined;
}
