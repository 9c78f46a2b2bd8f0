import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  utimes,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { planParts } from './multipart-plan.js';
import { assertValidObjectKey, encodeObjectKeyPath } from './object-key.js';
import {
  assertValidUploadLifetime,
  readUploadLength,
  type PresignMultipartInput,
  type PresignUploadInput,
} from './presign-input.js';
import {
  MultipartPartsRejectedError,
  Storage,
  StorageObjectNotFoundError,
  type AssembledObject,
  type ByteRange,
  type CompleteMultipartInput,
  type PresignedMultipartUpload,
  type PresignedUpload,
  type StagedUpload,
  type StageOptions,
  type StoredObjectInfo,
  type TempFileSweep,
  type UploadStaging,
  type WriteObjectInput,
} from './storage.port.js';
import { UploadRejectedError } from './upload-errors.js';
import {
  formatSignedUploadQuery,
  signUploadTerms,
  type SignedUploadTerms,
} from './upload-signature.js';

export interface LocalStorageDriverOptions {
  /** Absolute directory the objects live under, one file per key at `<rootDir>/<key>`. */
  rootDir: string;
  /** Where the app is reachable, e.g. `http://localhost:3000`; upload and file URLs hang off it. */
  publicBaseUrl: string;
  /** HMAC key for upload URLs; at least 32 characters. */
  signingSecret: string;
}

/** Kept per object under `<rootDir>/.meta/<key>`, mirroring the object tree. */
interface ObjectMetadata {
  contentType: string;
  /** Hex SHA-256 of the bytes, computed while they streamed in; the strong ETag. */
  sha256: string;
  /** Lets a read notice metadata that does not belong to the file beside it (see `readObjectInfo`). */
  sizeBytes: number;
}

/** Bytes streamed into a temp file, not yet at their key: commit or discard them. */
interface StagedObject extends StagedUpload {
  tempPath: string;
}

const TEMP_DIR = '.tmp';
/** Parts of multipart uploads, at `.tmp/multipart/<uploadId>/<partNumber>` until assembled. */
const PARTS_DIR = 'multipart';
const UPLOAD_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WRITE_BATCH_BYTES = 1024 * 1024;
/** What `stage` has written is flushed to disk every this many bytes while the body streams in. */
const SYNC_INTERVAL_BYTES = 16 * 1024 * 1024;
const METADATA_DIR = '.meta';
const MIN_SIGNING_SECRET_LENGTH = 32;
const MISSING_PATH_CODES = new Set(['ENOENT', 'ENOTDIR']);

function errorCode(error: unknown): string | undefined {
  return error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : undefined;
}

function isMissingPath(error: unknown): boolean {
  return MISSING_PATH_CODES.has(errorCode(error) ?? '');
}

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array)
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError('Storage bodies must be byte streams');
}

async function writeFully(file: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset);
    offset += bytesWritten;
  }
}

/** Writes `chunks` (`length` bytes in all) at the file's position: one writev, no copying them together. */
async function writeChunks(
  file: FileHandle,
  chunks: Buffer[],
  length: number,
): Promise<void> {
  const { bytesWritten } = await file.writev(chunks);
  // A short write (a full disk, a signal) is finished, or failed, by plain writes.
  if (bytesWritten < length) {
    await writeFully(
      file,
      Buffer.concat(chunks, length).subarray(bytesWritten),
    );
  }
}

/** Marks a promise that may reject before it is awaited as handled; awaiting it still throws. */
function inBackground<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function assertValidRange(range: ByteRange): void {
  const { start, end } = range;
  if (
    !Number.isSafeInteger(start) ||
    start < 0 ||
    (end !== undefined && (!Number.isSafeInteger(end) || end < start))
  ) {
    throw new RangeError(`Invalid byte range ${start}-${end ?? ''}`);
  }
}

