// Keeps dist/ current without `nest build`, whose deleteOutDir empties dist/ under a running
// server. Plain Node ESM so that `npm run cli` starts without a TypeScript loader.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
/** What `tsc -p tsconfig.build.json` (and `nest build`) compiles. */
const SOURCE_DIRS = ['src', 'migrations'].map((dir) => join(ROOT, dir));
/**
 * tsc's incremental state, the last file a build writes. Its mtime marks when the build output was
 * made: after each build we set it to the build's start, so a source saved during the build is
 * still newer and triggers the next one.
 */
const BUILD_MARKER = join(DIST, 'tsconfig.build.tsbuildinfo');
/** A file every build emits; without it the incremental state is not to be trusted. */
const BUILD_ENTRY = join(DIST, 'src', 'cli.js');
const LOCK = join(DIST, '.build.lock');
const LOCK_TIMEOUT_MS = 180_000;

/** The compiler reported errors; `output` is what it printed. */
export class BuildFailedError extends Error {
  constructor(output) {
    super(`tsc -p tsconfig.build.json failed:\n${output.trimEnd()}`);
    this.name = 'BuildFailedError';
  }
}

function mtimeMs(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/** The newest mtime among the files that affect the build. */
function newestInputMtimeMs() {
  let newest = 0;
  for (const name of readdirSync(ROOT)) {
    if (name === 'package.json' || /^tsconfig.*\.json$/.test(name)) {
      newest = Math.max(newest, mtimeMs(join(ROOT, name)) ?? 0);
    }
  }
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(dir, {
      recursive: true,
      withFileTypes: true,
    })) {
      // Spec files are excluded from the build (tsconfig.build.json).
      if (entry.isFile() && !entry.name.endsWith('.spec.ts')) {
        newest = Math.max(
          newest,
          mtimeMs(join(entry.parentPath, entry.name)) ?? 0,
        );
      }
    }
  }
  return newest;
}

/** Whether dist/ holds a build of the current sources (a few ms: one stat per source file). */
export function isBuildCurrent() {
  const builtAt = mtimeMs(BUILD_MARKER);
  return (
    builtAt !== undefined &&
    existsSync(BUILD_ENTRY) &&
    newestInputMtimeMs() <= builtAt
  );
}

function lockHolderIsGone() {
  let pid;
  try {
    pid = Number(readFileSync(LOCK, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return false;
    throw error;
  }
  // An empty file is a holder that has not written its pid yet.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

async function acquireLock() {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    // A builder that was killed leaves its lock behind.
    if (lockHolderIsGone()) {
      rmSync(LOCK, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Another build has held ${LOCK} for ${LOCK_TIMEOUT_MS / 1000} s; delete it if no build is running`,
      );
    }
    await sleep(100);
  }
}

function runTsc() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new BuildFailedError(output)),
    );
  });
}

async function build(log) {
  const startedAt = new Date();
  const firstBuild = !existsSync(BUILD_ENTRY);
  if (firstBuild) {
    // Incremental tsc does not re-emit files it believes are up to date, even when they are gone.
    rmSync(BUILD_MARKER, { force: true });
  }
  log(
    `${firstBuild ? 'No build in dist/ yet' : 'Sources changed since the last build'}: compiling (tsc -p tsconfig.build.json)…`,
  );
  try {
    await runTsc();
  } catch (error) {
    // tsc emits even when it reports errors; date the marker back so the next call compiles again
    // (and shows the errors again) instead of running that output.
    if (existsSync(BUILD_MARKER)) utimesSync(BUILD_MARKER, 0, 0);
    throw error;
  }
  utimesSync(BUILD_MARKER, startedAt, startedAt);
}

/**
 * Compiles into dist/ (incrementally, deleting nothing) when a source is newer than the last
 * build; returns at once when the build is current. Concurrent callers take turns on a lock file,
 * so one compiles while the others wait and then find the build current.
 */
export async function ensureBuilt({
  log = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  if (isBuildCurrent() && !existsSync(LOCK)) return;
  await acquireLock();
  try {
    if (!isBuildCurrent()) await build(log);
  } finally {
    rmSync(LOCK, { force: true });
  }
}
