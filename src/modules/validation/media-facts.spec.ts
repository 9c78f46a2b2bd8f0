import type { VideoInfo } from '../../infra/video/video-info.js';
import { evaluateMedia } from './evaluate-media.js';
import { videoFactsFromInfo } from './media-facts.js';

/** A 9:16 H.264/AAC rendition as `VideoAdapter.probe` reports it. */
const INFO: VideoInfo = {
  durationSeconds: 12.5,
  codec: 'h264',
  width: 1080,
  height: 1920,
  fps: 30,
  bitrate: 4_000_000,
  pixelFormat: 'yuv420p',
  scanType: 'progressive',
  audioCodec: 'aac',
  audioProfile: 'LC',
  audioSampleRateHz: 48_000,
  audioChannels: 2,
  sizeBytes: null,
  container: 'mp4',
  rotation: 0,
};

describe('videoFactsFromInfo', () => {
  it('carries every fact the rules read, with the size given rather than probed', () => {
    expect(videoFactsFromInfo(INFO, 6_250_000)).toEqual({
      kind: 'video',
      sizeBytes: 6_250_000,
      container: 'mp4',
      videoCodec: 'h264',
      width: 1080,
      height: 1920,
      durationSeconds: 12.5,
      fps: 30,
      pixelFormat: 'yuv420p',
      scanType: 'progressive',
      audio: { codec: 'aac', profile: 'LC', sampleRateHz: 48_000, channels: 2 },
    });
  });

  it('a silent video has no audio facts, so audio rules do not apply', () => {
    const facts = videoFactsFromInfo(
      {
        ...INFO,
        audioCodec: null,
        audioProfile: null,
        audioSampleRateHz: null,
        audioChannels: null,
      },
      1_000,
    );
    expect(facts.audio).toBeNull();
    expect(evaluateMedia(facts, 'X').valid).toBe(true);
  });

  it('is judged by the evaluator like a stored item: the size given is checked', () => {
    expect(
      evaluateMedia(videoFactsFromInfo(INFO, 100_000_001), 'INSTAGRAM_STORY')
        .errors,
    ).toEqual([
      "File size 100,000,001 bytes is over INSTAGRAM_STORY's maximum of 100 MB",
    ]);
  });
});