/**
 * Embedded storage on the local filesystem, for single-machine deployments and development.
 *
 * Layout under `rootDir`: the object at `<key>`, its metadata (content type, SHA-256) as JSON at
 * `.meta/<key>`, in-flight bytes in `.tmp/`. Keys cannot start a segment with `.`, so no key can
 * address the metadata or temp trees, and metadata paths mirror object paths so they never collide.
 * Every write lands in `.tmp/` first and is renamed into place only when complete, so a reader
 * never sees a partial object. The metadata is committed before the object, and both under a
 * per-key lock, so within a process `head` always sees a matching pair.
 *
 * ETags are the quoted hex SHA-256 of the bytes: strong validators that survive copies and
 * restores of the directory (unlike size+mtime ones), and free, since every byte streams through
 * here anyway. A process killed mid-upload can leave a file in `.tmp/`; nothing refers to it.
 */
export class LocalStorageDriver extends Storage {
  override readonly uploadStaging: UploadStaging = {
    stage: (body, options) => this.stage(body, options),
    commit: (key, staged: StagedObject, contentType) =>
      this.commitStaged(key, staged, contentType),
    discard: (staged: StagedObject) => this.discardStaged(staged),
    storePart: (uploadId, partNumber, staged: StagedObject) =>
      this.storePart(uploadId, partNumber, staged),
  };

  override readonly tempFiles: TempFileSweep = {
    sweep: (olderThanMs, now) => this.sweepTemp(olderThanMs, now),
  };

  private readonly rootDir: string;
  private readonly tempDir: string;
  private readonly metadataDir: string;
  private readonly publicBaseUrl: string;
  private readonly signingSecret: string;
  private readonly keyLocks = new Map<string, Promise<void>>();

