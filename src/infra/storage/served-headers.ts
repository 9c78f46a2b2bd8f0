/**
 * `Content-Disposition` of a stored file: images and videos open in place, anything else (PDFs,
 * captions) downloads, so no file runs in the origin or CDN domain that serves it. The name is the
 * key's last segment, which the server chose.
 */
export function contentDisposition(key: string, contentType: string): string {
  const filename = key.split('/').pop()!;
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
