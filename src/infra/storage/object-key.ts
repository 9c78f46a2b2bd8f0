import { InvalidStorageKeyError } from './storage.port.js';

/** S3's own limit; applied to both drivers so they accept exactly the same keys. */
const MAX_KEY_BYTES = 1024;
/** NAME_MAX on the filesystems the local driver runs on. */
const MAX_SEGMENT_BYTES = 255;
/** Unicode category Cc: C0 controls (NUL included), DEL and C1 controls. */
const CONTROL_CHARACTERS = /\p{Cc}/u;

/**
 * Refuses keys that could escape the local storage root or reach its reserved entries, so both
 * drivers accept the same keys: `/`-separated non-empty segments, no backslash, no control
 * characters, and no segment starting with `.` (which rules out `.`/`..` and keeps the local
 * driver's `.tmp/` and `.meta/` trees unreachable by any key).
 */
export function assertValidObjectKey(key: string): void {
  const reject = (why: string): never => {
    throw new InvalidStorageKeyError(key, why);
  };
  if (key.length === 0) reject('it is empty');
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES)
    reject(`it is longer than ${MAX_KEY_BYTES} bytes`);
  if (CONTROL_CHARACTERS.test(key)) reject('it contains control characters');
  if (key.includes('\\')) reject('it contains a backslash');
  for (const segment of key.split('/')) {
    if (segment.length === 0)
      reject(
        'it has an empty path segment (leading, trailing or double slash)',
      );
    if (segment.startsWith('.')) reject('a path segment starts with "."');
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) {
      reject(`a path segment is longer than ${MAX_SEGMENT_BYTES} bytes`);
    }
  }
}

/** True for keys `assertValidObjectKey` accepts; others (NUL bytes, `..`, …) are never looked up. */
export function isValidObjectKey(key: string): boolean {
  try {
    assertValidObjectKey(key);
    return true;
  } catch {
    return false;
  }
}

/** The key as a URL path: each segment percent-encoded, the separators kept. */
export function encodeObjectKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
