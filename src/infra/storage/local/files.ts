import type { Dirent } from 'node:fs';
import { mkdir, readdir, rename, rmdir, unlink } from 'node:fs/promises';
import { dirname, sep } from 'node:path';

const MISSING_PATH_CODES = new Set(['ENOENT', 'ENOTDIR']);

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** A path that is not there, including one "below" a file. */
export function isMissingPath(error: unknown): boolean {
  return MISSING_PATH_CODES.has(errorCode(error) ?? '');
}

export async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissingPath(error)) throw error;
  }
}

/** The directory's entries; none once it is gone. */
export async function listDir(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissingPath(error)) return [];
    throw error;
  }
}

/** A concurrent delete may prune the parent directory between mkdir and rename; one retry covers it. */
export async function renameIntoPlace(from: string, to: string): Promise<void> {
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

/**
 * Removes the directories above `path` that are now empty, up to `stopAt`: each media item gets its
 * own directory, and the tree must not fill with empties as objects go.
 */
export async function removeEmptyParents(
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
