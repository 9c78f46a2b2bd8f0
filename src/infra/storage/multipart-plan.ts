import type { UploadLength } from './presign-input.js';

/** S3's limits: at most 10,000 parts, and a single PUT of at most 5 GiB. */
export const MAX_MULTIPART_PARTS = 10_000;
export const MAX_SINGLE_PUT_BYTES = 5 * 1024 * 1024 * 1024;

export interface PartPlan {
  partNumber: number;
  /** Exact length of the part, or its maximum for a bounded upload. */
  sizeBytes: number;
}

/**
 * The part size for a file of `totalBytes`: the configured minimum, grown just enough that the file
 * fits in 10,000 parts (a 10 GB file with 8 MiB parts would need 1,193).
 */
export function partSizeFor(totalBytes: number, minPartBytes: number): number {
  return Math.max(minPartBytes, Math.ceil(totalBytes / MAX_MULTIPART_PARTS));
}

/**
 * Every part is `partSizeBytes` long except the last, which holds the remainder. For a bounded
 * length the plan covers the maximum, and a client whose file is shorter completes with fewer
 * parts or a shorter last one.
 */
export function planParts(
  length: UploadLength,
  partSizeBytes: number,
): PartPlan[] {
  const count = Math.max(1, Math.ceil(length.bytes / partSizeBytes));
  return Array.from({ length: count }, (_, index) => ({
    partNumber: index + 1,
    sizeBytes:
      index === count - 1
        ? length.bytes - partSizeBytes * index
        : partSizeBytes,
  }));
}
