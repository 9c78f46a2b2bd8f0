import {
  PLATFORM_RULES,
  type AspectRange,
  type Dimensions,
  type ImageFormat,
  type ImageRules,
  type PlatformRules,
  type Range,
  type VideoRules,
} from './platform-rules.js';
import type { Platform } from './platforms.js';
import { formatBytes } from '../../lib/bytes.js';

/** What is known about a video, in display orientation (rotation applied). */
export interface VideoFacts {
  kind: 'video';
  sizeBytes: number | null;
  container: string;
  videoCodec: string;
  width: number;
  height: number;
  durationSeconds: number | null;
  fps: number | null;
  pixelFormat: string | null;
  scanType: 'progressive' | 'interlaced' | null;
  /** Null for a silent video. */
  audio: {
    codec: string;
    profile: string | null;
    sampleRateHz: number | null;
    channels: number | null;
  } | null;
}

export interface ImageFacts {
  kind: 'image';
  /** Lower-case format name, e.g. `jpeg`, `png`, `gif`. */
  format: string;
  sizeBytes: number | null;
  width: number | null;
  height: number | null;
}

export type MediaFacts = VideoFacts | ImageFacts;

/** One platform's verdict: hard limits broken are `errors`, recommendations not met `warnings`. */
export interface PlatformResult {
  valid: boolean;
  errors: string[];
  warnings: string[];
}

/** A verdict that is not about the file's properties (a failed item, a document, …). */
export function rejected(...errors: string[]): PlatformResult {
  return { valid: false, errors, warnings: [] };
}

/** Checks media facts against one platform's rules (PLATFORM_RULES unless given). Pure. */
export function evaluateMedia(
  facts: MediaFacts,
  platform: Platform,
  rules: PlatformRules = PLATFORM_RULES[platform],
): PlatformResult {
  const findings = new Findings(platform);
  if (facts.kind === 'video') {
    checkVideo(facts, rules.video, findings);
  } else if (rules.image === null) {
    findings.error(
      `${platform} does not publish images; only video can be posted there`,
    );
  } else {
    checkImage(facts, rules.image, findings);
  }
  return findings.result();
}

class Findings {
  private readonly errors: string[] = [];
  private readonly warnings: string[] = [];

  constructor(readonly platform: Platform) {}

  error(message: string): void {
    this.errors.push(message);
  }

  warning(message: string): void {
    this.warnings.push(message);
  }

  /** The possessive used in messages: "INSTAGRAM's". */
  get owner(): string {
    return `${this.platform}'s`;
  }

  result(): PlatformResult {
    return {
      valid: this.errors.length === 0,
      errors: this.errors,
      warnings: this.warnings,
    };
  }
}

function checkVideo(
  facts: VideoFacts,
  rules: VideoRules,
  findings: Findings,
): void {
  const { platform } = findings;
  checkAllowed(findings, 'Container', facts.container, rules.containers);
  checkAllowed(findings, 'Video codec', facts.videoCodec, rules.videoCodecs);
  if (
    rules.recommendedVideoCodec &&
    facts.videoCodec !== rules.recommendedVideoCodec
  ) {
    findings.warning(
      `Video codec ${facts.videoCodec}: ${platform} recommends ${rules.recommendedVideoCodec}`,
    );
  }
  if (rules.requires420) {
    if (facts.pixelFormat === null) {
      findings.warning(
        `Pixel format unknown: ${platform} requires 4:2:0 chroma subsampling`,
      );
    } else if (!isChroma420(facts.pixelFormat)) {
      findings.error(
        `Pixel format ${facts.pixelFormat} is not 4:2:0 chroma subsampling, which ${platform} requires`,
      );
    }
  }
  if (rules.requiresProgressive) {
    if (facts.scanType === null) {
      findings.warning(
        `Scan type unknown: ${platform} requires progressive (not interlaced) video`,
      );
    } else if (facts.scanType === 'interlaced') {
      findings.error(`Interlaced video: ${platform} requires progressive scan`);
    }
  }
  if (facts.audio !== null) {
    checkAudio(facts.audio, rules, findings);
  }
  checkSize(facts.sizeBytes, rules.sizeBytes, findings);
  checkDuration(facts.durationSeconds, rules, findings);
  checkAspect(facts.width, facts.height, rules.aspect, findings);
  checkRecommendedAspect(
    facts.width,
    facts.height,
    rules.recommendedAspect,
    findings,
  );
  checkWidth(facts.width, rules.width, findings);
  checkSides(facts.width, facts.height, rules.sidePixels, findings);
  checkResolution(facts.width, facts.height, rules, findings);
  checkFps(facts.fps, rules.fps, findings);
}