  constructor(options: LocalStorageDriverOptions) {
    super();
    if (options.signingSecret.length < MIN_SIGNING_SECRET_LENGTH) {
      throw new Error(
        `The local storage signing secret must be at least ${MIN_SIGNING_SECRET_LENGTH} characters`,
      );
    }
    this.rootDir = resolve(options.rootDir);
    this.tempDir = join(this.rootDir, TEMP_DIR);
    this.metadataDir = join(this.rootDir, METADATA_DIR);
    this.publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, '');
    this.signingSecret = options.signingSecret;
  }

  async presignUpload(input: PresignUploadInput): Promise<PresignedUpload> {
    assertValidObjectKey(input.key);
    assertValidUploadLifetime(input.expiresInSeconds);
    const terms: SignedUploadTerms = {
      key: input.key,
      contentType: input.contentType,
      length: readUploadLength(input),
      expires: Math.floor(Date.now() / 1000) + input.expiresInSeconds,
      ...(input.sha256 === undefined ? {} : { sha256: input.sha256 }),
    };
    return {
      url: this.signedUploadUrl(terms),
      method: 'PUT',
      headers: { 'Content-Type': input.contentType },
      expiresAt: new Date(terms.expires * 1000),
    };
  }

  /**
   * Part URLs are signed like whole-object ones, with the upload id and part number among the
   * terms, so each part's exact length (its maximum, for a bounded plan) is enforced on receipt.
   */
  async presignMultipartUpload(
    input: PresignMultipartInput,
  ): Promise<PresignedMultipartUpload> {
    assertValidObjectKey(input.key);
    assertValidUploadLifetime(input.expiresInSeconds);
    const uploadId = input.uploadId ?? randomUUID();
    // Created, or touched when re-signed, so the temp sweeper sees the upload as live.
    const dir = this.partsDir(uploadId);
    await mkdir(dir, { recursive: true });
    const touched = new Date();
    await utimes(dir, touched, touched);
    const expires = Math.floor(Date.now() / 1000) + input.expiresInSeconds;
    const parts = planParts(input.length, input.partSizeBytes).map((part) => {
      const terms: SignedUploadTerms = {
        key: input.key,
        contentType: input.contentType,
        length: { kind: input.length.kind, bytes: part.sizeBytes },
        expires,
        part: { uploadId, partNumber: part.partNumber },
      };
      return {
        partNumber: part.partNumber,
        url: this.signedUploadUrl(terms),
        headers: { 'Content-Type': input.contentType },
        sizeBytes: part.sizeBytes,
      };
    });
    return { uploadId, parts, expiresAt: new Date(expires * 1000) };
  }

  private async storePart(
    uploadId: string,
    partNumber: number,
    staged: StagedObject,
  ): Promise<void> {
    await this.renameIntoPlace(
      staged.tempPath,
      join(this.partsDir(uploadId), String(partNumber)),
    );
  }

  /**
   * Streams the listed parts, in order, into one staged file, hashing each part on the way to
   * check it against its ETag: memory stays flat whatever the size, and a mismatch stores nothing.
   */
  async assembleMultipartUpload(
    input: CompleteMultipartInput,
  ): Promise<AssembledObject> {
    assertValidObjectKey(input.key);
    const dir = this.partsDir(input.uploadId);
    const paths: string[] = [];
    for (const [index, part] of input.parts.entries()) {
      const path = join(dir, String(part.partNumber));
      const size = await stat(path).then(
        (stats) => stats.size,
        (error: unknown) => {
          if (isMissingPath(error)) return null;
          throw error;
        },
      );
      if (size === null) {
        throw new MultipartPartsRejectedError(
          `Part ${part.partNumber} has not been uploaded`,
        );
      }
      const last = index === input.parts.length - 1;
      if (last ? size > input.partSizeBytes : size !== input.partSizeBytes) {
        throw new MultipartPartsRejectedError(
          `Part ${part.partNumber} is ${size} bytes; every part but the last must be ${input.partSizeBytes} bytes`,
        );
      }
      paths.push(path);
    }
    async function* concatenated(): AsyncGenerator<Buffer> {
      for (const [index, path] of paths.entries()) {
        const hash = createHash('sha256');
        for await (const chunk of createReadStream(path)) {
          hash.update(chunk as Buffer);
          yield chunk as Buffer;
        }
        const { partNumber, etag } = input.parts[index];
        if (etag.replace(/^"|"$/g, '') !== hash.digest('hex')) {
          throw new MultipartPartsRejectedError(
            `The ETag given for part ${partNumber} is not the uploaded part's`,
          );
        }
      }
    }
    const staged = await this.stage(Readable.from(concatenated()), {
      destroyOnFailure: true,
    });
    return {
      commit: async () => {
        const stored = await this.commitStaged(
          input.key,
          staged,
          input.contentType,
        );
        await rm(dir, { recursive: true, force: true });
        return stored;
      },
      discard: () => this.discardStaged(staged),
    };
  }

  async abortMultipartUpload(key: string, uploadId: string): Promise<void> {
    assertValidObjectKey(key);
    await rm(this.partsDir(uploadId), { recursive: true, force: true });
  }

  /** Free when the metadata written with the object matches it; computed otherwise. */
  async sha256(key: string): Promise<string> {
    const info = await this.head(key);
    if (!info) throw new StorageObjectNotFoundError(key);
    if (info.etag) return info.etag.slice(1, -1);
    const hash = createHash('sha256');
    for await (const chunk of await this.openReadStream(key)) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  }

  /**
   * Removes what crashed or abandoned uploads left in `.tmp/`: staged files, and the parts of
   * multipart uploads, not written to for `olderThanMs`. An upload's parts go together, judged by
   * the newest of them and of their directory, which every URL issuance touches: a live upload
   * (whose URLs live at most an upload window) is spared by any age longer than that window.
   */
  private async sweepTemp(
    olderThanMs: number,
    now = new Date(),
  ): Promise<number> {
    const cutoff = now.getTime() - olderThanMs;
    let removed = 0;
    for (const entry of await this.listDir(this.tempDir)) {
      const path = join(this.tempDir, entry.name);
      if (entry.isDirectory() && entry.name === PARTS_DIR) {
        for (const upload of await this.listDir(path)) {
          const uploadDir = join(path, upload.name);
          if ((await this.lastWrite(uploadDir)) < cutoff) {
            await rm(uploadDir, { recursive: true, force: true });
            removed += 1;
          }
        }
      } else if (entry.isFile() && (await this.lastWrite(path)) < cutoff) {
        await this.unlinkIfPresent(path);
        removed += 1;
      }
    }
    return removed;
  }

  async head(key: string): Promise<StoredObjectInfo | null> {
    const objectPath = this.objectPath(key);
    return this.withKeyLock(key, () => this.readObjectInfo(key, objectPath));
  }

  async openReadStream(key: string, range?: ByteRange): Promise<Readable> {
    const objectPath = this.objectPath(key);
    if (range) assertValidRange(range);
    let file: FileHandle;
    try {
      file = await open(objectPath, 'r');
    } catch (error) {
      if (isMissingPath(error)) throw new StorageObjectNotFoundError(key);
      throw error;
    }
    try {
      if (!(await file.stat()).isFile())
        throw new StorageObjectNotFoundError(key);
    } catch (error) {
      await file.close();
      throw error;
    }
    // Reading through the open handle keeps serving the bytes even if the key is replaced meanwhile.
    return file.createReadStream({ start: range?.start, end: range?.end });
  }

  async write(input: WriteObjectInput): Promise<StoredObjectInfo> {
    this.objectPath(input.key);
    const staged = await this.stage(input.body, { destroyOnFailure: true });
    return this.commitStaged(input.key, staged, input.contentType);
  }

  private async discardStaged(staged: StagedObject): Promise<void> {
    await this.unlinkIfPresent(staged.tempPath);
  }

  async delete(key: string): Promise<void> {
    const objectPath = this.objectPath(key);
    const metadataPath = this.metadataPath(key);
    await this.withKeyLock(key, async () => {
      await this.unlinkIfPresent(objectPath);
      await this.unlinkIfPresent(metadataPath);
      await this.removeEmptyParents(objectPath, this.rootDir);
      await this.removeEmptyParents(metadataPath, this.metadataDir);
    });
  }

  publicUrl(key: string): string {
    assertValidObjectKey(key);
    return `${this.publicBaseUrl}/files/${encodeObjectKeyPath(key)}`;
  }

  async probeLocation(key: string): Promise<string> {
    return this.objectPath(key);
  }

  /** Objects are plain files, so sharp and ffmpeg can read them where they lie. */
  override localFile(key: string): string {
    return this.objectPath(key);
  }

  /** From the metadata written with the object, while it still matches the file beside it. */
  override async recordedSha256(key: string): Promise<string | null> {
    const info = await this.head(key);
    return info?.etag ? info.etag.slice(1, -1) : null;
  }

  async checkHealth(): Promise<void> {
    await mkdir(this.tempDir, { recursive: true });
    const probePath = join(this.tempDir, `health-${randomUUID()}`);
    await writeFile(probePath, 'ok');
    await unlink(probePath);
  }

  private signedUploadUrl(terms: SignedUploadTerms): string {
    const query = formatSignedUploadQuery(
      terms,
      signUploadTerms(this.signingSecret, terms),
    );
    return `${this.publicBaseUrl}/uploads/${encodeObjectKeyPath(terms.key)}?${query}`;
  }

  /** Upload ids are ours (UUIDs), checked before they become a path. */
  private partsDir(uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId)) {
      throw new RangeError(`Invalid multipart upload id ${uploadId}`);
    }
    return join(this.tempDir, PARTS_DIR, uploadId);
  }

  private objectPath(key: string): string {
    return this.pathUnder(this.rootDir, key);
  }

  private metadataPath(key: string): string {
    return this.pathUnder(this.metadataDir, key);
  }

  private pathUnder(base: string, key: string): string {
    assertValidObjectKey(key);
    const path = resolve(base, key);
    // Key validation already rules out escapes; this guards against a future change to it.
    if (!path.startsWith(base + sep)) {
      throw new Error(
        `Storage key ${JSON.stringify(key)} resolves outside ${base}`,
      );
    }
    return path;
  }

  /**
   * Streams `body` into a fresh temp file, hashing and counting as it goes. With `maxBytes`, the
   * first chunk past the limit stops the copy with `body_too_large`. On any failure the temp file
   * is removed; the body is destroyed only if `destroyOnFailure` (an HTTP request body must stay
   * usable so the caller can still answer). Nothing is visible under any key until `commitStaged`.
   */
  private async stage(
    body: Readable,
    options: StageOptions,
  ): Promise<StagedObject> {
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = join(this.tempDir, randomUUID());
    const file = await open(tempPath, 'wx');
    const hash = createHash('sha256');
    let sizeBytes = 0;
    // Chunks are gathered into batches of about 1 MB, and each batch is written while the next is
    // read and hashed: one write in flight at a time, so memory stays at two batches. Every 16 MB
    // what has been written is flushed to disk (fdatasync) while the body keeps streaming in, so
    // the fsync before the answer waits for the last few MB, not for the disk to take the whole
    // body: with 400 MB one fsync at the end held a PUT to half the rate of a plain copy.
    let batch: Buffer[] = [];
    let batchBytes = 0;
    let unsyncedBytes = 0;
    let writing: Promise<void> = Promise.resolve();
    let syncing: Promise<void> | undefined;
    const flush = async () => {
      await writing;
      writing = inBackground(writeChunks(file, batch, batchBytes));
      unsyncedBytes += batchBytes;
      batch = [];
      batchBytes = 0;
      if (unsyncedBytes >= SYNC_INTERVAL_BYTES && !syncing) {
        unsyncedBytes = 0;
        syncing = inBackground(
          writing
            .then(() => file.datasync())
            .then(() => {
              syncing = undefined;
            }),
        );
      }
    };
    try {
      try {
        for await (const chunk of body.iterator({
          destroyOnReturn: options.destroyOnFailure,
        })) {
          const bytes = asBuffer(chunk);
          sizeBytes += bytes.length;
          if (options.maxBytes !== undefined && sizeBytes > options.maxBytes) {
            throw new UploadRejectedError(
              'body_too_large',
              `The body is longer than the signed ${options.maxBytes} bytes`,
            );
          }
          hash.update(bytes);
          batch.push(bytes);
          batchBytes += bytes.length;
          if (batchBytes >= WRITE_BATCH_BYTES) {
            await flush();
          }
        }
        await flush();
        await writing;
        await syncing;
        await file.sync();
      } finally {
        await writing.catch(() => undefined);
        await syncing?.catch(() => undefined);
        await file.close();
      }
    } catch (error) {
      await unlink(tempPath);
      throw error;
    }
    return { tempPath, sizeBytes, sha256: hash.digest('hex') };
  }

  /** Moves staged bytes to `key` (replacing what is there) with their metadata, atomically for readers. */
  private async commitStaged(
    key: string,
    received: StagedObject,
    contentType: string,
  ): Promise<StoredObjectInfo> {
    const objectPath = this.objectPath(key);
    const metadata: ObjectMetadata = {
      contentType,
      sha256: received.sha256,
      sizeBytes: received.sizeBytes,
    };
    const metadataTempPath = join(this.tempDir, `${randomUUID()}.json`);
    const metadataPath = this.metadataPath(key);
    let committed = false;
    try {
      await writeFile(metadataTempPath, JSON.stringify(metadata), {
        flag: 'wx',
      });
      const info = await this.withKeyLock(key, async () => {
        await this.renameIntoPlace(metadataTempPath, metadataPath);
        try {
          await this.renameIntoPlace(received.tempPath, objectPath);
        } catch (error) {
          // Metadata describing bytes that never landed must not be paired with whatever is there.
          await this.unlinkIfPresent(metadataPath);
          throw error;
        }
        const stats = await stat(objectPath);
        // Another process may have written the key since our rename: then report what is there.
        if (stats.size !== received.sizeBytes) {
          return this.readObjectInfo(key, objectPath);
        }
        return {
          key,
          sizeBytes: stats.size,
          contentType,
          etag: `"${received.sha256}"`,
          lastModified: stats.mtime,
        };
      });
      if (!info) throw new StorageObjectNotFoundError(key);
      committed = true;
      return info;
    } finally {
      if (!committed) {
        await this.unlinkIfPresent(metadataTempPath);
        await this.unlinkIfPresent(received.tempPath);
      }
    }
  }

  /**
   * Stat plus metadata. Metadata whose recorded size differs from the file's (left by a crash
   * between the two renames, or by another process writing the same key) is not trusted: the
   * object is then reported without content type or ETag rather than with wrong ones.
   */
  private async readObjectInfo(
    key: string,
    objectPath: string,
  ): Promise<StoredObjectInfo | null> {
    let stats;
    try {
      stats = await stat(objectPath);
    } catch (error) {
      if (isMissingPath(error)) return null;
      throw error;
    }
    if (!stats.isFile()) return null;
    const metadata = await this.readMetadata(key);
    const matching = metadata?.sizeBytes === stats.size ? metadata : null;
    return {
      key,
      sizeBytes: stats.size,
      contentType: matching?.contentType ?? null,
      etag: matching ? `"${matching.sha256}"` : null,
      lastModified: stats.mtime,
    };
  }

  private async readMetadata(key: string): Promise<ObjectMetadata | null> {
    let text: string;
    try {
      text = await readFile(this.metadataPath(key), 'utf8');
    } catch (error) {
      if (isMissingPath(error)) return null;
      throw error;
    }
    const parsed: unknown = JSON.parse(text);
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      !('contentType' in parsed && typeof parsed.contentType === 'string') ||
      !('sha256' in parsed && typeof parsed.sha256 === 'string') ||
      !('sizeBytes' in parsed && typeof parsed.sizeBytes === 'number')
    ) {
      throw new Error(`Corrupt storage metadata for key ${key}`);
    }
    return {
      contentType: parsed.contentType,
      sha256: parsed.sha256,
      sizeBytes: parsed.sizeBytes,
    };
  }

  /** A concurrent delete may prune the parent directory between mkdir and rename; one retry covers it. */
  private async renameIntoPlace(from: string, to: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await mkdir(dirname(to), { recursive: true });
      try {
        await rename(from, to);
        return;
      } catch (error) {
        if (errorCode(error) !== 'ENOENT' || attempt >= 2) throw error;
      }
    }
  }

  private async unlinkIfPresent(path: string): Promise<void> {
    try {
      await unlink(path);
    } catch (error) {
      if (!isMissingPath(error)) throw error;
    }
  }

  private async listDir(dir: string): Promise<Dirent[]> {
    try {
      return await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissingPath(error)) return [];
      throw error;
    }
  }

  /** A file's mtime, or the newest of a directory's and its entries'; Infinity once it is gone. */
  private async lastWrite(path: string): Promise<number> {
    let stats;
    try {
      stats = await stat(path);
    } catch (error) {
      if (isMissingPath(error)) return Infinity;
      throw error;
    }
    let newest = stats.mtimeMs;
    if (stats.isDirectory()) {
      for (const entry of await this.listDir(path)) {
        newest = Math.max(newest, await this.lastWrite(join(path, entry.name)));
      }
    }
    return newest;
  }

  /** Each media item gets its own directory; prune it when its object goes so the tree does not fill with empties. */
  private async removeEmptyParents(
    path: string,
    stopAt: string,
  ): Promise<void> {
    for (
      let dir = dirname(path);
      dir.startsWith(stopAt + sep);
      dir = dirname(dir)
    ) {
      try {
        await rmdir(dir);
      } catch (error) {
        if (['ENOTEMPTY', 'EEXIST', 'ENOENT'].includes(errorCode(error) ?? ''))
          return;
        throw error;
      }
    }
  }

  /** Serialises metadata+object commits, deletes and reads of one key within this process. */
  private async withKeyLock<T>(
    key: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const previous = this.keyLocks.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.keyLocks.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.keyLocks.get(key) === tail) this.keyLocks.delete(key);
    }
  }
}
