import type { RenditionFit } from '../media/rendition.entity.js';
import { formatBytes } from '../../lib/bytes.js';
import {
  evaluateMedia,
  type VideoFacts,
} from '../validation/evaluate-media.js';
import {
  PLATFORM_RULES,
  type Dimensions,
  type VideoRules,
} from '../validation/platform-rules.js';
import type { Platform } from '../validation/platforms.js';

/**
 * How a video whose shape a platform does not want is framed: `pad` keeps every pixel of the picture
 * and adds black bars; `crop` fills the frame and loses the edges.
 */

export interface RenditionOptions {
  fit: RenditionFit;
  /** Whether a video longer than the platform's maximum may be cut to it (from the start). */
  trim: boolean;
}

export interface PlannedAudio {
  channels: 1 | 2;
  sampleRateHz: number;
  bitsPerSecond: number;
}

/** What the rendition will be, as far as the plan decides it. */
export interface PlannedVideo {
  /** Display width of the output (it carries no rotation). */
  width: number;
  height: number;
  /** The output frame rate; null: the source's is kept. */
  fps: number | null;
  /** Expected output duration (for progress and the size budget); null when the source's is unknown. */
  durationSeconds: number | null;
  /** Null: the source is silent, and so is the rendition. */
  audio: PlannedAudio | null;
  /** The platform's file size limit (`rules.sizeBytes.max`); null when it has none. */
  sizeCapBytes: number | null;
  /**
   * Video bits/s of the first pass when it is capped from the start (see `planVideoRendition`); null:
   * the first pass is quality-based (CRF).
   */
  videoBitrate: number | null;
}

export type VideoPlan =
  | { kind: 'unfixable'; reason: string }
  | {
      kind: 'transcode';
      /** Short human descriptions of what the rendition changes, in the order they are applied. */
      changes: string[];
      output: PlannedVideo;
      /**
       * ffmpeg's arguments from after the input (see `videoInputArguments`) to before the output path.
       * Without an argument: the first pass. With `videoBitrate` (bits/s, from `bitrateForSizeCap`):
       * a pass at that average rate, for an output that came out over `sizeCapBytes`.
       */
      outputArguments: (videoBitrate?: number) => string[];
    };

/**
 * A social rendition need not be 4K: the long side stays at most 1920 px whatever the source and
 * the platform allow. Every platform's recommended frame (1080×1920) fits, and the encode stays
 * affordable on a worker.
 */
export const RENDITION_MAX_LONG_SIDE = 1920;

/** x264's quality target for the first pass: visually clean at social sizes, a few Mb/s at 1080p. */
const CRF = 21;
/** About 4× faster than `medium` for ~10 % more bits; a worker encodes many renditions. */
const PRESET = 'veryfast';
/** A keyframe every 2 s: players can start and seek anywhere within 2 s; X refuses long open GOPs. */
const KEYFRAME_SECONDS = 2;
/** Assumed for the keyframe interval when the source does not say its frame rate. */
const FALLBACK_FPS = 30;
/**
 * The trim ends one frame and this much before the maximum, so the last frame's duration and the
 * AAC encoder's final frame (1024 samples, ~21 ms) cannot carry the file past the limit.
 */
const TRIM_SLACK_SECONDS = 0.05;
/** One frame when the frame rate is unknown: covers anything from 10 fps up. */
const UNKNOWN_FRAME_SECONDS = 0.1;

const AUDIO_MAX_SAMPLE_RATE = 48_000;
/** The rates ffmpeg's AAC encoder takes up to 48 kHz; a source at any other rate is resampled. */
const AAC_SAMPLE_RATES = [
  8_000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000,
];
const STEREO_BITS_PER_SECOND = 128_000;
const MONO_BITS_PER_SECOND = 96_000;

/**
 * What is kept off the size cap: x264's average rate drifts a few percent over a short file (the
 * VBV buffer allows 1.2× peaks), and the MP4 index grows with the number of frames (~1 KB per second
 * of audio and video); a fixed amount covers the headers.
 */
const SIZE_MARGIN = 0.07;
const CONTAINER_BITS_PER_SECOND = 8_000;
const CONTAINER_FIXED_BYTES = 8_192;
/**
 * Below this x264 cannot hold the rate (each frame has a minimum size), so the file would still be
 * over the cap: such a cap cannot be met.
 */