function checkAudio(
  audio: NonNullable<VideoFacts['audio']>,
  rules: VideoRules,
  findings: Findings,
): void {
  const { platform, owner } = findings;
  checkAllowed(findings, 'Audio codec', audio.codec, rules.audioCodecs);
  if (
    rules.recommendedAudioCodec &&
    audio.codec !== rules.recommendedAudioCodec
  ) {
    findings.warning(
      `Audio codec ${audio.codec}: ${platform} recommends ${rules.recommendedAudioCodec}`,
    );
  }
  if (rules.audioProfile && audio.codec === 'aac') {
    if (audio.profile === null) {
      findings.warning(
        `AAC profile unknown: ${platform} requires AAC-${rules.audioProfile}`,
      );
    } else if (audio.profile !== rules.audioProfile) {
      findings.error(
        `Audio profile AAC ${audio.profile}: ${platform} requires AAC-${rules.audioProfile}`,
      );
    }
  }
  const rate = rules.audioSampleRateHz;
  if (rate) {
    const limit = rate.exactly ?? rate.max!;
    if (audio.sampleRateHz === null) {
      findings.warning(
        `Audio sample rate unknown: ${platform} requires ${rate.exactly ? '' : 'at most '}${kHz(limit)}`,
      );
    } else if (rate.exactly && audio.sampleRateHz !== rate.exactly) {
      findings.error(
        `Audio sample rate ${kHz(audio.sampleRateHz)}: ${platform} requires ${kHz(rate.exactly)}`,
      );
    } else if (rate.max && audio.sampleRateHz > rate.max) {
      findings.error(
        `Audio sample rate ${kHz(audio.sampleRateHz)} is over ${owner} maximum of ${kHz(rate.max)}`,
      );
    }
  }
  const channels = rules.audioChannels;
  if (channels) {
    const allowed = `${channels.min}–${channels.max} (mono or stereo)`;
    if (audio.channels === null) {
      findings.warning(
        `Audio channel count unknown: ${platform} allows ${allowed}`,
      );
    } else if (!within(audio.channels, channels)) {
      findings.error(
        `Audio has ${audio.channels} channels: ${platform} allows ${allowed}`,
      );
    }
  }
}

function checkImage(
  facts: ImageFacts,
  rules: ImageRules,
  findings: Findings,
): void {
  const { platform, owner } = findings;
  if (rules.formats && !rules.formats.includes(facts.format as ImageFormat)) {
    findings.error(
      `Image format ${facts.format.toUpperCase()} is not accepted by ${platform} (accepted: ${rules.formats.map((format) => format.toUpperCase()).join(', ')})`,
    );
  }
  const maxBytes =
    rules.maxBytesByFormat?.[facts.format as ImageFormat] ??
    rules.sizeBytes?.max;
  checkSize(facts.sizeBytes, { ...rules.sizeBytes, max: maxBytes }, findings);
  if (facts.width === null || facts.height === null) {
    if (
      rules.aspect ||
      rules.width ||
      rules.resolution ||
      rules.maxPixelsExclusive
    ) {
      findings.warning(
        `Image dimensions unknown: ${platform}'s size and aspect limits were not checked`,
      );
    }
  } else {
    const { width, height } = facts;
    checkAspect(width, height, rules.aspect, findings);
    checkRecommendedAspect(width, height, rules.recommendedAspect, findings);
    if (rules.widthRescaled && rules.width && !within(width, rules.width)) {
      findings.warning(
        `Width ${width} px: ${platform} rescales images to ${rules.width.min}–${rules.width.max} px wide`,
      );
    } else {
      checkWidth(width, rules.width, findings);
    }
    if (rules.resolution) {
      const [long, short] = sorted(width, height);
      const [maxLong, maxShort] = rules.resolution.max;
      if (long > maxLong || short > maxShort) {
        findings.error(
          `Resolution ${width}×${height}: ${platform} allows images up to ${rules.resolution.label} (${maxLong}×${maxShort}, either orientation)`,
        );
      }
    }
    if (
      rules.maxPixelsExclusive &&
      width * height >= rules.maxPixelsExclusive
    ) {
      findings.error(
        `Image has ${count(width * height)} pixels (${width}×${height}): ${owner} limit is fewer than ${count(rules.maxPixelsExclusive)}`,
      );
    }
  }
  if (rules.maxGifFrames && facts.format === 'gif') {
    findings.warning(
      `${platform} accepts GIFs of at most ${rules.maxGifFrames} frames; the frame count was not checked`,
    );
  }
}

