import { createRequire } from 'node:module';
import type { FfprobeLocation } from './ffprobe-path.js';
import { VideoPosterError } from './video-poster.error.js';

/** Where to look for ffmpeg; the same shape and order as for ffprobe. */
export type FfmpegLocation = FfprobeLocation;

/**
 * FFMPEG_PATH, then `ffmpeg` on PATH (Debian's build), then the static binary from npm. As with
 * ffprobe, a configured path is used as is, so a wrong one shows up as a failure instead of a
 * silent fallback.
 */
export async function resolveFfmpegPath(
  location: FfmpegLocation,
): Promise<string> {
  if (location.configuredPath) {
    return location.configuredPath;
  }
  if (await location.canRun('ffmpeg')) {
    return 'ffmpeg';
  }
  const bundled = location.bundledPath();
  if (bundled !== null) {
    return bundled;
  }
  throw new VideoPosterError(
    'ffmpeg_unavailable',
    'no ffmpeg found: set FFMPEG_PATH, install ffmpeg, or install @ffmpeg-installer/ffmpeg',
  );
}

/** Loaded lazily: the package throws at import on platforms it has no binary for. */
export function bundledFfmpegPath(): string | null {
  try {
    const installer = createRequire(import.meta.url)(
      '@ffmpeg-installer/ffmpeg',
    ) as { path: string };
    return installer.path;
  } catch {
    return null;
  }
}
