import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

/** The two video tools the service runs. */
export type VideoTool = 'ffmpeg' | 'ffprobe';

/** The npm packages that ship a static build of each tool, the last resort. */
const BUNDLED_PACKAGES: Record<VideoTool, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

/** Where the command in use came from: FFMPEG_PATH/FFPROBE_PATH, PATH, or the npm package. */
export type VideoToolSource = 'configured' | 'path' | 'bundled';

export interface ResolvedVideoTool {
  command: string;
  source: VideoToolSource;
}

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
): Promise<ResolvedVideoTool | null> {
  if (location.configuredPath) {
    return { command: location.configuredPath, source: 'configured' };
  }
  if (await location.canRun(tool)) {
    return { command: tool, source: 'path' };
  }
  const bundled = location.bundledPath(tool);
  return bundled === null ? null : { command: bundled, source: 'bundled' };
}

/** What to tell an operator when {@link resolveVideoTool} found nothing. */
export function missingVideoToolMessage(tool: VideoTool): string {
  return `no ${tool} found: set ${tool.toUpperCase()}_PATH, install ffmpeg, or install ${BUNDLED_PACKAGES[tool]}`;
}

export function commandRuns(
  command: string,
  args: string[] = ['-version'],
): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 10_000 }, (error) =>
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

/** The demuxers a sniffed video type is read with: the only containers the service accepts. */
const DEMUXERS: Readonly<Record<string, string>> = {
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-msvideo': 'avi',
};

/**
 * The ffmpeg demuxer (`-f`) for the content type sniffed from the stored bytes. Without it ffmpeg
 * picks whichever of its hundreds of demuxers scores the bytes highest, so a file that sniffs as
 * MP4 could still be read as an HLS playlist, an image sequence or some rarely used format with a
 * parser nobody fuzzes; pinned, a file is read as what it was accepted as or not at all.
 */
export function videoDemuxer(contentType: string): string {
  const demuxer = DEMUXERS[contentType];
  if (demuxer === undefined) {
    throw new Error(`no demuxer is pinned for ${contentType}`);
  }
  return demuxer;
}

/** What one run of ffprobe or ffmpeg may use before the kernel stops it. */
export interface VideoToolLimits {
  /** Virtual address space (RLIMIT_AS): allocations beyond it fail, and the tool exits. */
  addressSpaceBytes: number;
  /** CPU seconds over all its threads (RLIMIT_CPU): SIGXCPU at the limit. */
  cpuSeconds: number;
}

/**
 * Debian's ffmpeg maps ~500 MB of shared libraries before it reads a byte and decodes a 4K H.264
 * frame within 1 GB; 2 GB leaves room for that and stops a hostile file long before it takes the
 * worker's memory. Decoders run on at most two threads (`-threads`), so the figure does not grow
 * with the machine's core count. 60 CPU seconds is twice the wall-clock timeout on those two
 * threads: only a run the timeout would end anyway reaches it.
 */
export const VIDEO_TOOL_LIMITS: VideoToolLimits = {
  addressSpaceBytes: 2 * 1024 * 1024 * 1024,
  cpuSeconds: 60,
};

/** Decoder threads per run; see {@link VIDEO_TOOL_LIMITS}. */
export const VIDEO_TOOL_THREADS = 2;

/**
 * The program and arguments that run `command args` under `limits`. The limits are set by
 * util-linux's `prlimit`, which sets them on itself and execs the tool: Node cannot set resource
 * limits on a child (there is no setrlimit, and no hook between fork and exec), a shell's `ulimit`
 * would put a shell's quoting between us and the arguments, and prlimit is in every Debian image
 * (util-linux is essential). Without prlimit (not Linux) the tool runs unlimited, which the boot
 * log says.
 */
export function limitedCommand(
  command: string,
  args: string[],
  prlimit: string | null,
  limits: VideoToolLimits,
): { file: string; args: string[] } {
  if (prlimit === null) {
    return { file: command, args };
  }
  return {
    file: prlimit,
    args: [
      `--as=${limits.addressSpaceBytes}`,
      `--cpu=${limits.cpuSeconds}`,
      '--',
      command,
      ...args,
    ],
  };
}

