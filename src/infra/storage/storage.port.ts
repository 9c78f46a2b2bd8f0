import type { Readable } from 'node:stream';
import type {
  PresignMultipartInput,
  PresignUploadInput,
} from './presign-input.js';

/** A presigned (or, for the local driver, HMAC-signed) URL the client PUTs the bytes to. */
export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the client must send with the PUT, exactly as given. */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface StoredObjectInfo {
  key: string;
  sizeBytes: number;
  contentType: string | null;
  etag: string | null;
  lastModified: Date | null;
}

/** Inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end?: number;
}

/** One part of a multipart plan: PUT exactly `sizeBytes` (at most, for a bounded plan's parts). */
export interface PresignedUploadPart {
  partNumber: number;
  url: string;
  headers: Record<string, string>;
  sizeBytes: number;
}

export interface PresignedMultipartUpload {
  uploadId: string;
  parts: PresignedUploadPart[];
  expiresAt: Date;
}

export interface CompleteMultipartInput {
  key: string;
  uploadId: string;
  contentType: string;
  partSizeBytes: number;
  /** Ascending part numbers from 1, with the ETags the part PUTs answered. */
  parts: Array<{ partNumber: number; etag: string }>;
}

/** An assembled multipart object not yet visible at its key: `commit` it or `discard` it. */
export interface AssembledObject {
  commit(): Promise<StoredObjectInfo>;
  discard(): Promise<void>;
}

/** The listed parts do not match what storage holds for the upload; nothing was stored. */
export class MultipartPartsRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MultipartPartsRejectedError';
  }
}

export interface WriteObjectInput {
  key: string;
  body: Readable;
  contentType: string;
}

/** Thrown by storage drivers when a key does not exist. */
export class StorageObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object at key ${key}`);
    this.name = 'StorageObjectNotFoundError';
  }
}

/** Thrown by storage drivers for a key that is not a safe, well-formed object key. */
export class InvalidStorageKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid storage key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidStorageKeyError';
  }
}

/**
 * The object-storage port. The abstract class is the DI token; `local` and `s3` drivers implement it.
 * Keys are always chosen by the server (`<workspaceId>/<mediaId>/<sanitised filename>`).
 */
export abstract class Storage {
  abstract readonly driver: 'local' | 's3';

  /** A short-lived URL that accepts one PUT of `contentType` with the given (or bounded) byte length. */
  abstract presignUpload(input: PresignUploadInput): Promise<PresignedUpload>;

  /** Starts (or, with `uploadId`, re-signs) a multipart upload: one signed URL per part. */
  abstract presignMultipartUpload(
    input: PresignMultipartInput,
  ): Promise<PresignedMultipartUpload>;

  /**
   * Checks the listed parts against the stored ones and assembles them. Throws
   * MultipartPartsRejectedError when they do not match (at once, or from `commit` with S3, where
   * the bucket checks them); the upload stays open for a corrected attempt either way.
   */
  abstract assembleMultipartUpload(
    input: CompleteMultipartInput,
  ): Promise<AssembledObject>;

  /** Drops an unfinished multipart upload and its parts; succeeds when it is already gone. */
  abstract abortMultipartUpload(key: string, uploadId: string): Promise<void>;

  /** Hex SHA-256 of the stored object. Throws StorageObjectNotFoundError. */
  abstract sha256(key: string): Promise<string>;

  /** Object facts, or null when nothing is stored at the key. */
  abstract head(key: string): Promise<StoredObjectInfo | null>;

  /** Streams the object (or a range of it). Throws StorageObjectNotFoundError. */
  abstract openReadStream(key: string, range?: ByteRange): Promise<Readable>;

  /** Streams a body to the key, replacing any existing object; memory stays flat whatever the size. */
  abstract write(input: WriteObjectInput): Promise<StoredObjectInfo>;

  /** Removes the object; succeeds when nothing is there. */
  abstract delete(key: string): Promise<void>;

  /** The stable public URL social platforms fetch the object from. */
  abstract publicUrl(key: string): string;

  /**
   * A location ffprobe can read without us downloading the object: a file path for the local
   * driver, a short-lived presigned GET URL for S3.
   */
  abstract probeLocation(key: string): Promise<string>;

  /** Throws when storage is not usable (readiness check). */
  abstract checkHealth(): Promise<void>;
}