const MIN_VIDEO_BITS_PER_SECOND = 16_000;

/** Within 1 % of a ratio counts as that ratio, as the evaluator's recommended-aspect check does. */
const ASPECT_TOLERANCE = 0.01;
/** Ratios named as people say them in `changes`; anything else is written like `1.33:1`. */
const COMMON_RATIOS: readonly Dimensions[] = [
  [1, 1],
  [16, 9],
  [9, 16],
  [4, 3],
  [3, 4],
  [3, 2],
  [2, 3],
  [4, 5],
  [5, 4],
  [2, 1],
  [1, 2],
  [21, 9],
  [9, 21],
];

/**
 * How to turn `facts` (a video that fails `platform`'s rules, in display orientation) into an MP4
 * the platform accepts. Pure. The rendition is always re-encoded: H.264 High 4:2:0 progressive with
 * closed 2 s GOPs, AAC-LC, no metadata carried over, the index at the front; that is what every
 * platform in PLATFORM_RULES accepts, so only the picture's shape, the frame rate, the duration and
 * the size need deciding:
 *
 * - Framing: at the platform's recommended aspect when it has one (a rendition is made for that
 *   feed), otherwise moved to the nearest bound of its aspect range only when outside it. A padded
 *   frame keeps the source's short side (1920×1080 → 1080×1920, 640×480 → 480×854): the content is
 *   not upscaled, and the file is about the source's size rather than the size of the bars around it.
 *   A cropped frame is the cropped region itself (1920×1080 → 608×1080), so no pixel is invented.
 * - Size limits: scaled down to the platform's maxima and to 1920 px on the long side; scaled up only
 *   when a minimum demands it (TikTok's 360 px per side). Dimensions are even (4:2:0 needs it).
 * - Duration: cut just under the maximum when `trim` allows; a video too long without `trim`, or
 *   shorter than the minimum, is `unfixable`.
 * - File size: the first pass is CRF, and the caller re-encodes at `bitrateForSizeCap` when it comes
 *   out over the cap. When the source itself is over the cap for the output's duration (a phone's
 *   15-minute 17 Mb/s video for Instagram's 300 MB), a CRF pass at its resolution is likely to be
 *   too, and that pass is the whole cost of a rendition: the first pass is then capped from the start.
 *
 * The plan's own output is checked with the evaluator before it is offered, so a platform whose rules
 * cannot all be met at once (only possible with unusual rules) is `unfixable`, naming what would fail.
 */