/** prlimit's exit status when it could not execute the command (126: not runnable, 127: missing). */
export function isLimiterExecFailure(
  exitCode: number | string | undefined | null,
  stderr: string,
): boolean {
  return (
    (exitCode === 126 || exitCode === 127) &&
    stderr.startsWith('prlimit: failed to execute')
  );
}

let limiter: Promise<string | null> | undefined;

/** `prlimit` when it runs here, looked up once per process. */
export function resolveLimiter(): Promise<string | null> {
  limiter ??= commandRuns('prlimit', ['--version']).then((runs) =>
    runs ? 'prlimit' : null,
  );
  return limiter;
}

/** One tool as a run needs it: the command, where it came from, and the limiter (if any). */
export interface VideoToolInvocation extends ResolvedVideoTool {
  tool: VideoTool;
  prlimit: string | null;
}

/**
 * The command of one tool, looked up once on first use and kept. A failed lookup is not kept, so
 * installing the tool later works without a restart; `unavailable` builds the caller's error.
 */
export class VideoToolCommand {
  private command: Promise<VideoToolInvocation> | undefined;

  constructor(
    private readonly tool: VideoTool,
    private readonly configuredPath: string | undefined,
    private readonly unavailable: (message: string) => Error,
  ) {}

  resolve(): Promise<VideoToolInvocation> {
    this.command ??= Promise.all([
      resolveVideoTool(this.tool, {
        configuredPath: this.configuredPath,
        canRun: (command) => commandRuns(command),
        bundledPath: bundledVideoToolPath,
      }),
      resolveLimiter(),
    ]).then(([resolved, prlimit]) => {
      if (resolved === null) {
        this.command = undefined;
        throw this.unavailable(missingVideoToolMessage(this.tool));
      }
      return { ...resolved, tool: this.tool, prlimit };
    });
    return this.command;
  }
}

/** The first line of `<tool> -version`, e.g. `ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 …`. */
export function versionBanner(command: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, ['-version'], { timeout: 10_000 }, (error, stdout) =>
      resolve(error === null ? String(stdout).split('\n')[0].trim() : null),
    );
  });
}

/**
 * The boot log line about one tool: which binary, which version, under which limits; a warning when
 * it is the static build from npm (the ffmpeg one dates from 2018 and every uploaded video is decoded
 * by it) or runs without limits.
 */
export function describeVideoTool(
  invocation: VideoToolInvocation,
  banner: string | null,
  bundledPath: string | null,
  limits: VideoToolLimits,
): { warn: boolean; message: string } {
  const { tool, command, source, prlimit } = invocation;
  const version = /^\S+ version (\S+)/.exec(banner ?? '')?.[1] ?? 'unknown';
  const year = /Copyright \(c\) \d{4}-(\d{4})/.exec(banner ?? '')?.[1];
  const from =
    source === 'configured'
      ? `${tool.toUpperCase()}_PATH`
      : source === 'path'
        ? 'PATH'
        : BUNDLED_PACKAGES[tool];
  const problems: string[] = [];
  if (source === 'bundled' || command === bundledPath) {
    problems.push(
      `it is the static build bundled by ${BUNDLED_PACKAGES[tool]}${year ? ` (from ${year})` : ''}, unmaintained, and it decodes every uploaded video: install Debian's ffmpeg (apt-get install ffmpeg) or set ${tool.toUpperCase()}_PATH`,
    );
  }
  if (prlimit === null) {
    problems.push(
      'prlimit (util-linux) was not found, so it runs without memory and CPU limits',
    );
  }
  const limited =
    prlimit === null
      ? ''
      : `, limited to ${Math.round(limits.addressSpaceBytes / 1024 ** 2)} MiB of address space and ${limits.cpuSeconds} CPU seconds per run`;
  return {
    warn: problems.length > 0,
    message: `${tool}: ${command} (from ${from}), version ${version}${limited}${problems.length > 0 ? `. WARNING: ${problems.join('; ')}` : ''}`,
  };
}
