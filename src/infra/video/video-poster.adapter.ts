import { Injectable } from '@nestjs/common';
import type { ExecFileException } from 'node:child_process';
import { InvalidJpegError, injectJfifHeader } from '../image/jfif.js';
import {
  describeToolFailure,
  runVideoTool,
  videoInputArguments,
} from './video.adapter.js';
import { VideoPosterError } from './video-poster.error.js';
import {
  VIDEO_TOOL_LIMITS,
  VideoToolCommand,
  type VideoToolInvocation,
  type VideoToolLimits,
} from './video-tools.js';

export interface VideoPosterAdapterOptions {
  /** FFMPEG_PATH from config; when absent, `ffmpeg` on PATH, then the npm-installed binary. */
  ffmpegPath?: string;
  /** Kill ffmpeg after this long (per run); covers stalled HTTP sources and pathological files. */
  timeoutMs?: number;
  /** Memory and CPU per run; {@link VIDEO_TOOL_LIMITS} unless a test needs others. */
  limits?: VideoToolLimits;
}

export interface VideoPoster {
  /** Baseline JFIF JPEG in display orientation. */
  jpeg: Buffer;
  /** Where in the video the frame was looked for. */
  seekSeconds: number;
  /**
   * `first_frame` when the search window held nothing but black (or nothing at all, as when the
   * container overstates the duration): the video's first frame is taken instead.
   */
  frame: 'first_non_black' | 'first_frame';
}

/** The poster is looked for near this point: past fade-ins and black leaders, still early. */
export const POSTER_TARGET_SECONDS = 1;
/** How much video after the seek point ffmpeg may decode looking for a frame that is not black. */
export const POSTER_SEARCH_WINDOW_SECONDS = 3;
/** Frames with at least this percentage of black pixels are passed over. */
export const POSTER_BLACK_PERCENT = 98;

const DEFAULT_TIMEOUT_MS = 30_000;
/** A 4K frame at the chosen quality is a few MB; anything far beyond means something is wrong. */
const MAX_POSTER_BYTES = 32 * 1024 * 1024;

/** ~1 s in, or the middle of a shorter video; the start when the duration is unknown. */
export function posterSeekSeconds(durationSeconds: number | null): number {
  if (durationSeconds === null || durationSeconds <= 0) {
    return 0;
  }
  return Math.min(POSTER_TARGET_SECONDS, durationSeconds / 2);
}

/**
 * One JPEG frame on stdout. The input is opened exactly as ffprobe opens it (protocol whitelist,
 * pinned demuxer, decoder threads: see `ffprobeArguments`). `-map 0:V:0` takes the first real video stream, never cover art. ffmpeg
 * applies the display matrix itself (autorotate), so the frame comes out in display orientation.
 * With `skipBlackFrames`, `blackframe` tags every frame with its share of black pixels and
 * `metadata` drops the mostly black ones, so `-frames:v 1` gets the first frame with content; the
 * input `-t` bounds how far it may decode. 4:2:0 baseline MJPEG is what every decoder reads, and
 * `bitexact` leaves out the encoder's version comment so a re-run writes the same bytes.
 */
export function ffmpegPosterArguments(
  location: string,
  options: { seekSeconds: number; skipBlackFrames: boolean; demuxer?: string },
): string[] {
  const input = videoInputArguments(location, options.demuxer);
  return [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    ...input.slice(0, -1),
    '-ss',
    options.seekSeconds.toFixed(3),
    '-t',
    String(POSTER_SEARCH_WINDOW_SECONDS),
    '-i',
    input[input.length - 1],
    '-map',
    '0:V:0',
    ...(options.skipBlackFrames
      ? [
          '-vf',
          `blackframe=amount=0:threshold=32,metadata=mode=select:key=lavfi.blackframe.pblack:value=${POSTER_BLACK_PERCENT}:function=less`,
        ]
      : []),
    '-frames:v',
    '1',
    '-pix_fmt',
    'yuvj420p',
    '-c:v',
    'mjpeg',
    '-q:v',
    '2',
    '-fflags',
    '+bitexact',
    '-flags:v',
    '+bitexact',
    '-f',
    'image2pipe',
    'pipe:1',
  ];
}

