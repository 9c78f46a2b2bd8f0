import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

/** The two video tools the service runs. */
export type VideoTool = 'ffmpeg' | 'ffprobe';

/** The npm packages that ship a static build of each tool, the last resort. */
const BUNDLED_PACKAGES: Record<VideoTool, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

export interface VideoToolLocation {
  /** FFMPEG_PATH / FFPROBE_PATH from the application's config, if set: used as is, never second-guessed. */
  configuredPath?: string;
  /** Whether a command starts; a bare tool name is looked up on PATH by the operating system. */
  canRun: (command: string) => Promise<boolean>;
  /** The binary shipped by the tool's npm package, or null when it is not installed here. */
  bundledPath: (tool: VideoTool) => string | null;
}

/**
 * The configured path, then the tool on PATH (the system's maintained build, Debian's in production),
 * then the static binary from npm. A configured path that does not work fails loudly when it is run
 * instead of falling back, since it is a deployment mistake someone has to see. Null when there is
 * none at all.
 */
export async function resolveVideoTool(
  tool: VideoTool,
  location: VideoToolLocation,
): Promise<string | null> {
  if (location.configuredPath) {
    return location.configuredPath;
  }
  if (await location.canRun(tool)) {
    return tool;
  }
  return location.bundledPath(tool);
}

/** What to tell an operator when {@link resolveVideoTool} found nothing. */
export function missingVideoToolMessage(tool: VideoTool): string {
  return `no ${tool} found: set ${tool.toUpperCase()}_PATH, install ffmpeg, or install ${BUNDLED_PACKAGES[tool]}`;
}

export function commandRuns(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, ['-version'], { timeout: 10_000 }, (error) =>
      resolve(error === null),
    );
  });
}

/** Loaded lazily: the packages throw at import on platforms they have no binary for. */
export function bundledVideoToolPath(tool: VideoTool): string | null {
  try {
    const installer = createRequire(import.meta.url)(
      BUNDLED_PACKAGES[tool],
    ) as { path: string };
    return installer.path;
  } catch {
    return null;
  }
}

/**
 * The command of one tool, looked up once on first use and kept. A failed lookup is not kept, so
 * installing the tool later works without a restart; `unavailable` builds the caller's error.
 */
export class VideoToolCommand {
  private command: Promise<string> | undefined;

  constructor(
    private readonly tool: VideoTool,
    private readonly configuredPath: string | undefined,
    private readonly unavailable: (message: string) => Error,
  ) {}

  resolve(): Promise<string> {
    this.command ??= resolveVideoTool(this.tool, {
      configuredPath: this.configuredPath,
      canRun: commandRuns,
      bundledPath: bundledVideoToolPath,
    }).then((command) => {
      if (command === null) {
        this.command = undefined;
        throw this.unavailable(missingVideoToolMessage(this.tool));
      }
      return command;
    });
    return this.command;
  }
}
