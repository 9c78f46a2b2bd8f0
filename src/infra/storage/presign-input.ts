import type { PresignUploadInput } from './storage.port.js';

/** Exactly `bytes`, or anything from 0 to `bytes`. */
export type UploadLength =
  { kind: 'exact'; bytes: number } | { kind: 'max'; bytes: number };

/** SigV4 query signatures cannot outlive 7 days; the local driver keeps the same bound. */
export const MAX_UPLOAD_URL_SECONDS = 7 * 24 * 60 * 60;

/** The length constraint of a presign request, refusing negative, fractional or unsafe sizes. */
export function readUploadLength(input: PresignUploadInput): UploadLength {
  const length: UploadLength =
    input.maxContentLength === undefined
      ? { kind: 'exact', bytes: input.contentLength }
      : { kind: 'max', bytes: input.maxContentLength };
  if (!Number.isSafeInteger(length.bytes) || length.bytes < 0) {
    throw new RangeError(`Invalid upload length ${length.bytes}`);
  }
  return length;
}

export function assertValidUploadLifetime(expiresInSeconds: number): void {
  if (
    !Number.isInteger(expiresInSeconds) ||
    expiresInSeconds < 1 ||
    expiresInSeconds > MAX_UPLOAD_URL_SECONDS
  ) {
    throw new RangeError(
      `Upload URLs live between 1 s and ${MAX_UPLOAD_URL_SECONDS} s; got ${expiresInSeconds}`,
    );
  }
}
