import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  isMissingPath,
  removeEmptyParents,
  renameIntoPlace,
  unlinkIfPresent,
} from './files.js';
import { pathUnder } from './layout.js';

/** What a file cannot say about itself: its content type, and the hash computed as it was written. */
export interface ObjectMetadata {
  contentType: string;
  /** Hex SHA-256 of the bytes, computed while they streamed in; the strong ETag. */
  sha256: string;
  /** Lets a read notice metadata that does not belong to the file beside it. */
  sizeBytes: number;
}

/**
 * Each object's metadata as a JSON file in a tree mirroring the objects'. Written to a temp file
 * first, so that placing it beside its object is one rename under the key's lock.
 */
export class SidecarStore {
  constructor(
    private readonly dir: string,
    private readonly tempDir: string,
  ) {}

  async read(key: string): Promise<ObjectMetadata | null> {
    let text: string;
    try {
      text = await readFile(this.path(key), 'utf8');
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

  /** A temp file holding `metadata`, for `place`; the caller removes it if it is never placed. */
  async prepare(metadata: ObjectMetadata): Promise<string> {
    const tempPath = join(this.tempDir, `${randomUUID()}.json`);
    try {
      await writeFile(tempPath, JSON.stringify(metadata), { flag: 'wx' });
    } catch (error) {
      await unlinkIfPresent(tempPath);
      throw error;
    }
    return tempPath;
  }

  async place(tempPath: string, key: string): Promise<void> {
    await renameIntoPlace(tempPath, this.path(key));
  }

  async remove(key: string): Promise<void> {
    const path = this.path(key);
    await unlinkIfPresent(path);
    await removeEmptyParents(path, this.dir);
  }

  private path(key: string): string {
    return pathUnder(this.dir, key);
  }
}
