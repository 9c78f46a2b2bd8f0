import { mediaTypeEssence } from '../../lib/media-type.js';

/** The extensions each served type is known by; the first is the one a renamed file gets. */
const EXTENSIONS_BY_TYPE: Record<string, readonly string[]> = {
  'image/jpeg': ['.jpg', '.jpeg', '.jpe', '.jfif'],
  'image/png': ['.png'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'image/heic': ['.heic'],
  'image/heif': ['.heif'],
  'image/avif': ['.avif'],
  'video/mp4': ['.mp4', '.m4v'],
  'video/quicktime': ['.mov', '.qt'],
  'video/x-msvideo': ['.avi'],
  'video/webm': ['.webm'],
  'application/pdf': ['.pdf'],
  'application/x-subrip': ['.srt'],
  'text/vtt': ['.vtt'],
  // Captions arrive as plain text as often as under their own types.
  'text/plain': ['.txt', '.srt', '.vtt'],
};

const MEDIA_EXTENSIONS = new Set(Object.values(EXTENSIONS_BY_TYPE).flat());

/**
 * The name a file is served under: `name` with an extension that matches `contentType`. Images are
 * normalised to JPEG after upload (`banner.png` is stored as a JPEG, and so is every rendered
 * template), and a saved file whose extension says PNG opens as PNG, or not at all. A media
 * extension of another type is replaced; anything else after a dot (`v1.2`) is part of the name,
 * and the type's extension is appended. Names of types not listed here are left alone.
 */
export function servedFilename(name: string, contentType: string): string {
  const extensions = EXTENSIONS_BY_TYPE[mediaTypeEssence(contentType) ?? ''];
  if (!extensions) {
    return name;
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (extensions.includes(extension)) {
    return name;
  }
  const stem = MEDIA_EXTENSIONS.has(extension) ? name.slice(0, dot) : name;
  return `${stem}${extensions[0]}`;
}

/**
 * `Content-Disposition` of a stored file: images and videos open in place, anything else (PDFs,
 * captions) downloads, so no file runs in the origin or CDN domain that serves it. The name is the
 * key's last segment, which the server chose, with the extension of the type it is served as.
 */
export function contentDisposition(key: string, contentType: string): string {
  const filename = servedFilename(key.split('/').pop()!, contentType);
  const inline =
    contentType.startsWith('image/') || contentType.startsWith('video/');
  return `${inline ? 'inline' : 'attachment'}; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * `Cache-Control` of a stored file: shared caches may keep it `maxAgeSeconds`, and not `immutable`,
 * since an item can be deleted (a deployment purges its CDN on DELETE, see the README).
 */
export function fileCacheControl(maxAgeSeconds: number): string {
  return `public, max-age=${maxAgeSeconds}`;
}