function checkAllowed(
  findings: Findings,
  what: string,
  value: string,
  allowed: readonly string[] | undefined,
): void {
  if (allowed && !allowed.includes(value)) {
    findings.error(
      `${what} ${value} is not accepted by ${findings.platform} (accepted: ${allowed.join(', ')})`,
    );
  }
}

function checkSize(
  sizeBytes: number | null,
  limits: Range | undefined,
  findings: Findings,
): void {
  if (!limits || (limits.min === undefined && limits.max === undefined)) {
    return;
  }
  const { owner } = findings;
  if (sizeBytes === null) {
    findings.warning(`File size unknown: ${owner} size limit was not checked`);
  } else if (limits.max !== undefined && sizeBytes > limits.max) {
    findings.error(
      `File size ${against(sizeBytes, limits.max, bytes)} is over ${owner} maximum of ${bytes(limits.max)}`,
    );
  } else if (limits.min !== undefined && sizeBytes < limits.min) {
    findings.error(
      `File size ${against(sizeBytes, limits.min, bytes)} is below ${owner} minimum of ${bytes(limits.min)}`,
    );
  }
}

function checkDuration(
  duration: number | null,
  rules: VideoRules,
  findings: Findings,
): void {
  const { owner, platform } = findings;
  const limits = rules.durationSeconds;
  if (duration === null) {
    if (limits) {
      findings.warning(
        `Duration unknown: ${owner} duration limits were not checked`,
      );
    }
    return;
  }
  if (limits?.min !== undefined && duration < limits.min) {
    findings.error(
      `Duration ${against(duration, limits.min, seconds)} is below ${owner} minimum of ${span(limits.min)}`,
    );
  }
  if (limits?.max !== undefined && duration > limits.max) {
    findings.error(
      `Duration ${against(duration, limits.max, seconds)} is over ${owner} maximum of ${span(limits.max)}`,
    );
  }
  const advisedMin = rules.recommendedMinDurationSeconds;
  if (advisedMin !== undefined && duration < advisedMin) {
    findings.warning(
      `Duration ${against(duration, advisedMin, seconds)}: ${platform} advises at least ${span(advisedMin)}`,
    );
  }
  const conditional = rules.conditionalMaxDuration;
  if (
    conditional &&
    duration > conditional.seconds &&
    (limits?.max === undefined || duration <= limits.max)
  ) {
    findings.warning(
      `Duration ${against(duration, conditional.seconds, seconds)}: ${platform} accepts videos over ${span(conditional.seconds)} ${conditional.condition}`,
    );
  }
}

function checkAspect(
  width: number,
  height: number,
  limits: AspectRange | undefined,
  findings: Findings,
): void {
  if (!limits) {
    return;
  }
  const ratio = width / height;
  const note = limits.note ? `, ${limits.note}` : '';
  if (limits.max && exceeds(ratio, quotient(limits.max))) {
    findings.error(
      `Aspect ratio ${aspectOf(width, height)} (${width}×${height}) is wider than ${findings.platform} allows (at most ${label(limits.max)}${note})`,
    );
  }
  if (limits.min && exceeds(quotient(limits.min), ratio)) {
    findings.error(
      `Aspect ratio ${aspectOf(width, height)} (${width}×${height}) is taller than ${findings.platform} allows (at least ${label(limits.min)}${note})`,
    );
  }
}

/** Within 1 %: encoders round frame sizes to even numbers or multiples of 16. */
const RECOMMENDED_ASPECT_TOLERANCE = 0.01;

function checkRecommendedAspect(
  width: number,
  height: number,
  recommended: { ratio: Dimensions; note?: string } | undefined,
  findings: Findings,
): void {
  if (!recommended) {
    return;
  }
  const target = quotient(recommended.ratio);
  if (
    Math.abs(width / height - target) / target >
    RECOMMENDED_ASPECT_TOLERANCE
  ) {
    const note = recommended.note ? ` ${recommended.note}` : '';
    findings.warning(
      `Aspect ratio ${aspectOf(width, height)} (${width}×${height}): ${findings.platform} recommends ${label(recommended.ratio)}${note}`,
    );
  }
}

function checkWidth(
  width: number,
  limits: Range | undefined,
  findings: Findings,
): void {
  const { owner } = findings;
  if (limits?.max !== undefined && width > limits.max) {
    findings.error(
      `Width ${width} px is over ${owner} maximum of ${limits.max} px`,
    );
  }
  if (limits?.min !== undefined && width < limits.min) {
    findings.error(
      `Width ${width} px is below ${owner} minimum of ${limits.min} px`,
    );
  }
}

