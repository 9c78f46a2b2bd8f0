const MAX_SEGMENT_BYTES = 120;
// Matching control characters is the point here.
// oxlint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/u;
// oxlint-disable-next-line no-control-regex
const CONTROL_CHARACTERS_GLOBAL = /[\u0000-\u001f\u007f-\u009f]/gu;

/** True when a display filename carries control characters, which we refuse outright. */
export function hasControlCharacters(filename: string): boolean {
  return CONTROL_CHARACTERS.test(filename);
}

function truncateUtf8(value: string, maxBytes: number): string {
  let result = '';
  for (const char of value) {
    if (Buffer.byteLength(result + char, 'utf8') > maxBytes) {
      break;
    }
    result += char;
  }
  return result;
}

/**
 * The last path segment of a client filename reduced to letters, digits, `.`, `_` and `-`, at
 * most 120 UTF-8 bytes with its extension kept. Null when nothing usable remains. The client's
 * name never decides where the object lands; this only keeps keys readable.
 */
export function sanitiseFilename(filename: string): string | null {
  const base = filename.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-?\.-?/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (!/[\p{L}\p{N}]/u.test(cleaned)) {
    return null;
  }
  const dot = cleaned.lastIndexOf('.');
  const extension =
    dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  const stem = extension ? cleaned.slice(0, dot) : cleaned;
  return (
    truncateUtf8(
      stem,
      MAX_SEGMENT_BYTES - Buffer.byteLength(extension, 'utf8'),
    ) + extension
  );
}

/** `<workspaceId>/<mediaId>/<sanitised filename>`: server-chosen and unique per item. */
export function buildStorageKey(
  workspaceId: string,
  mediaId: string,
  sanitisedFilename: string,
): string {
  return `${workspaceId}/${mediaId}/${sanitisedFilename}`;
}

/**
 * `<workspaceId>/<mediaId>/-poster.jpg`: beside the video, and never its key, because
 * `sanitiseFilename` strips leading `-`, so no video's own key ends in this segment.
 */
export function buildPosterKey(workspaceId: string, mediaId: string): string {
  return `${workspaceId}/${mediaId}/-poster.jpg`;
}

/** A URL's last path segment, decoded when it is valid percent-encoding, else its host. */
export function lastPathSegment(url: URL): string {
  const segment = url.pathname.split('/').pop() ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    decoded = segment;
  }
  // A name the client did not type (`%00`, `%0A` in a URL) is cleaned rather than refused.
  return decoded.replace(CONTROL_CHARACTERS_GLOBAL, '') || url.hostname;
}
