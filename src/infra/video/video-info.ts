import { VideoProbeError } from './video-probe.error.js';

/** What the rest of the application knows about a video; nothing ffprobe-shaped leaks past this type. */
export interface VideoInfo {
  durationSeconds: number | null;
  /** ffprobe codec name of the first video stream: h264, hevc, vp9, av1, mpeg4, … */
  codec: string;
  /** Display width: stored width, or stored height when the video is turned 90° or 270°. */
  width: number;
  /** Display height, rotation applied like `width`. */
  height: number;
  /** Average frame rate, falling back to the nominal rate; null when the container does not say. */
  fps: number | null;
  /** Bits per second of the video stream, else of the whole file; null when unknown. */
  bitrate: number | null;
  /** ffprobe pixel format of the video stream (yuv420p, yuv422p10le, …); null when not reported. */
  pixelFormat: string | null;
  /** From the stream's field order; null when ffprobe cannot tell (common for VP9 and MPEG-4 part 2). */
  scanType: 'progressive' | 'interlaced' | null;
  audioCodec: string | null;
  /** Codec profile of the first audio stream, e.g. `LC` or `HE-AAC` for AAC. */
  audioProfile: string | null;
  audioSampleRateHz: number | null;
  audioChannels: number | null;
  /** Size of the probed file in bytes as ffprobe saw it; null when the source does not say. */
  sizeBytes: number | null;
  /** A friendly container name: mp4, mov, 3gp, 3g2, webm, avi, or ffprobe's own name for others. */
  container: string;
  /** Clockwise degrees a player turns the stored frames to show them upright. */
  rotation: VideoRotation;
}

export type VideoRotation = 0 | 90 | 180 | 270;

/** The parts of `ffprobe -print_format json -show_format -show_streams` output that are read. */
export interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: FfprobeFormat;
}

export interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  bit_rate?: string;
  duration?: string;
  /** Frames the container's index lists (MP4's sample table); absent when it does not say. */
  nb_frames?: string;
  pix_fmt?: string;
  field_order?: string;
  profile?: string;
  sample_rate?: string;
  channels?: number;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: Array<{
    side_data_type?: string;
    rotation?: number | string;
  }>;
}

export interface FfprobeFormat {
  format_name?: string;
  duration?: string;
  bit_rate?: string;
  size?: string;
  tags?: { major_brand?: string };
}

export function toVideoInfo(probe: FfprobeOutput): VideoInfo {
  const streams = probe.streams ?? [];
  const video = streams.find(
    (stream) =>
      stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1,
  );
  if (video === undefined) {
    throw new VideoProbeError(
      'no_video_stream',
      'the file has no video stream',
    );
  }
  if (!video.width || !video.height) {
    throw new VideoProbeError(
      'unreadable',
      'ffprobe could not read the frame size of the video stream',
    );
  }
  const audio = streams.find((stream) => stream.codec_type === 'audio');
  const rotation = displayRotation(video);
  const turnedSideways = rotation === 90 || rotation === 270;
  return {
    durationSeconds: trustedDuration(probe.format?.duration, streams),
    codec: video.codec_name ?? 'unknown',
    width: turnedSideways ? video.height : video.width,
    height: turnedSideways ? video.width : video.height,
    fps: trustedFrameRate(video),
    bitrate: wholeNumber(video.bit_rate) ?? wholeNumber(probe.format?.bit_rate),
    pixelFormat: video.pix_fmt ?? null,
    scanType: scanType(video.field_order),
    audioCodec: audio?.codec_name ?? null,
    audioProfile: audio?.profile ?? null,
    audioSampleRateHz: wholeNumber(audio?.sample_rate),
    audioChannels: audio?.channels || null,
    sizeBytes: wholeNumber(probe.format?.size),
    container: containerName(
      probe.format?.format_name,
      probe.format?.tags?.major_brand,
    ),
    rotation,
  };
}

/** Two claims about one quantity disagree: by more than 10 %, and by more than half a unit. */
function disagree(claimed: number, measured: number): boolean {
  const difference = Math.abs(claimed - measured);
  return difference > 0.5 && difference > 0.1 * measured;
}

/**
 * The container's duration (MP4's `mvhd`, which covers every stream) unless the streams say
 * otherwise: a file's header is a claim anyone can write, and a 2 s clip whose `mvhd` says 10 hours
 * must not be reported, validated or billed as 10 hours. The longest stream stands for the streams
 * (a soundtrack may outlast the picture); without stream durations (common in WebM) the container's
 * word is all there is.
 */
