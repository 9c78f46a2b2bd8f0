import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { VideoProbeError } from './video-probe.error.js';

export interface FfprobeLocation {
  /** FFPROBE_PATH from the application's config, if set: used as is, never second-guessed. */
  configuredPath?: string;
  /** Whether a command starts; `'ffprobe'` is looked up on PATH by the operating system. */
  canRun: (command: string) => Promise<boolean>;
  /** The binary shipped by `@ffprobe-installer/ffprobe`, or null when it is not installed here. */
  bundledPath: () => string | null;
}

/**
 * The configured path, then `ffprobe` on PATH (Debian's build is the most complete), then the
 * static binary from npm, so `npm ci` alone gives a working ffprobe on a fresh machine. A
 * configured path that does not work fails loudly at probe time instead of falling back, since it
 * is a deployment mistake someone has to see.
 */
export async function resolveFfprobePath(
  location: FfprobeLocation,
): Promise<string> {
  if (location.configuredPath) {
    return location.configuredPath;
  }
  if (await location.canRun('ffprobe')) {
    return 'ffprobe';
  }
  const bundled = location.bundledPath();
  if (bundled !== null) {
    return bundled;
  }
  throw new VideoProbeError(
    'ffprobe_unavailable',
    'no ffprobe found: set FFPROBE_PATH, install ffmpeg, or install @ffprobe-installer/ffprobe',
  );
}

export function commandRuns(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, ['-version'], { timeout: 10_000 }, (error) =>
      resolve(error === null),
    );
  });
}

/** Loaded lazily: the package throws at import on platforms it has no binary for. */
export function bundledFfprobePath(): string | null {
  try {
    const installer = createRequire(import.meta.url)(
      '@ffprobe-installer/ffprobe',
    ) as { path: string };
    return installer.path;
  } catch {
    return null;
  }
}
