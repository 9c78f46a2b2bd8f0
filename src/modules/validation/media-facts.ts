import type { Media } from '../media/media.entity.js';
import type { VideoInfo } from '../../infra/video/video-info.js';
import {
  storedVideoMetadata,
  type StoredVideoMetadata,
} from '../media/video-metadata.js';
import type { ImageFacts, VideoFacts } from './evaluate-media.js';

/** Facts that items processed before platform validation existed do not have: their presence means "probed with them". */
const RULE_FACTS = [
  'pixelFormat',
  'scanType',
  'audioProfile',
  'audioSampleRateHz',
  'audioChannels',
] as const satisfies ReadonlyArray<keyof StoredVideoMetadata>;

/**
 * The video facts stored on a processed item, or null when some the rules need are missing (an
 * item processed before they were recorded), so it has to be probed again.
 */
export function storedVideoFacts(media: Media): VideoFacts | null {
  const video = media.metadata.video as
    Partial<StoredVideoMetadata> | undefined;
  if (
    video === undefined ||
    RULE_FACTS.some((key) => !(key in video)) ||
    media.videoCodec === null ||
    media.videoWidth === null ||
    media.videoHeight === null
  ) {
    return null;
  }
  const stored = video as StoredVideoMetadata;
  return {
    kind: 'video',
    sizeBytes: media.sizeBytes,
    container: stored.container,
    videoCodec: media.videoCodec,
    width: media.videoWidth,
    height: media.videoHeight,
    durationSeconds: media.videoDuration,
    fps: stored.fps,
    pixelFormat: stored.pixelFormat,
    scanType: stored.scanType,
    audio:
      stored.audioCodec === null
        ? null
        : {
            codec: stored.audioCodec,
            profile: stored.audioProfile,
            sampleRateHz: stored.audioSampleRateHz,
            channels: stored.audioChannels,
          },
  };
}

/**
 * The facts of a freshly probed file, such as a rendition before it is published: checked with the
 * same evaluator as an uploaded item. `sizeBytes` is the file's size on disk, which ffprobe does not
 * always report.
 */
export function videoFactsFromInfo(
  info: VideoInfo,
  sizeBytes: number,
): VideoFacts {
  return {
    kind: 'video',
    sizeBytes,
    container: info.container,
    videoCodec: info.codec,
    width: info.width,
    height: info.height,
    durationSeconds: info.durationSeconds,
    fps: info.fps,
    pixelFormat: info.pixelFormat,
    scanType: info.scanType,
    audio:
      info.audioCodec === null
        ? null
        : {
            codec: info.audioCodec,
            profile: info.audioProfile,
            sampleRateHz: info.audioSampleRateHz,
            channels: info.audioChannels,
          },
  };
}

/** What a fresh probe changes on an item whose stored facts were incomplete. */
export function reprobedVideoFields(
  media: Media,
  info: VideoInfo,
): Partial<Media> {
  return {
    videoDuration: info.durationSeconds,
    videoCodec: info.codec,
    videoWidth: info.width,
    videoHeight: info.height,
    metadata: { ...media.metadata, video: storedVideoMetadata(info) },
  };
}

/**
 * Image facts as processing left them: `contentType` is the detected format (JPEG after
 * normalisation, GIF kept; an image that cannot be normalised is FAILED). Registered external images
 * have no size or dimensions; the rules that need them become warnings.
 */
export function imageFacts(media: Media): ImageFacts {
  return {
    kind: 'image',
    format: media.contentType.replace(/^image\//, '').toLowerCase(),
    sizeBytes: media.sizeBytes,
    width: media.width,
    height: media.height,
  };
}
