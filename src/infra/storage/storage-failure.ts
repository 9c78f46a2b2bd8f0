/**
 * Errors of our own storage, not of the client: the disk or quota is full, the device fails, the
 * file system went read-only. Such a failure is answered 507 `insufficient_storage`, never blamed
 * on the upload.
 */
export const STORAGE_FAILURE_CODES: ReadonlySet<string> = new Set([
  'ENOSPC',
  'EDQUOT',
  'EIO',
  'EROFS',
]);

/** How deep `cause` chains are followed (wrapping errors keep the system error as their cause). */
const MAX_CAUSE_DEPTH = 8;

/** The errno code when `error`, or an error it wraps, is a failure of our own storage. */
export function storageFailureCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
    if (typeof current !== 'object' || current === null) return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && STORAGE_FAILURE_CODES.has(code)) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