export function planVideoRendition(
  facts: VideoFacts,
  platform: Platform,
  options: RenditionOptions,
  rules: VideoRules = PLATFORM_RULES[platform].video,
): VideoPlan {
  const owner = `${platform}'s`;
  const duration = facts.durationSeconds;
  const limits = rules.durationSeconds;
  if (duration !== null && limits?.min !== undefined && duration < limits.min) {
    return unfixable(
      `Duration ${seconds(duration, limits.min)} is below ${owner} minimum of ${seconds(limits.min)}; a rendition cannot lengthen a video`,
    );
  }
  const tooLong =
    duration !== null && limits?.max !== undefined && duration > limits.max;
  if (tooLong && !options.trim) {
    return unfixable(
      `Duration ${seconds(duration, limits.max)} is above ${owner} maximum of ${seconds(limits.max!)} and trim is false`,
    );
  }

  const changes: string[] = [];
  if (facts.videoCodec !== 'h264') {
    changes.push(`transcoded ${facts.videoCodec} → h264`);
  }
  if (facts.container !== 'mp4') {
    changes.push(`container ${facts.container} → mp4`);
  }

  const filters: string[] = [];
  if (facts.scanType === 'interlaced') {
    filters.push('yadif');
    changes.push('deinterlaced');
  }
  const fps = outputFps(facts.fps, rules);
  if (fps !== null) {
    filters.push(`fps=${fps}`);
    changes.push(`frame rate ${round(facts.fps!, 3)} → ${fps} fps`);
  }
  const geometry = planGeometry(facts.width, facts.height, rules, options.fit);
  filters.push(...geometry.filters, 'setsar=1');
  changes.push(...geometry.changes);
  if (facts.pixelFormat !== null && facts.pixelFormat !== 'yuv420p') {
    changes.push(`pixel format ${facts.pixelFormat} → yuv420p`);
  }

  const frameSeconds =
    fps !== null
      ? 1 / fps
      : facts.fps !== null
        ? 1 / facts.fps
        : UNKNOWN_FRAME_SECONDS;
  let trimTo: number | null = null;
  if (tooLong) {
    trimTo = floorTo(limits.max! - frameSeconds - TRIM_SLACK_SECONDS, 3);
    changes.push(`trimmed ${seconds(duration)} → ${seconds(limits.max!)}`);
  }

  const audio = planAudio(facts.audio, rules);
  if (facts.audio !== null && audio !== null) {
    changes.push(...audioChanges(facts.audio, audio));
  }

  const output: PlannedVideo = {
    width: geometry.width,
    height: geometry.height,
    fps,
    durationSeconds: trimTo ?? duration,
    audio,
    sizeCapBytes: rules.sizeBytes.max ?? null,
    videoBitrate: null,
  };
  if (output.sizeCapBytes !== null && output.durationSeconds !== null) {
    const budget = videoBudget(
      output.sizeCapBytes,
      output.durationSeconds,
      audio,
    );
    if (budget < MIN_VIDEO_BITS_PER_SECOND) {
      return unfixable(
        `${owner} size limit of ${formatBytes(output.sizeCapBytes, 'decimal')} leaves too little for ${seconds(output.durationSeconds)} of video`,
      );
    }
    if (
      facts.sizeBytes !== null &&
      duration !== null &&
      duration > 0 &&
      facts.sizeBytes * (output.durationSeconds / duration) >
        output.sizeCapBytes
    ) {
      output.videoBitrate = Math.floor(budget);
    }
  }

  const verdict = evaluateMedia(predictedFacts(output, facts), platform, {
    ...PLATFORM_RULES[platform],
    video: rules,
  });
  if (!verdict.valid) {
    return unfixable(
      `A rendition would still break ${owner} rules: ${verdict.errors.join('; ')}`,
    );
  }

  if (output.videoBitrate !== null) {
    changes.push(
      loweredBitrateChange(output.videoBitrate, output.sizeCapBytes!),
    );
  }
  if (changes.length === 0) {
    changes.push('re-encoded as H.264/AAC MP4');
  }
  const keyframeInterval = Math.max(
    1,
    Math.round(KEYFRAME_SECONDS * (fps ?? facts.fps ?? FALLBACK_FPS)),
  );
  return {
    kind: 'transcode',
    changes,
    output,
    outputArguments: (videoBitrate?: number) =>
      renditionArguments({
        filters,
        trimTo,
        audio,
        keyframeInterval,
        videoBitrate: videoBitrate ?? output.videoBitrate,
      }),
  };
}

/**
 * Video bits/s for an output of `durationSeconds` to land under `sizeCapBytes`: the cap less a
 * 7 % margin and the container's share, spread over the duration, less the audio. Throws a
 * RangeError when the cap or the duration is unknown, or the cap cannot hold the audio and a
 * minimal picture.
 */
export function bitrateForSizeCap(
  output: Pick<PlannedVideo, 'sizeCapBytes' | 'durationSeconds' | 'audio'>,
): number {
  const { sizeCapBytes, durationSeconds, audio } = output;
  if (
    sizeCapBytes === null ||
    durationSeconds === null ||
    durationSeconds <= 0
  ) {
    throw new RangeError(
      'a bitrate for a size cap needs both the cap and the duration',
    );
  }
  const budget = videoBudget(sizeCapBytes, durationSeconds, audio);
  if (budget < MIN_VIDEO_BITS_PER_SECOND) {
    throw new RangeError(
      `${formatBytes(sizeCapBytes, 'decimal')} cannot hold ${seconds(durationSeconds)} of video`,
    );
  }
  return Math.floor(budget);
}

/** The `changes` entry for a pass capped to fit: "bitrate lowered to 2.1 Mb/s to fit 100 MB". */
export function loweredBitrateChange(
  videoBitsPerSecond: number,
  sizeCapBytes: number,
): string {
  const rate =
    videoBitsPerSecond >= 1_000_000
      ? `${round(videoBitsPerSecond / 1_000_000, 1)} Mb/s`
      : `${Math.round(videoBitsPerSecond / 1_000)} kb/s`;
  return `bitrate lowered to ${rate} to fit ${formatBytes(sizeCapBytes, 'decimal')}`;
}

