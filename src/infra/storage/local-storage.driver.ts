import { createHash, randomUUID } from 'node:crypto';
import {
  mkdir,
  open,
  readFile,
  rename,
  rmdir,
  stat,
  unlink,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { assertValidObjectKey, encodeObjectKeyPath } from './object-key.js';
import {
  assertValidUploadLifetime,
  readUploadLength,
} from './presign-input.js';
import {
  Storage,
  StorageObjectNotFoundError,
  type ByteRange,
  type PresignedUpload,
  type PresignUploadInput,
  type StoredObjectInfo,
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
export interface StagedObject {
  tempPath: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

const TEMP_DIR = '.tmp';
const WRITE_BATCH_BYTES = 1024 * 1024;
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
  readonly driver = 'local' as const;

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
    };
    const query = formatSignedUploadQuery(
      terms,
      signUploadTerms(this.signingSecret, terms),
    );
    return {
      url: `${this.publicBaseUrl}/uploads/${encodeObjectKeyPath(input.key)}?${query}`,
      method: 'PUT',
      headers: { 'Content-Type': input.contentType },
      expiresAt: new Date(terms.expires * 1000),
    };
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

  /** Removes staged bytes that will not be committed; a no-op once committed or removed. */
  async discardStaged(staged: StagedObject): Promise<void> {
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

  async checkHealth(): Promise<void> {
    await mkdir(this.tempDir, { recursive: true });
    const probePath = join(this.tempDir, `health-${randomUUID()}`);
    await writeFile(probePath, 'ok');
    await unlink(probePath);
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
  async stage(
    body: Readable,
    options: { maxBytes?: number; destroyOnFailure: boolean },
  ): Promise<StagedObject> {
    await mkdir(this.tempDir, { recursive: true });
    const tempPath = join(this.tempDir, randomUUID());
    const file = await open(tempPath, 'wx');
    const hash = createHash('sha256');
    let sizeBytes = 0;
    // Chunks are gathered into batches of about 1 MB, and each batch is written while the next is
    // read and hashed: one write in flight at a time, so memory stays at two batches.
    let batch: Buffer[] = [];
    let batchBytes = 0;
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      await writing;
      const bytes = Buffer.concat(batch, batchBytes);
      batch = [];
      batchBytes = 0;
      writing = writeFully(file, bytes);
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
        await file.sync();
      } finally {
        await writing.catch(() => undefined);
        await file.close();
      }
    } catch (error) {
      await unlink(tempPath);
      throw error;
    }
    return { tempPath, sizeBytes, sha256: hash.digest('hex') };
  }

  /** Moves staged bytes to `key` (replacing what is there) with their metadata, atomically for readers. */
  async commitStaged(
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
    try {
      await writeFile(metadataTempPath, JSON.stringify(metadata), {
        flag: 'wx',
      });
      return await this.withKeyLock(key, async () => {
        await this.renameIntoPlace(metadataTempPath, metadataPath);
        try {
          await this.renameIntoPlace(received.tempPath, objectPath);
        } catch (error) {
          // Metadata describing bytes that never landed must not be paired with whatever is there.
          await this.unlinkIfPresent(metadataPath);
          throw error;
        }
        const info = await this.readObjectInfo(key, objectPath);
        if (!info) throw new StorageObjectNotFoundError(key);
        return info;
      });
    } finally {
      await this.unlinkIfPresent(metadataTempPath);
      await this.unlinkIfPresent(received.tempPath);
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
