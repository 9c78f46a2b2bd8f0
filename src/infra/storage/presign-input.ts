/** Exactly `bytes`, or anything from 0 to `bytes`. */
export type UploadLength =
  { kind: 'exact'; bytes: number } | { kind: 'max'; bytes: number };

interface PresignUploadBase {
  key: string;
  contentType: string;
  expiresInSeconds: number;
  /** Hex SHA-256 the client declared; storage refuses other bytes where it can. */
  sha256?: string;
}

/** The URL accepts exactly `contentLength` bytes; both drivers enforce it. */
export interface ExactLengthUploadInput extends PresignUploadBase {
  contentLength: number;
  maxContentLength?: never;
}

/**
 * The URL accepts any length up to `maxContentLength` bytes, for clients that only declared an
 * approximate size. The local driver enforces the bound; a presigned S3 PUT cannot express one
 * (only POST policies can), so with S3 the stored size must be checked after the upload.
 */
export interface BoundedLengthUploadInput extends PresignUploadBase {
  maxContentLength: number;
  contentLength?: never;
}

export type PresignUploadInput =
  ExactLengthUploadInput | BoundedLengthUploadInput;

export interface PresignMultipartInput {
  key: string;
  contentType: string;
  expiresInSeconds: number;
  /** Total length, exact or a maximum; see `planParts`. */
  length: UploadLength;
  partSizeBytes: number;
  /** Re-signs the parts of an upload already started (refresh); a new one is started without it. */
  uploadId?: string;
}

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
