import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  StorageObjectNotFoundError,
  type ByteRange,
  type StoredObjectInfo,
} from '../storage.port.js';
import {
  isMissingPath,
  removeEmptyParents,
  renameIntoPlace,
  unlinkIfPresent,
} from './files.js';
import { KeyLocks } from './key-locks.js';
import { pathUnder } from './layout.js';
import type { SidecarStore } from './sidecar-store.js';
import type { StagedFile } from './staging-area.js';

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
 * Objects as plain files, one per key under `root`, each with its metadata in the sidecar store.
 * The metadata is committed before the object, and both under the key's lock, so within a process
 * `info` always sees a matching pair.
 */
export class ObjectStore {
  private readonly locks = new KeyLocks();

  constructor(
    private readonly root: string,
    private readonly sidecars: SidecarStore,
  ) {}

  /** Where the object for `key` is (or would be); refuses invalid keys. */
  path(key: string): string {
    return pathUnder(this.root, key);
  }

  async info(key: string): Promise<StoredObjectInfo | null> {
    const objectPath = this.path(key);
    return this.locks.run(key, () => this.readInfo(key, objectPath));
  }

  async openRead(key: string, range?: ByteRange): Promise<Readable> {
    const objectPath = this.path(key);
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

  /** Moves staged bytes to `key` (replacing what is there) with their metadata, atomically for readers. */
  async commit(
    key: string,
    staged: StagedFile,
    contentType: string,
  ): Promise<StoredObjectInfo> {
    const objectPath = this.path(key);
    let metadataTempPath: string;
    try {
      metadataTempPath = await this.sidecars.prepare({
        contentType,
        sha256: staged.sha256,
        sizeBytes: staged.sizeBytes,
      });
    } catch (error) {
      await unlinkIfPresent(staged.tempPath);
      throw error;
    }
    try {
      const info = await this.locks.run(key, async () => {
        await this.sidecars.place(metadataTempPath, key);
        try {
          await renameIntoPlace(staged.tempPath, objectPath);
        } catch (error) {
          // Metadata describing bytes that never landed must not be paired with whatever is there.
          await this.sidecars.remove(key);
          throw error;
        }
        const stats = await stat(objectPath);
        // Another process may have written the key since our rename: then report what is there.
        if (stats.size !== staged.sizeBytes) {
          return this.readInfo(key, objectPath);
        }
        return {
          key,
          sizeBytes: stats.size,
          contentType,
          etag: `"${staged.sha256}"`,
          lastModified: stats.mtime,
        };
      });
      if (!info) throw new StorageObjectNotFoundError(key);
      return info;
    } catch (error) {
      await unlinkIfPresent(metadataTempPath);
      await unlinkIfPresent(staged.tempPath);
      throw error;
    }
  }

  /** Removes the object and its metadata, and the directories they leave empty. */
  async delete(key: string): Promise<void> {
    const objectPath = this.path(key);
    await this.locks.run(key, async () => {
      await unlinkIfPresent(objectPath);
      await this.sidecars.remove(key);
      await removeEmptyParents(objectPath, this.root);
    });
  }

  /**
   * Stat plus metadata. Metadata whose recorded size differs from the file's (left by a crash
   * between the two renames, or by another process writing the same key) is not trusted: the
   * object is then reported without content type or ETag rather than with wrong ones.
   */
  private async readInfo(
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
    const metadata = await this.sidecars.read(key);
    const matching = metadata?.sizeBytes === stats.size ? metadata : null;
    return {
      key,
      sizeBytes: stats.size,
      contentType: matching?.contentType ?? null,
      etag: matching ? `"${matching.sha256}"` : null,
      lastModified: stats.mtime,
    };
  }
}
