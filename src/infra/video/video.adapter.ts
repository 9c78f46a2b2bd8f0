import { Injectable } from '@nestjs/common';
import { execFile, type ExecFileException } from 'node:child_process';
import { resolve } from 'node:path';
import {
  toVideoInfo,
  type FfprobeOutput,
  type VideoInfo,
} from './video-info.js';
import { VideoProbeError } from './video-probe.error.js';
import {
  VIDEO_TOOL_LIMITS,
  VIDEO_TOOL_THREADS,
  VideoToolCommand,
  commandRuns,
  isLimiterExecFailure,
  limitedCommand,
  type VideoToolInvocation,
  type VideoToolLimits,
} from './video-tools.js';

export interface VideoAdapterOptions {
  /** FFPROBE_PATH from config; when absent, `ffprobe` on PATH, then the npm-installed binary. */
  ffprobePath?: string;
  /** Kill ffprobe after this long. Covers slow or stalled HTTP sources as well as pathological files. */
  timeoutMs?: number;
  /** Memory and CPU per run; {@link VIDEO_TOOL_LIMITS} unless a test needs others. */
  limits?: VideoToolLimits;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_FFPROBE_OUTPUT_BYTES = 4 * 1024 * 1024;

/**
 * The only code that runs ffprobe. It spawns the binary directly rather than through fluent-ffmpeg:
 * fluent-ffmpeg's `ffprobe()` neither exposes the child process (so it cannot be timed out or killed)
 * nor reads ffprobe's JSON (its INI-style parser folds side data such as the display matrix into the
 * stream), and both matter here.
 *
 * Wire it with a factory so the config module supplies the options:
 * `{ provide: VideoAdapter, useFactory: (config) => new VideoAdapter({ ffprobePath: config.ffprobePath }) }`.
 */
@Injectable()
export class VideoAdapter {
  private readonly timeoutMs: number;
  private readonly limits: VideoToolLimits;
  private readonly ffprobeCommand: VideoToolCommand;

  constructor(private readonly options: VideoAdapterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.limits = options.limits ?? VIDEO_TOOL_LIMITS;
    this.ffprobeCommand = new VideoToolCommand(
      'ffprobe',
      options.ffprobePath,
      (message) => new VideoProbeError('ffprobe_unavailable', message),
    );
  }

  /**
   * Probes a local file path or an http(s) URL (ffprobe then reads only the ranges it needs), with
   * `demuxer` (see `videoDemuxer`) the only one ffprobe may read it with, when the container is
   * known. Throws {@link VideoProbeError} when the input is not a readable video.
   */
  async probe(location: string, demuxer?: string): Promise<VideoInfo> {
    const output = await runFfprobe(
      await this.tool(),
      ffprobeArguments(location, demuxer),
      this.timeoutMs,
      this.limits,
    );
    return toVideoInfo(parseFfprobeJson(output));
  }

  /**
   * Whether an ffprobe starts on this machine: the configured one, else one found the usual way.
   * Lets callers decline video work up front instead of failing every job.
   */
  async isAvailable(): Promise<boolean> {
    try {
      return await commandRuns((await this.tool()).command);
    } catch (error) {
      if (error instanceof VideoProbeError) {
        return false;
      }
      throw error;
    }
  }

