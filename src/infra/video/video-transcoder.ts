import { Injectable } from '@nestjs/common';
import { spawn, type ExecFileException } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describeToolFailure, videoInputArguments } from './video.adapter.js';
import { VideoTranscodeError } from './video-transcode.error.js';
import {
  VideoToolCommand,
  commandRuns,
  limitedCommand,
  type VideoToolInvocation,
  type VideoToolLimits,
} from './video-tools.js';

export interface VideoTranscoderOptions {
  /** FFMPEG_PATH from config; when absent, `ffmpeg` on PATH, then the npm-installed binary. */
  ffmpegPath?: string;
  /** Memory and CPU per run; `transcodeLimits(request.timeoutMs)` unless a test needs others. */
  limits?: VideoToolLimits;
}

export interface TranscodeRequest {
  /** A local file; read through the `file` protocol only. */
  inputPath: string;
  /** The only demuxer ffmpeg may read it with (see `videoDemuxer`). */
  demuxer: string;
  /** From after the input to before the output path (a rendition plan's `outputArguments`). */
  outputArguments: string[];
  /** Written in place: give a temporary path and publish it only once this resolves. */
  outputPath: string;
  /** The output's expected duration, for progress; null: progress stays at 0 until the end. */
  durationSeconds: number | null;
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * 0–100, whole and never decreasing, at least every 2 s while ffmpeg runs; 100 only once the file
   * is complete. Should it throw, the encode is stopped and `transcode` rejects with its error.
   */
  onProgress?: (percent: number) => void;
}

/**
 * An encoder holds far more than a prober: x264's lookahead and reference frames at 1080p, a frame
 * thread per core, the filter graph's frames, plus the ~500 MB of shared libraries Debian's ffmpeg
 * maps. 4 GiB of address space holds a 1920 px encode with room to spare and still stops a runaway.
 */
export const TRANSCODE_ADDRESS_SPACE_BYTES = 4 * 1024 ** 3;

/** ffmpeg's progress lines are short; anything longer is not one and is dropped. */
const MAX_PROGRESS_LINE = 4_096;
/** ffmpeg at `-loglevel error` says little, but a damaged input can repeat an error per frame. */
const MAX_STDERR_CHARS = 64 * 1024;
/** A progress report is repeated when ffmpeg has said nothing for this long (a stalled read). */
const HEARTBEAT_MS = 2_000;

/**
 * The limits one encode runs under. RLIMIT_CPU counts the CPU time of all of a process's threads,
 * and x264 runs a thread per core (plus lookahead), so a limit sized like the prober's would stop a
 * healthy encode on a many-core worker long before its timeout: the CPU limit is the timeout on
 * every core, a backstop that only ends a run the timeout should have ended.
 */
export function transcodeLimits(
  timeoutMs: number,
  cores: number = availableParallelism(),
): VideoToolLimits {
  return {
    addressSpaceBytes: TRANSCODE_ADDRESS_SPACE_BYTES,
    cpuSeconds: Math.ceil(timeoutMs / 1_000) * Math.max(1, cores),
  };
}

/**
 * The whole ffmpeg command line. The input is opened as ffprobe opens it (protocol whitelist `file`,
 * pinned demuxer, decoder threads: see `ffprobeArguments`). `-progress pipe:1` writes machine-readable
 * `key=value` blocks to stdout every `-stats_period` second, ending with `progress=end`; the human
 * status line is off (`-nostats`) and stderr carries errors only. The output is a `file:` URL so a
 * path starting with `-` or holding `:` is never read as an option or a protocol.
 */
export function ffmpegTranscodeArguments(
  request: Pick<
    TranscodeRequest,
    'inputPath' | 'demuxer' | 'outputArguments' | 'outputPath'
  >,
): string[] {
  const input = videoInputArguments(request.inputPath, request.demuxer);
  return [
    '-nostdin',
    '-y',
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostats',
    '-progress',
    'pipe:1',
    '-stats_period',
    '1',
    ...input.slice(0, -1),
    '-i',
    input[input.length - 1],
    ...request.outputArguments,
    `file:${resolve(request.outputPath)}`,
  ];
}