/**
 * The only code that runs ffmpeg: takes a poster frame from a video. Spawned directly with a
 * timeout and SIGKILL for the same reasons as ffprobe in VideoAdapter.
 */
@Injectable()
export class VideoPosterAdapter {
  private readonly timeoutMs: number;
  private readonly limits: VideoToolLimits;
  private readonly ffmpegCommand: VideoToolCommand;

  constructor(private readonly options: VideoPosterAdapterOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.limits = options.limits ?? VIDEO_TOOL_LIMITS;
    this.ffmpegCommand = new VideoToolCommand(
      'ffmpeg',
      options.ffmpegPath,
      (message) => new VideoPosterError('ffmpeg_unavailable', message),
    );
  }

  /**
   * Reads a local file path or an http(s) URL in place, with `demuxer` the only one ffmpeg may read
   * it with when the container is known (see `videoDemuxer`). Throws {@link VideoPosterError} when
   * no frame can be had.
   */
  async extractPoster(
    location: string,
    durationSeconds: number | null,
    demuxer?: string,
  ): Promise<VideoPoster> {
    const invocation = await this.tool();
    const run = (seekSeconds: number, skipBlackFrames: boolean) =>
      runFfmpeg(
        invocation,
        ffmpegPosterArguments(location, {
          seekSeconds,
          skipBlackFrames,
          demuxer,
        }),
        this.timeoutMs,
        this.limits,
      );
    let seekSeconds = posterSeekSeconds(durationSeconds);
    let frame: VideoPoster['frame'] = 'first_non_black';
    let output = await run(seekSeconds, true);
    if (output.length === 0) {
      seekSeconds = 0;
      frame = 'first_frame';
      output = await run(seekSeconds, false);
    }
    if (output.length === 0) {
      throw new VideoPosterError('unreadable', 'ffmpeg decoded no video frame');
    }
    return { jpeg: withJfifHeader(output), seekSeconds, frame };
  }

  /** The ffmpeg this adapter runs (for the boot log). */
  tool(): Promise<VideoToolInvocation> {
    return this.ffmpegCommand.resolve();
  }
}

/** ffmpeg's MJPEG encoder writes JFIF APP0 itself; the splice guarantees it whatever the build. */
function withJfifHeader(output: Buffer): Buffer {
  try {
    return injectJfifHeader(output);
  } catch (error) {
    if (error instanceof InvalidJpegError) {
      throw new VideoPosterError(
        'unreadable',
        `ffmpeg did not produce a JPEG: ${error.message}`,
      );
    }
    throw error;
  }
}

function runFfmpeg(
  invocation: VideoToolInvocation,
  args: string[],
  timeoutMs: number,
  resources: VideoToolLimits,
): Promise<Buffer> {
  const input = args[args.indexOf('-i') + 1];
  return runVideoTool(
    invocation,
    args,
    { timeoutMs, maxOutputBytes: MAX_POSTER_BYTES, resources },
    (error, stderr) =>
      posterFailure(error, stderr, invocation.command, input, {
        timeoutMs,
        cpuSeconds: resources.cpuSeconds,
      }),
  );
}

function posterFailure(
  error: ExecFileException,
  stderr: string,
  command: string,
  input: string,
  limits: { timeoutMs: number; cpuSeconds: number },
): VideoPosterError {
  const { failure, message } = describeToolFailure(
    'ffmpeg',
    error,
    stderr,
    command,
    input,
    limits,
  );
  return failure === 'unavailable'
    ? new VideoPosterError('ffmpeg_unavailable', message)
    : failure === 'timeout'
      ? new VideoPosterError('timeout', message)
      : new VideoPosterError(
          'unreadable',
          `ffmpeg could not take a poster frame: ${message}`,
        );
}
