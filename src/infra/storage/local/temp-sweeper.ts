import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TempFileSweep } from '../storage.port.js';
import { isMissingPath, listDir, unlinkIfPresent } from './files.js';

/** A file's mtime, or the newest of a directory's and its entries'; Infinity once it is gone. */
async function lastWrite(path: string): Promise<number> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    if (isMissingPath(error)) return Infinity;
    throw error;
  }
  let newest = stats.mtimeMs;
  if (stats.isDirectory()) {
    for (const entry of await listDir(path)) {
      newest = Math.max(newest, await lastWrite(join(path, entry.name)));
    }
  }
  return newest;
}

/**
 * Removes what crashed or abandoned uploads left in the temp directory: staged files, and the parts
 * of multipart uploads, not written to for `olderThanMs`. An upload's parts go together, judged by
 * the newest of them and of their directory, which every URL issuance touches: a live upload
 * (whose URLs live at most an upload window) is spared by any age longer than that window.
 */
export class TempSweeper implements TempFileSweep {
  constructor(
    private readonly tempDir: string,
    private readonly partsDir: string,
  ) {}

  async sweep(olderThanMs: number, now = new Date()): Promise<number> {
    const cutoff = now.getTime() - olderThanMs;
    let removed = 0;
    for (const entry of await listDir(this.tempDir)) {
      const path = join(this.tempDir, entry.name);
      if (entry.isDirectory() && path === this.partsDir) {
        for (const upload of await listDir(path)) {
          const uploadDir = join(path, upload.name);
          if ((await lastWrite(uploadDir)) < cutoff) {
            await rm(uploadDir, { recursive: true, force: true });
            removed += 1;
          }
        }
      } else if (entry.isFile() && (await lastWrite(path)) < cutoff) {
        await unlinkIfPresent(path);
        removed += 1;
      }
    }
    return removed;
  }
}
