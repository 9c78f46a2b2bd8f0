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

/** Bytes staged by an `UploadStaging`, not yet at any key; only that staging can use them. */
export interface StagedUpload {
  readonly sizeBytes: number;
  /** Hex SHA-256 of the bytes. */
  readonly sha256: string;
}

export interface StageOptions {
  /** The first chunk past this many bytes stops the copy with `body_too_large`. */
  maxBytes?: number;
  /**
   * Destroy the body when staging fails. An HTTP request body must stay usable so the caller can
   * still answer, so upload receivers pass false.
   */
  destroyOnFailure: boolean;
}

/**
 * Where storage that receives uploads itself (rather than through a bucket's own URLs) keeps the
 * bytes of a PUT until the caller has decided whether they may land. Pass `commit`, `discard` and
 * `storePart` only what this staging's `stage` returned.
 */
export interface UploadStaging {
  /** Streams `body` into storage, hashing and counting it; nothing is visible under any key yet. */
  stage(body: Readable, options: StageOptions): Promise<StagedUpload>;
  /** Moves the staged bytes to `key`, replacing what is there, atomically for readers. */
  commit(
    key: string,
    staged: StagedUpload,
    contentType: string,
  ): Promise<StoredObjectInfo>;
  /** Removes staged bytes that will not be committed; a no-op once committed or removed. */
  discard(staged: StagedUpload): Promise<void>;
  /** Keeps the staged bytes as one part of a multipart upload; a part sent again replaces it. */
  storePart(
    uploadId: string,
    partNumber: number,
    staged: StagedUpload,
  ): Promise<void>;
}

/** Removes what crashed or abandoned uploads left behind in storage's temporary files. */
export interface TempFileSweep {
  /** Removes what nothing has written to for `olderThanMs` before `now`; resolves to how many it removed. */
  sweep(olderThanMs: number, now?: Date): Promise<number>;
}

/**
 * The object-storage port. The abstract class is the DI token; `local` and `s3` drivers implement it.
 * Keys are always chosen by the server (`<workspaceId>/<mediaId>/<sanitised filename>`).
 *
 * Besides the operations every driver has, a driver may offer capabilities that callers use when
 * present and work around when not: reading objects in place (`localFile`), a checksum recorded at
 * write time (`recordedSha256`), receiving uploads itself (`uploadStaging`) and temporary files that
 * need sweeping (`tempFiles`). The port's defaults offer none of them.
 */
export abstract class Storage {
  /** Present when this storage receives uploads itself, through upload URLs the app answers. */
  readonly uploadStaging: UploadStaging | null = null;

  /** Present when this storage leaves temporary files that a periodic sweep must remove. */
  readonly tempFiles: TempFileSweep | null = null;

  /**
   * Where the bytes a client uploads for `key` (through `presignUpload` or a multipart plan) are
   * kept until processing publishes them: `key` itself when this storage receives uploads and
   * refuses them once an item has its bytes (the local driver), a private key beside it when the
   * client writes to the bucket directly (S3), so no client can ever write the object that is
   * served. Presign, multipart and abort calls take the item's `key` and act on this one.
   */
  uploadAreaKey(key: string): string {
    return key;
  }

  /** Facts of the client's upload for `key` (in its upload area), or null when none has arrived. */
  headUpload(key: string): Promise<StoredObjectInfo | null> {
    return this.head(this.uploadAreaKey(key));
  }

  /** The item key whose upload area `objectKey` is (storage event notifications), or null. */
  keyOfUploadArea(objectKey: string): string | null {
    return objectKey;
  }

  /**
   * Makes the bytes at `from` the object served at `to`, with the headers of `contentType`, then
   * removes `from`. Drivers that can copy inside storage override this streamed copy.
   */
  async publish(
    from: string,
    to: string,
    contentType: string,
  ): Promise<StoredObjectInfo> {
    const stored = await this.write({
      key: to,
      body: await this.openReadStream(from),
      contentType,
    });
    await this.delete(from);
    return stored;
  }

  /** Removes the object at `key` and any upload for it not yet published; succeeds when none is there. */
  async purge(key: string): Promise<void> {
    await this.delete(key);
    const area = this.uploadAreaKey(key);
    if (area !== key) {
      await this.delete(area);
    }
  }

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

  /**
   * A filesystem path where the object can be read in place (by sharp or ffmpeg), or null when the
   * caller must copy the object somewhere first.
   */
  localFile(_key: string): string | null {
    return null;
  }

  /**
   * The hex SHA-256 storage recorded when the object was written, sparing a read of all its bytes;
   * null when storage keeps no such record for it.
   */
  async recordedSha256(_key: string): Promise<string | null> {
    return null;
  }
}