/**
 * Reads `-progress` output as it arrives in chunks: each completed block (ended by its `progress=`
 * line) gives the share of `durationSeconds` encoded so far, held below 100 until ffmpeg has exited
 * (the trailer and the faststart rewrite come after the last frame).
 */
export class ProgressReader {
  private partial = '';
  private outTimeSeconds = 0;

  constructor(private readonly durationSeconds: number | null) {}

  /** The percent of each block completed by `chunk`, in order. */
  push(chunk: string): number[] {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > MAX_PROGRESS_LINE) {
      this.partial = '';
    }
    const percents: number[] = [];
    for (const line of lines) {
      const [key, value] = line.trim().split('=', 2);
      if (key === 'out_time_us') {
        const microseconds = Number(value);
        if (Number.isFinite(microseconds) && microseconds >= 0) {
          this.outTimeSeconds = microseconds / 1_000_000;
        }
      } else if (key === 'progress') {
        percents.push(this.percent());
      }
    }
    return percents;
  }

  private percent(): number {
    if (this.durationSeconds === null || this.durationSeconds <= 0) {
      return 0;
    }
    const share = Math.floor(
      (this.outTimeSeconds / this.durationSeconds) * 100,
    );
    return Math.min(99, Math.max(0, share));
  }
}

/**
 * The only code that runs ffmpeg to make renditions. Unlike the prober and the poster it spawns
 * (rather than execFile) ffmpeg: an encode runs for minutes, and its progress is read from stdout as
 * it goes. ffmpeg is killed (SIGKILL: it must not outlive its job) at the timeout and when the
 * request's signal aborts; whatever it wrote is then removed.
 *
 * Wire it with a factory so the config module supplies the options:
 * `{ provide: VideoTranscoder, useFactory: (config) => new VideoTranscoder({ ffmpegPath: config.ffmpegPath }) }`.
 */
@Injectable()
export class VideoTranscoder {
  private readonly ffmpegCommand: VideoToolCommand;

  constructor(private readonly options: VideoTranscoderOptions = {}) {
    this.ffmpegCommand = new VideoToolCommand(
      'ffmpeg',
      options.ffmpegPath,
      (message) => new VideoTranscodeError('unavailable', message),
    );
  }

  /** Encodes `inputPath` into `outputPath`; rejects with {@link VideoTranscodeError}. */
  async transcode(request: TranscodeRequest): Promise<void> {
    throwIfCancelled(request.signal);
    const invocation = await this.tool();
    throwIfCancelled(request.signal);
    try {
      await runTranscode(
        invocation,
        request,
        this.options.limits ?? transcodeLimits(request.timeoutMs),
      );
    } catch (error) {
      await rm(request.outputPath, { force: true });
      throw error;
    }
  }

  /** The ffmpeg this transcoder runs (for the boot log). */
  tool(): Promise<VideoToolInvocation> {
    return this.ffmpegCommand.resolve();
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw cancelled();
  }
}

function cancelled(): VideoTranscodeError {
  return new VideoTranscodeError('cancelled', 'Encoding was cancelled');
}

/**
 * The command run under util-linux's `setpriv --pdeathsig KILL` when it is available: the kernel
 * then kills ffmpeg when the worker that started it dies. Without it, a worker killed mid-transcode
 * (SIGKILL, OOM) would leave its ffmpeg encoding on for up to RENDITION_TIMEOUT_SECONDS, taking the
 * cores the job's next run needs. The signal survives the `prlimit` and `ffmpeg` execs.
 */
export function diesWithParent(
  run: { file: string; args: string[] },
  setpriv: string | null,
): { file: string; args: string[] } {
  return setpriv === null
    ? run
    : {
        file: setpriv,
        args: ['--pdeathsig', 'KILL', '--', run.file, ...run.args],
      };
}

let parentDeathWrapper: Promise<string | null> | undefined;

/** `setpriv` when it runs here, looked up once per process. */
function resolveParentDeathWrapper(): Promise<string | null> {
  parentDeathWrapper ??= commandRuns('setpriv', ['--version']).then((runs) =>
    runs ? 'setpriv' : null,
  );
  return parentDeathWrapper;
}

async function runTranscode(
  invocation: VideoToolInvocation,
  request: TranscodeRequest,
  limits: VideoToolLimits,
): Promise<void> {
  return runTranscodeProcess(
    invocation,
    request,
    limits,
    await resolveParentDeathWrapper(),
  );
}