function checkSides(
  width: number,
  height: number,
  limits: Range | undefined,
  findings: Findings,
): void {
  const { platform } = findings;
  const [long, short] = sorted(width, height);
  if (limits?.max !== undefined && long > limits.max) {
    findings.error(
      `Resolution ${width}×${height}: ${platform} allows at most ${limits.max} px per side`,
    );
  }
  if (limits?.min !== undefined && short < limits.min) {
    findings.error(
      `Resolution ${width}×${height}: ${platform} requires at least ${limits.min} px per side`,
    );
  }
}

function checkResolution(
  width: number,
  height: number,
  rules: VideoRules,
  findings: Findings,
): void {
  const { platform } = findings;
  const [long, short] = sorted(width, height);
  const { min, max } = rules.resolution ?? {};
  if (max && (long > max[0] || short > max[1])) {
    findings.error(
      `Resolution ${width}×${height}: ${platform} allows at most ${max[0]}×${max[1]} (either orientation)`,
    );
  }
  if (min && (long < min[0] || short < min[1])) {
    findings.error(
      `Resolution ${width}×${height}: ${platform} requires at least ${min[0]}×${min[1]} (either orientation)`,
    );
  }
  const advised = rules.recommendedMaxResolution;
  if (
    advised &&
    (long > advised[0] || short > advised[1]) &&
    !(max && (long > max[0] || short > max[1]))
  ) {
    findings.warning(
      `Resolution ${width}×${height}: ${platform} recommends at most ${advised[0]}×${advised[1]} (either orientation)`,
    );
  }
}

function checkFps(
  fps: number | null,
  limits: Range | undefined,
  findings: Findings,
): void {
  if (!limits) {
    return;
  }
  const { owner } = findings;
  if (fps === null) {
    findings.warning(
      `Frame rate unknown: ${owner} frame rate limits were not checked`,
    );
  } else if (limits.max !== undefined && fps > limits.max) {
    findings.error(
      `Frame rate ${round(fps, 3)} fps is over ${owner} maximum of ${limits.max} fps`,
    );
  } else if (limits.min !== undefined && fps < limits.min) {
    findings.error(
      `Frame rate ${round(fps, 3)} fps is below ${owner} minimum of ${limits.min} fps`,
    );
  }
}

/** yuv420p, yuvj420p, yuv420p10le, nv12, nv21, … */
export function isChroma420(pixelFormat: string): boolean {
  return /420|^nv[12][12]/.test(pixelFormat);
}

function within(value: number, range: Range): boolean {
  return (
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max)
  );
}

/**
 * `a > b` beyond floating-point noise, so a frame exactly at a limit written as a decimal
 * (1.91:1, 1:2.4) is inside it.
 */
function exceeds(a: number, b: number): boolean {
  return a > b * (1 + 1e-9);
}

function quotient([width, height]: Dimensions): number {
  return width / height;
}

function sorted(width: number, height: number): [number, number] {
  return width >= height ? [width, height] : [height, width];
}

function label([width, height]: Dimensions): string {
  return `${width}:${height}`;
}

/** 320×180 → "1.78:1"; 1080×1920 → "1:1.78". */
function aspectOf(width: number, height: number): string {
  return width >= height
    ? `${round(width / height, 2)}:1`
    : `1:${round(height / width, 2)}`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function seconds(value: number, precise = false): string {
  return `${value.toFixed(precise ? 3 : 1)} s`;
}

/** A limit as platforms write it: "3 s", "140 s", "15 min", "12 h". */
function span(limit: number): string {
  if (limit >= 3_600 && limit % 3_600 === 0) {
    return `${limit / 3_600} h`;
  }
  if (limit >= 60 && limit % 60 === 0) {
    return `${limit / 60} min`;
  }
  return `${limit} s`;
}

/** Platforms state their limits in decimal units; `precise` shows every byte. */
function bytes(value: number, precise = false): string {
  return precise ? `${count(value)} bytes` : formatBytes(value, 'decimal');
}

/**
 * A value shown beside the limit it broke, precisely enough to differ from it: 300,000,001 bytes
 * rounds to "300 MB", which would read as inside a 300 MB limit.
 */
function against(
  value: number,
  limit: number,
  format: (value: number, precise?: boolean) => string,
): string {
  const shown = format(value);
  return shown === format(limit) ? format(value, true) : shown;
}

function kHz(hz: number): string {
  return `${round(hz / 1_000, 2)} kHz`;
}
