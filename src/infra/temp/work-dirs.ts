import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Directories this process works in carry its pid, so a later process can tell whose they are. */
export function createWorkDir(kind: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${kind}-${process.pid}-`));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the work directories of `kind` left by processes that died without cleaning up (SIGKILL,
 * OOM); those of live processes, this one included, are kept. Returns what was removed.
 */
export async function sweepOrphanWorkDirs(
  kind: string,
  root = tmpdir(),
  running: (pid: number) => boolean = isRunning,
): Promise<string[]> {
  const pattern = new RegExp(`^${kind}-(\\d+)-`);
  const removed: string[] = [];
  for (const entry of await readdir(root)) {
    const match = pattern.exec(entry);
    if (!match || running(Number(match[1]))) {
      continue;
    }
    const path = join(root, entry);
    if ((await stat(path).catch(() => null))?.isDirectory()) {
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    }
  }
  return removed;
}