export function trustedDuration(
  containerDuration: string | undefined,
  streams: FfprobeStream[],
): number | null {
  const claimed = positiveNumber(containerDuration);
  const streamDurations = streams
    .map((stream) => positiveNumber(stream.duration))
    .filter((duration) => duration !== null);
  if (streamDurations.length === 0) {
    return claimed;
  }
  const longest = Math.max(...streamDurations);
  return claimed === null || disagree(claimed, longest) ? longest : claimed;
}

/**
 * The stream's average frame rate (else its nominal one), unless the frames it holds over its own
 * duration say otherwise: sample durations are claims too, and 50 frames stretched over 10 hours
 * ("0.001 fps") would pass or fail platform rules on a number no player shows.
 */
export function trustedFrameRate(video: FfprobeStream): number | null {
  const claimed =
    parseFrameRate(video.avg_frame_rate) ?? parseFrameRate(video.r_frame_rate);
  const frames = wholeNumber(video.nb_frames);
  const duration = positiveNumber(video.duration);
  if (frames === null || duration === null) {
    return claimed;
  }
  const counted = Math.round((frames / duration) * 1000) / 1000;
  return claimed === null || disagree(claimed, counted) ? counted : claimed;
}

/**
 * Two places hold the rotation. Since ffmpeg 5 it is the display matrix side data, whose `rotation` is
 * counter-clockwise (a phone's portrait recording reads -90). Older ffmpeg builds expose the legacy
 * `rotate` tag instead, which is clockwise (the same recording reads "90"). Both are normalised to
 * clockwise degrees, snapped to a quarter turn; the matrix wins when both are present.
 */
export function displayRotation(stream: FfprobeStream): VideoRotation {
  const matrix = stream.side_data_list?.find(
    (sideData) =>
      sideData.side_data_type === 'Display Matrix' &&
      sideData.rotation !== undefined,
  );
  const matrixRotation = Number(matrix?.rotation);
  if (Number.isFinite(matrixRotation)) {
    return quarterTurnsClockwise(-matrixRotation);
  }
  const tagRotation = Number(stream.tags?.rotate);
  if (stream.tags?.rotate !== undefined && Number.isFinite(tagRotation)) {
    return quarterTurnsClockwise(tagRotation);
  }
  return 0;
}

function quarterTurnsClockwise(degrees: number): VideoRotation {
  const quarterTurns = Math.round(degrees / 90);
  return ((((quarterTurns % 4) + 4) % 4) * 90) as VideoRotation;
}

/**
 * ffprobe's field order: `progressive`, or the field layout of interlaced video (`tt`, `bb`, `tb`,
 * `bt`); `unknown` or absent when the bitstream does not say.
 */
export function scanType(
  fieldOrder: string | undefined,
): VideoInfo['scanType'] {
  if (fieldOrder === 'progressive') {
    return 'progressive';
  }
  return ['tt', 'bb', 'tb', 'bt'].includes(fieldOrder ?? '')
    ? 'interlaced'
    : null;
}

/** "30000/1001" → 29.97; "0/0" (ffprobe's "unknown") → null. */
export function parseFrameRate(rate: string | undefined): number | null {
  const match = /^(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(rate ?? '');
  if (match === null) {
    return null;
  }
  const numerator = Number(match[1]);
  const denominator = match[2] === undefined ? 1 : Number(match[2]);
  if (numerator === 0 || denominator === 0) {
    return null;
  }
  return Math.round((numerator / denominator) * 1000) / 1000;
}

/**
 * ffprobe names demuxers, not containers: one ISO-BMFF demuxer reads MP4, QuickTime and 3GPP alike, so
 * the `ftyp` major brand tells them apart (classic QuickTime files have no `ftyp` at all). Matroska
 * proper is refused earlier by content sniffing (its EBML DocType), so `matroska,webm` here is WebM.
 */
export function containerName(
  formatName: string | undefined,
  majorBrand: string | undefined,
): string {
  const demuxers = (formatName ?? '').split(',');
  if (demuxers.includes('mov') || demuxers.includes('mp4')) {
    const brand = (majorBrand ?? '').trim().toLowerCase();
    if (brand === '' || brand === 'qt') {
      return 'mov';
    }
    if (brand.startsWith('3g2')) {
      return '3g2';
    }
    if (brand.startsWith('3g')) {
      return '3gp';
    }
    return 'mp4';
  }
  if (demuxers.includes('webm')) {
    return 'webm';
  }
  return demuxers[0] || 'unknown';
}

function positiveNumber(value: string | undefined): number | null {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) && parsed > 0
    ? parsed
    : null;
}

function wholeNumber(value: string | undefined): number | null {
  const parsed = positiveNumber(value);
  return parsed === null ? null : Math.round(parsed);
}