function unfixable(reason: string): VideoPlan {
  return { kind: 'unfixable', reason };
}

function videoBudget(
  sizeCapBytes: number,
  durationSeconds: number,
  audio: PlannedAudio | null,
): number {
  const usableBits =
    (sizeCapBytes * (1 - SIZE_MARGIN) - CONTAINER_FIXED_BYTES) * 8;
  return (
    usableBits / durationSeconds -
    (audio?.bitsPerSecond ?? 0) -
    CONTAINER_BITS_PER_SECOND
  );
}

/** Into the platform's range: above the maximum → the maximum, below the minimum → the minimum. */
function outputFps(fps: number | null, rules: VideoRules): number | null {
  const range = rules.fps;
  if (fps === null || range === undefined) {
    return null;
  }
  if (range.max !== undefined && fps > range.max) {
    return range.max;
  }
  if (range.min !== undefined && fps < range.min) {
    return range.min;
  }
  return null;
}

interface Geometry {
  width: number;
  height: number;
  filters: string[];
  changes: string[];
}

function planGeometry(
  width: number,
  height: number,
  rules: VideoRules,
  fit: RenditionFit,
): Geometry {
  const target = targetAspect(width, height, rules);
  let frame: [number, number] = [width, height];
  if (target !== null) {
    const ratio = quotient(target);
    if (fit === 'pad') {
      const short = Math.min(width, height);
      frame = ratio < 1 ? [short, short / ratio] : [short * ratio, short];
    } else {
      frame =
        width / height > ratio
          ? [height * ratio, height]
          : [width, width / ratio];
    }
  }
  const scale = frameScale(frame[0], frame[1], rules);
  let outWidth = even(frame[0] * scale);
  let outHeight = even(frame[1] * scale);
  [outWidth, outHeight] = intoAspectRange(outWidth, outHeight, rules);

  const filters: string[] = [];
  const changes: string[] = [];
  if (target !== null && fit === 'pad') {
    const fitScale = Math.min(outWidth / width, outHeight / height);
    const contentWidth = Math.min(outWidth, even(width * fitScale));
    const contentHeight = Math.min(outHeight, even(height * fitScale));
    if (contentWidth !== width || contentHeight !== height) {
      filters.push(`scale=${contentWidth}:${contentHeight}`);
    }
    if (contentWidth !== outWidth || contentHeight !== outHeight) {
      filters.push(`pad=${outWidth}:${outHeight}:(ow-iw)/2:(oh-ih)/2:black`);
    }
    changes.push(`padded ${ratioName(width, height)} → ${label(target)}`);
  } else if (target !== null) {
    // The largest region of the output's shape, centred (crop's default position).
    const [regionWidth, regionHeight] =
      width / height > outWidth / outHeight
        ? [evenAtMost(height * (outWidth / outHeight), width), height]
        : [width, evenAtMost(width * (outHeight / outWidth), height)];
    filters.push(`crop=${regionWidth}:${regionHeight}`);
    if (regionWidth !== outWidth || regionHeight !== outHeight) {
      filters.push(`scale=${outWidth}:${outHeight}`);
    }
    changes.push(`cropped ${ratioName(width, height)} → ${label(target)}`);
  } else if (outWidth !== width || outHeight !== height) {
    filters.push(`scale=${outWidth}:${outHeight}`);
  }
  // A crop that needs no scaling changes the frame size without scaling anything.
  if (filters.some((filter) => filter.startsWith('scale='))) {
    changes.push(`scaled ${width}×${height} → ${outWidth}×${outHeight}`);
  }
  return { width: outWidth, height: outHeight, filters, changes };
}

/**
 * The shape to frame the rendition at: the platform's recommended aspect unless the source already
 * has it (within 1 %); else the nearest bound of its aspect range when the source is outside it;
 * else null, the source's own.
 */
function targetAspect(
  width: number,
  height: number,
  rules: VideoRules,
): Dimensions | null {
  const ratio = width / height;
  const recommended = rules.recommendedAspect?.ratio;
  if (
    recommended !== undefined &&
    Math.abs(ratio - quotient(recommended)) / quotient(recommended) >
      ASPECT_TOLERANCE
  ) {
    return recommended;
  }
  const { min, max } = rules.aspect ?? {};
  if (max !== undefined && exceeds(ratio, quotient(max))) {
    return max;
  }
  if (min !== undefined && exceeds(quotient(min), ratio)) {
    return min;
  }
  return null;
}

