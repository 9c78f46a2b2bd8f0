import type { VideoInfo } from '../../infra/video/video-info.js';

/** `metadata.video` of a processed video: what the API shows and what the platform rules read. */
export interface StoredVideoMetadata {
  fps: number | null;
  bitrate: number | null;
  audioCodec: string | null;
  container: string;
  rotation: number;
  pixelFormat: string | null;
  scanType: VideoInfo['scanType'];
  audioProfile: string | null;
  audioSampleRateHz: number | null;
  audioChannels: number | null;
}

export function storedVideoMetadata(info: VideoInfo): StoredVideoMetadata {
  return {
    fps: info.fps,
    bitrate: info.bitrate,
    audioCodec: info.audioCodec,
    container: info.container,
    rotation: info.rotation,
    pixelFormat: info.pixelFormat,
    scanType: info.scanType,
    audioProfile: info.audioProfile,
    audioSampleRateHz: info.audioSampleRateHz,
    audioChannels: info.audioChannels,
  };
}