  /** The ffprobe this adapter runs (for the boot log). */
  tool(): Promise<VideoToolInvocation> {
    return this.ffprobeCommand.resolve();
  }
}

/**
 * Protocols are whitelisted per input kind. Media containers can reference other resources (HLS
 * playlists, `concat` lists, reference movies); without this, probing a URL could make ffprobe open
 * local files, and probing an uploaded file could make it fetch arbitrary URLs. A local path is passed
 * as a `file:` URL so a name starting with `-` or containing `:` is never read as an option or protocol.
 * `-f` pins the demuxer and `-threads` the decoders' threads (see `videoDemuxer`, `VIDEO_TOOL_LIMITS`).
 */
export function ffprobeArguments(location: string, demuxer?: string): string[] {
  return [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    ...videoInputArguments(location, demuxer),
  ];
}

/** The input options ffprobe and ffmpeg share, ending with the input itself. */
export function videoInputArguments(
  location: string,
  demuxer: string | undefined,
): string[] {
  const isHttp = /^https?:\/\//i.test(location);
  return [
    '-protocol_whitelist',
    isHttp ? 'http,https,tcp,tls' : 'file',
    '-threads',
    String(VIDEO_TOOL_THREADS),
    ...(demuxer === undefined ? [] : ['-f', demuxer]),
    isHttp ? location : `file:${resolve(location)}`,
  ];
}

/**
 * Runs ffprobe or ffmpeg under its memory and CPU limits (see `limitedCommand`), with a hard
 * timeout (SIGKILL: neither may outlive its job) and a cap on what it prints; a failure becomes
 * `toError(error, stderr)`.
 */
export function runVideoTool(
  invocation: VideoToolInvocation,
  args: string[],
  limits: {
    timeoutMs: number;
    maxOutputBytes: number;
    resources: VideoToolLimits;
  },
  toError: (error: ExecFileException, stderr: string) => Error,
): Promise<Buffer> {
  const run = limitedCommand(
    invocation.command,
    args,
    invocation.prlimit,
    limits.resources,
  );
  return new Promise((resolvePromise, reject) => {
    execFile(
      run.file,
      run.args,
      {
        timeout: limits.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: limits.maxOutputBytes,
        encoding: 'buffer',
      },
      (error: ExecFileException | null, stdout: Buffer, stderr: Buffer) => {
        if (error === null) {
          resolvePromise(stdout);
        } else {
          reject(toError(error, stderr.toString('utf8')));
        }
      },
    );
  });
}

async function runFfprobe(
  invocation: VideoToolInvocation,
  args: string[],
  timeoutMs: number,
  resources: VideoToolLimits,
): Promise<string> {
  const input = args[args.length - 1];
  const output = await runVideoTool(
    invocation,
    args,
    { timeoutMs, maxOutputBytes: MAX_FFPROBE_OUTPUT_BYTES, resources },
    (error, stderr) =>
      probeFailure(error, stderr, invocation.command, input, {
        timeoutMs,
        cpuSeconds: resources.cpuSeconds,
      }),
  );
  return output.toString('utf8');
}

/**
 * Why an ffprobe or ffmpeg run failed: the binary could not start (itself, or through prlimit), it
 * was killed at the timeout, or it could not read the input (with its own words, minus the input's
 * name). Running out of its memory or CPU limit is the input's doing, so it counts as unreadable:
 * a hostile file costs one failed item, not a worker.
 */
export function describeToolFailure(
  tool: 'ffprobe' | 'ffmpeg',
  error: ExecFileException,
  stderr: string,
  command: string,
  input: string,
  limits: { timeoutMs: number; cpuSeconds: number },
): { failure: 'unavailable' | 'timeout' | 'unreadable'; message: string } {
  if (error.code === 'ENOENT' || error.code === 'EACCES') {
    return {
      failure: 'unavailable',
      message: `${tool} could not be started (${command}): ${error.code}`,
    };
  }
  if (isLimiterExecFailure(error.code, stderr)) {
    return {
      failure: 'unavailable',
      message: `${tool} could not be started (${command}): ${stderr.trim()}`,
    };
  }
  if (error.killed && error.signal === 'SIGKILL') {
    return {
      failure: 'timeout',
      message: `${tool} did not finish within ${limits.timeoutMs} ms`,
    };
  }
  if (error.signal === 'SIGXCPU') {
    return {
      failure: 'unreadable',
      message: `${tool} used up its ${limits.cpuSeconds} CPU seconds`,
    };
  }
  return {
    failure: 'unreadable',
    message:
      summariseStderr(stderr, input) ||
      `${tool} exited with ${error.signal ?? `code ${String(error.code)}`}`,
  };
}

function probeFailure(
  error: ExecFileException,
  stderr: string,
  command: string,
  input: string,
  limits: { timeoutMs: number; cpuSeconds: number },
): VideoProbeError {
  const { failure, message } = describeToolFailure(
    'ffprobe',
    error,
    stderr,
    command,
    input,
    limits,
  );
  return failure === 'unavailable'
    ? new VideoProbeError('ffprobe_unavailable', message)
    : failure === 'timeout'
      ? new VideoProbeError('timeout', message)
      : new VideoProbeError(
          'unreadable',
          `ffprobe could not read the file: ${message}`,
        );
}

/**
 * ffprobe's messages look like `[mov,mp4,… @ 0x55d…] moov atom not found` and
 * `file:/tmp/x.mp4: Invalid data found when processing input`. The demuxer tag and the input are
 * dropped: the user knows which file they sent, and a presigned URL must not end up in a log.
 */
export function summariseStderr(stderr: string, input: string): string {
  const messages = stderr
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '')
        .split(`${input}: `)
        .join('')
        .trim(),
    )
    .filter((line) => line.length > 0);
  return [...new Set(messages)].join('; ').slice(0, 500);
}

function parseFfprobeJson(output: string): FfprobeOutput {
  try {
    return JSON.parse(output) as FfprobeOutput;
  } catch {
    throw new VideoProbeError(
      'unreadable',
      'ffprobe could not read the file: its output was not valid JSON',
    );
  }
}
