import { Media } from '../media/media.entity.js';
import { storedVideoFacts } from './media-facts.js';
import { platformsToValidate } from './pending-platforms.js';

function media(fields: Partial<Media>): Media {
  return Object.assign(new Media(), {
    validationPlatforms: null,
    targetPlatforms: null,
    validationResults: null,
    ...fields,
  });
}

describe('platformsToValidate', () => {
  it('is nothing for an item never asked to validate', () => {
    expect(platformsToValidate(media({}))).toEqual([]);
  });

  it('is the requested platforms', () => {
    expect(
      platformsToValidate(media({ validationPlatforms: ['TIKTOK', 'X'] })),
    ).toEqual(['TIKTOK', 'X']);
  });

  it('adds upload targets without a result, once', () => {
    expect(
      platformsToValidate(
        media({
          validationPlatforms: ['X'],
          targetPlatforms: ['X', 'INSTAGRAM', 'TIKTOK'],
          validationResults: {
            TIKTOK: { valid: true, errors: [], warnings: [] },
          },
        }),
      ),
    ).toEqual(['X', 'INSTAGRAM']);
  });

  it('is nothing once every target has a result', () => {
    expect(
      platformsToValidate(
        media({
          targetPlatforms: ['TIKTOK'],
          validationResults: {
            processing: { valid: false, errors: ['broken'] },
            TIKTOK: { valid: false, errors: ['x'], warnings: [] },
          },
        }),
      ),
    ).toEqual([]);
  });
});

describe('storedVideoFacts', () => {
  const processed = (video: Record<string, unknown>) =>
    media({
      sizeBytes: 1_000,
      videoCodec: 'h264',
      videoWidth: 180,
      videoHeight: 320,
      videoDuration: 1,
      metadata: { source: 'upload', video },
    });
  const VIDEO = {
    fps: 25,
    bitrate: 300_000,
    audioCodec: 'aac',
    container: 'mp4',
    rotation: 90,
    pixelFormat: 'yuv420p',
    scanType: 'progressive',
    audioProfile: 'LC',
    audioSampleRateHz: 48_000,
    audioChannels: 1,
  };

  it('reads display dimensions and the stored probe facts', () => {
    expect(storedVideoFacts(processed(VIDEO))).toEqual({
      kind: 'video',
      sizeBytes: 1_000,
      container: 'mp4',
      videoCodec: 'h264',
      width: 180,
      height: 320,
      durationSeconds: 1,
      fps: 25,
      pixelFormat: 'yuv420p',
      scanType: 'progressive',
      audio: {
        codec: 'aac',
        profile: 'LC',
        sampleRateHz: 48_000,
        channels: 1,
      },
    });
  });

  it('treats a silent video as having no audio', () => {
    expect(
      storedVideoFacts(processed({ ...VIDEO, audioCodec: null }))?.audio,
    ).toBeNull();
  });

  it('is null for an item processed before the rule facts were stored', () => {
    const { pixelFormat: _dropped, ...older } = VIDEO;
    expect(storedVideoFacts(processed(older))).toBeNull();
    expect(
      storedVideoFacts(
        media({ videoCodec: 'h264', metadata: { source: 'external' } }),
      ),
    ).toBeNull();
  });
});