function runTranscodeProcess(
  invocation: VideoToolInvocation,
  request: TranscodeRequest,
  limits: VideoToolLimits,
  setpriv: string | null,
): Promise<void> {
  const args = ffmpegTranscodeArguments(request);
  const input = args[args.indexOf('-i') + 1];
  const output = args[args.length - 1];
  const run = diesWithParent(
    limitedCommand(invocation.command, args, invocation.prlimit, limits),
    setpriv,
  );

  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn(run.file, run.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stopped: 'timeout' | 'cancelled' | { callback: unknown } | null = null;
    let settled = false;
    let stderr = '';
    let lastPercent = -1;
    let lastReportAt = 0;
    const progress = new ProgressReader(request.durationSeconds);

    const stop = (why: NonNullable<typeof stopped>) => {
      if (stopped === null) {
        stopped = why;
        child.kill('SIGKILL');
      }
    };
    const report = (percent: number) => {
      if (request.onProgress === undefined || stopped !== null) {
        return;
      }
      lastPercent = Math.max(lastPercent, percent);
      lastReportAt = Date.now();
      try {
        request.onProgress(lastPercent);
      } catch (error) {
        stop({ callback: error });
      }
    };
    const timer = setTimeout(() => stop('timeout'), request.timeoutMs);
    const heartbeat = setInterval(() => {
      if (Date.now() - lastReportAt >= HEARTBEAT_MS) {
        report(Math.max(0, lastPercent));
      }
    }, HEARTBEAT_MS / 2);
    const onAbort = () => stop('cancelled');
    request.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (outcome: Error | null) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      clearInterval(heartbeat);
      request.signal?.removeEventListener('abort', onAbort);
      if (outcome === null) {
        resolvePromise();
      } else {
        reject(outcome);
      }
    };

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const percent of progress.push(chunk)) {
        report(percent);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < MAX_STDERR_CHARS) {
        stderr += chunk.slice(0, MAX_STDERR_CHARS - stderr.length);
      }
    });
    child.once('spawn', () => report(0));
    child.once('error', (error: NodeJS.ErrnoException) => {
      // Only a process that never started ends here; one that ran ends in 'close'.
      if (child.pid === undefined) {
        finish(
          new VideoTranscodeError(
            'unavailable',
            `ffmpeg could not be started (${invocation.command}): ${error.code ?? error.message}`,
          ),
        );
      }
    });
    child.once('close', (code, signal) => {
      if (stopped === 'cancelled') {
        finish(cancelled());
      } else if (stopped === 'timeout') {
        finish(
          new VideoTranscodeError(
            'timeout',
            `Encoding did not finish within ${formatSeconds(request.timeoutMs)} and was stopped`,
          ),
        );
      } else if (stopped !== null) {
        finish(
          stopped.callback instanceof Error
            ? stopped.callback
            : new Error(String(stopped.callback)),
        );
      } else if (code === 0) {
        report(100);
        finish(null);
      } else {
        finish(
          encodeFailure(
            { code, signal },
            stderr.split(`${output}: `).join(''),
            invocation.command,
            input,
            { timeoutMs: request.timeoutMs, cpuSeconds: limits.cpuSeconds },
          ),
        );
      }
    });
  });
}

/** ffmpeg's own words (minus file names) through the same mapping as the prober's failures. */
function encodeFailure(
  exit: { code: number | null; signal: NodeJS.Signals | null },
  stderr: string,
  command: string,
  input: string,
  limits: { timeoutMs: number; cpuSeconds: number },
): VideoTranscodeError {
  const error: ExecFileException = Object.assign(
    new Error('ffmpeg exited unsuccessfully'),
    { code: exit.code, signal: exit.signal ?? undefined, killed: false },
  );
  const { failure, message } = describeToolFailure(
    'ffmpeg',
    error,
    stderr,
    command,
    input,
    limits,
  );
  return failure === 'unavailable'
    ? new VideoTranscodeError('unavailable', message)
    : new VideoTranscodeError(
        'failed',
        `ffmpeg could not encode the video: ${message}`,
      );
}

function formatSeconds(milliseconds: number): string {
  return `${Math.round(milliseconds / 100) / 10} s`;
}