/**
 * The factor a frame is scaled by: 1 unless a maximum (the platform's, or the 1920 px long side)
 * needs it smaller or a minimum needs it larger. Maxima win when both cannot hold; the evaluator's
 * check of the plan then reports what would fail.
 */
function frameScale(width: number, height: number, rules: VideoRules): number {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const ceilings = [RENDITION_MAX_LONG_SIDE / long];
  const floors = [0];
  if (rules.width?.max !== undefined) ceilings.push(rules.width.max / width);
  if (rules.width?.min !== undefined) floors.push(rules.width.min / width);
  if (rules.sidePixels?.max !== undefined) {
    ceilings.push(rules.sidePixels.max / long);
  }
  if (rules.sidePixels?.min !== undefined) {
    floors.push(rules.sidePixels.min / short);
  }
  const { min, max } = rules.resolution ?? {};
  if (max !== undefined) ceilings.push(max[0] / long, max[1] / short);
  if (min !== undefined) floors.push(min[0] / long, min[1] / short);
  return Math.min(Math.max(1, ...floors), ...ceilings);
}

/**
 * Rounding each side to an even number can move a frame made exactly at an aspect bound (9:16 for
 * Facebook, 2.4:1 for LinkedIn) just outside it; 2 px back inside fixes that.
 */
function intoAspectRange(
  width: number,
  height: number,
  rules: VideoRules,
): [number, number] {
  const { min, max } = rules.aspect ?? {};
  if (max !== undefined && exceeds(width / height, quotient(max))) {
    return width > 2 ? [width - 2, height] : [width, height + 2];
  }
  if (min !== undefined && exceeds(quotient(min), width / height)) {
    return height > 2 ? [width, height - 2] : [width + 2, height];
  }
  return [width, height];
}

/**
 * AAC-LC: mono stays mono, anything else becomes stereo; the sample rate is the platform's exact
 * one if it has one, else the source's when the encoder takes it and it is at most 48 kHz, else
 * 48 kHz.
 */
function planAudio(
  audio: VideoFacts['audio'],
  rules: VideoRules,
): PlannedAudio | null {
  if (audio === null) {
    return null;
  }
  const channels = audio.channels === 1 ? 1 : 2;
  const rates = rules.audioSampleRateHz;
  const ceiling = Math.min(AUDIO_MAX_SAMPLE_RATE, rates?.max ?? Infinity);
  const source = audio.sampleRateHz;
  const sampleRateHz =
    rates?.exactly ??
    (source !== null && source <= ceiling && AAC_SAMPLE_RATES.includes(source)
      ? source
      : ceiling);
  return {
    channels,
    sampleRateHz,
    bitsPerSecond:
      channels === 1 ? MONO_BITS_PER_SECOND : STEREO_BITS_PER_SECOND,
  };
}

function audioChanges(
  source: NonNullable<VideoFacts['audio']>,
  planned: PlannedAudio,
): string[] {
  const changes: string[] = [];
  if (source.codec !== 'aac') {
    changes.push(`audio ${source.codec} → aac`);
  } else if (source.profile !== null && source.profile !== 'LC') {
    changes.push(`audio profile ${source.profile} → LC`);
  }
  if (
    source.sampleRateHz !== null &&
    source.sampleRateHz !== planned.sampleRateHz
  ) {
    changes.push(
      `audio ${kHz(source.sampleRateHz)} → ${kHz(planned.sampleRateHz)}`,
    );
  }
  if (source.channels !== null && source.channels > 2) {
    changes.push(`audio ${source.channels} channels → stereo`);
  }
  return changes;
}

/** What the rendition will look like to the evaluator, size aside (it is known only after encoding). */
export function predictedFacts(
  output: PlannedVideo,
  source: VideoFacts,
): VideoFacts {
  return {
    kind: 'video',
    sizeBytes: null,
    container: 'mp4',
    videoCodec: 'h264',
    width: output.width,
    height: output.height,
    durationSeconds: output.durationSeconds,
    fps: output.fps ?? source.fps,
    pixelFormat: 'yuv420p',
    scanType: 'progressive',
    audio:
      output.audio === null
        ? null
        : {
            codec: 'aac',
            profile: 'LC',
            sampleRateHz: output.audio.sampleRateHz,
            channels: output.audio.channels,
          },
  };
}

/**
 * - `-map 0:V:0` takes the first real video stream, never cover art (as the poster does), and the
 *   first audio stream if there is one; subtitles, data streams (GPS tracks, timecode), chapters and
 *   all metadata (creation time, location, device) stay behind: a rendition is published, and
 *   publishing must not leak where or when it was filmed.
 * - ffmpeg applies the source's rotation while filtering and writes the output upright with an
 *   identity display matrix, so the frame sizes here are display sizes.
 * - `-t` is an output option: the cut is where the output reaches it, whatever the input's start time.
 * - A capped pass is x264's average-bitrate mode with a VBV ceiling of 1.2× (peaks) and a 2 s buffer,
 *   which keeps the file's size near the target without a second analysis pass.
 * - `+faststart` moves the index (`moov`) before the media data, so platforms that fetch the file
 *   can read it while downloading.
 */
function renditionArguments(pass: {
  filters: string[];
  trimTo: number | null;
  audio: PlannedAudio | null;
  keyframeInterval: number;
  videoBitrate: number | null;
}): string[] {
  const { videoBitrate, audio } = pass;
  if (
    videoBitrate !== null &&
    !(Number.isInteger(videoBitrate) && videoBitrate > 0)
  ) {
    throw new RangeError(
      `a video bitrate must be a positive whole number of bits/s, not ${videoBitrate}`,
    );
  }
  return [
    '-map',
    '0:V:0',
    ...(audio === null ? [] : ['-map', '0:a:0?']),
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
    '-sn',
    '-dn',
    ...(pass.trimTo === null ? [] : ['-t', pass.trimTo.toFixed(3)]),
    '-vf',
    pass.filters.join(','),
    '-c:v',
    'libx264',
    '-preset',
    PRESET,
    ...(videoBitrate === null
      ? ['-crf', String(CRF)]
      : [
          '-b:v',
          String(videoBitrate),
          '-maxrate',
          String(Math.round(videoBitrate * 1.2)),
          '-bufsize',
          String(videoBitrate * 2),
        ]),
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(pass.keyframeInterval),
    '-flags:v',
    '+cgop',
    ...(audio === null
      ? ['-an']
      : [
          '-c:a',
          'aac',
          '-profile:a',
          'aac_low',
          '-b:a',
          String(audio.bitsPerSecond),
          '-ac',
          String(audio.channels),
          '-ar',
          String(audio.sampleRateHz),
        ]),
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
  ];
}

/** 4:3, 16:9, 9:16, … when the frame is one of the common ratios (within 1 %); else `1.33:1` / `1:1.78`. */
function ratioName(width: number, height: number): string {
  const ratio = width / height;
  const common = COMMON_RATIOS.find(
    (candidate) =>
      Math.abs(ratio - quotient(candidate)) / quotient(candidate) <=
      ASPECT_TOLERANCE,
  );
  if (common !== undefined) {
    return label(common);
  }
  return width >= height
    ? `${round(ratio, 2)}:1`
    : `1:${round(height / width, 2)}`;
}

function label([width, height]: Dimensions): string {
  return `${width}:${height}`;
}

function quotient([width, height]: Dimensions): number {
  return width / height;
}

/** `a > b` beyond floating-point noise, as the evaluator compares ratios. */
function exceeds(a: number, b: number): boolean {
  return a > b * (1 + 1e-9);
}

/** The nearest even whole number, at least 2. */
function even(value: number): number {
  return Math.max(2, 2 * Math.round(value / 2));
}

function evenAtMost(value: number, limit: number): number {
  return Math.min(even(value), limit - (limit % 2));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function floorTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.floor(value * factor) / factor;
}

/**
 * "70 s", "2.5 s"; beside a limit, precisely enough to differ from it (60.04 s is not "60 s"), as the
 * evaluator's messages do.
 */
function seconds(value: number, limit?: number): string {
  const shown = round(value, 1);
  if (limit !== undefined && shown === round(limit, 1) && value !== limit) {
    return `${round(value, 3)} s`;
  }
  return `${shown} s`;
}

function kHz(hz: number): string {
  return `${round(hz / 1_000, 2)} kHz`;
}
