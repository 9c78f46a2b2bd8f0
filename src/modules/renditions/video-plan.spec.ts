import {
  evaluateMedia,
  type VideoFacts,
} from '../validation/evaluate-media.js';
import {
  PLATFORM_RULES,
  type VideoRules,
} from '../validation/platform-rules.js';
import { PLATFORMS, type Platform } from '../validation/platforms.js';
import {
  bitrateForSizeCap,
  loweredBitrateChange,
  planVideoRendition,
  predictedFacts,
  type RenditionOptions,
  type VideoPlan,
} from './video-plan.js';

/** A 10 s 1920×1080 30 fps H.264/AAC mp4 of 20 MB: landscape, which vertical feeds do not want. */
const SOURCE: VideoFacts = {
  kind: 'video',
  sizeBytes: 20_000_000,
  container: 'mp4',
  videoCodec: 'h264',
  width: 1920,
  height: 1080,
  durationSeconds: 10,
  fps: 30,
  pixelFormat: 'yuv420p',
  scanType: 'progressive',
  audio: { codec: 'aac', profile: 'LC', sampleRateHz: 48_000, channels: 2 },
};

const PAD: RenditionOptions = { fit: 'pad', trim: true };
const CROP: RenditionOptions = { fit: 'crop', trim: true };

function transcode(
  changes: Partial<VideoFacts>,
  platform: Platform,
  options: RenditionOptions = PAD,
  rules?: VideoRules,
): Extract<VideoPlan, { kind: 'transcode' }> {
  const plan = planVideoRendition(
    { ...SOURCE, ...changes },
    platform,
    options,
    rules,
  );
  if (plan.kind !== 'transcode') {
    throw new Error(`expected a transcode, got: ${plan.reason}`);
  }
  return plan;
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

describe('planVideoRendition', () => {
  it('a VP8 WebM 16:9 for INSTAGRAM: H.264 MP4 padded into a 1080×1920 frame, the whole command', () => {
    const plan = transcode(
      {
        container: 'webm',
        videoCodec: 'vp8',
        audio: {
          codec: 'vorbis',
          profile: null,
          sampleRateHz: 48_000,
          channels: 2,
        },
      },
      'INSTAGRAM',
    );
    expect(plan.changes).toEqual([
      'transcoded vp8 → h264',
      'container webm → mp4',
      'padded 16:9 → 9:16',
      'scaled 1920×1080 → 1080×1920',
      'audio vorbis → aac',
    ]);
    expect(plan.output).toEqual({
      width: 1080,
      height: 1920,
      fps: null,
      durationSeconds: 10,
      audio: { channels: 2, sampleRateHz: 48_000, bitsPerSecond: 128_000 },
      sizeCapBytes: 300_000_000,
      videoBitrate: null,
    });
    expect(plan.outputArguments()).toEqual([
      '-map',
      '0:V:0',
      '-map',
      '0:a:0?',
      '-map_metadata',
      '-1',
      '-map_chapters',
      '-1',
      '-sn',
      '-dn',
      '-vf',
      'scale=1080:608,pad=1080:1920:(ow-iw)/2:(oh-ih)/2:black,setsar=1',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '21',
      '-pix_fmt',
      'yuv420p',
      '-g',
      '60',
      '-flags:v',
      '+cgop',
      '-c:a',
      'aac',
      '-profile:a',
      'aac_low',
      '-b:a',
      '128000',
      '-ac',
      '2',
      '-ar',
      '48000',
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
    ]);
  });

  describe('framing', () => {
    it('4:3 H.264 for YOUTUBE_SHORTS, padded: the frame keeps the short side (480×854)', () => {
      const plan = transcode({ width: 640, height: 480 }, 'YOUTUBE_SHORTS');
      expect(plan.output).toMatchObject({ width: 480, height: 854 });
      expect(plan.changes).toEqual([
        'padded 4:3 → 9:16',
        'scaled 640×480 → 480×854',
      ]);
      expect(option(plan.outputArguments(), '-vf')).toBe(
        'scale=480:360,pad=480:854:(ow-iw)/2:(oh-ih)/2:black,setsar=1',
      );
    });

    it('4:3 H.264 for YOUTUBE_SHORTS, cropped: the centred 9:16 region, not upscaled', () => {
      const plan = transcode(
        { width: 640, height: 480 },
        'YOUTUBE_SHORTS',
        CROP,
      );
      expect(plan.output).toMatchObject({ width: 270, height: 480 });
      expect(plan.changes).toEqual(['cropped 4:3 → 9:16']);
      expect(option(plan.outputArguments(), '-vf')).toBe(
        'crop=270:480,setsar=1',
      );
    });

    it('a 4K crop is scaled down to 1080×1920 after cropping', () => {
      const plan = transcode({ width: 3840, height: 2160 }, 'INSTAGRAM', CROP);
      expect(plan.output).toMatchObject({ width: 1080, height: 1920 });
      expect(plan.changes).toEqual([
        'cropped 16:9 → 9:16',
        'scaled 3840×2160 → 1080×1920',
      ]);
      expect(option(plan.outputArguments(), '-vf')).toBe(
        'crop=1216:2160,scale=1080:1920,setsar=1',
      );
    });

    it.each([
      'INSTAGRAM',
      'INSTAGRAM_STORY',
      'TIKTOK',
      'YOUTUBE_SHORTS',
      'FACEBOOK',
    ] as const)('%s frames the rendition at 9:16', (platform) => {
      const { output } = transcode({}, platform);
      expect(output.width / output.height).toBeCloseTo(9 / 16, 2);
    });

    it('a source already at the recommended aspect is not reframed', () => {
      const plan = transcode(
        { width: 1080, height: 1920, videoCodec: 'vp9', container: 'webm' },
        'INSTAGRAM',
      );
      expect(plan.output).toMatchObject({ width: 1080, height: 1920 });
      expect(plan.changes).toEqual([
        'transcoded vp9 → h264',
        'container webm → mp4',
      ]);
      expect(option(plan.outputArguments(), '-vf')).toBe('setsar=1');
    });

    it('without a recommended aspect, a frame outside the range moves to the nearest bound (X: 4:1 → 3:1)', () => {
      const padded = transcode({ width: 1600, height: 400 }, 'X');
      expect(padded.output).toMatchObject({ width: 1200, height: 400 });
      expect(padded.changes).toEqual([
        'padded 4:1 → 3:1',
        'scaled 1600×400 → 1200×400',
      ]);
      const cropped = transcode({ width: 1600, height: 400 }, 'X', CROP);
      expect(cropped.output).toMatchObject({ width: 1200, height: 400 });
      expect(cropped.changes).toEqual(['cropped 4:1 → 3:1']);
    });

    it('names an uncommon ratio by its value', () => {
      const plan = transcode({ width: 1000, height: 200 }, 'LINKEDIN');
      expect(plan.changes[0]).toBe('padded 5:1 → 2.4:1');
      const odd = transcode({ width: 1300, height: 400 }, 'X', CROP);
      expect(odd.changes[0]).toBe('cropped 3.25:1 → 3:1');
    });

    it('a source inside the range keeps its aspect where nothing is recommended (THREADS)', () => {
      const plan = transcode({ width: 640, height: 480 }, 'THREADS');
      expect(plan.output).toMatchObject({ width: 640, height: 480 });
      expect(plan.changes).toEqual(['re-encoded as H.264/AAC MP4']);
    });

    it('a frame made exactly at an aspect bound stays inside it after rounding to even sides', () => {
      // 480 × 16/9 = 853.3 rounds to 854, which is taller than 9:16 allows.
      const rules: VideoRules = {
        sizeBytes: {},
        aspect: { min: [9, 16], max: [16, 9] },
        recommendedAspect: { ratio: [9, 16] },
      };
      const plan = transcode(
        { width: 640, height: 480 },
        'FACEBOOK',
        PAD,
        rules,
      );
      expect(plan.output).toMatchObject({ width: 480, height: 852 });
    });
  });

  describe('frame size', () => {
    it('4K for THREADS: 1920 px wide at most', () => {
      const plan = transcode({ width: 3840, height: 2160 }, 'THREADS');
      expect(plan.output).toMatchObject({ width: 1920, height: 1080 });
      expect(plan.changes).toEqual(['scaled 3840×2160 → 1920×1080']);
    });

    it('4K for INSTAGRAM: padded to 9:16 and scaled to 1080×1920', () => {
      const plan = transcode({ width: 3840, height: 2160 }, 'INSTAGRAM');
      expect(plan.output).toMatchObject({ width: 1080, height: 1920 });
      expect(plan.changes).toEqual([
        'padded 16:9 → 9:16',
        'scaled 3840×2160 → 1080×1920',
      ]);
    });

    it('4K for TIKTOK, which allows 4096 px: still 1920 on the long side', () => {
      const plan = transcode({ width: 2160, height: 3840 }, 'TIKTOK');
      expect(plan.output).toMatchObject({ width: 1080, height: 1920 });
    });

    it('a tiny 200×150 for LINKEDIN is upscaled to its 256×144 minimum, keeping 4:3', () => {
      const plan = transcode({ width: 200, height: 150 }, 'LINKEDIN');
      expect(plan.output).toMatchObject({ width: 256, height: 192 });
      expect(plan.changes).toEqual(['scaled 200×150 → 256×192']);
      expect(option(plan.outputArguments(), '-vf')).toBe(
        'scale=256:192,setsar=1',
      );
    });

    it('a small 16:9 for TIKTOK is padded, then upscaled to 360 px per side', () => {
      const plan = transcode({ width: 320, height: 180 }, 'TIKTOK');
      expect(plan.output).toMatchObject({ width: 360, height: 640 });
    });

    it('a 4:3 for FACEBOOK is padded to 9:16 at its 540×960 minimum', () => {
      const plan = transcode({ width: 640, height: 480 }, 'FACEBOOK');
      expect(plan.output).toMatchObject({ width: 540, height: 960 });
    });

    it('odd sides become even (4:2:0 needs them)', () => {
      const plan = transcode({ width: 1279, height: 719 }, 'THREADS');
      expect(plan.output).toMatchObject({ width: 1280, height: 720 });
    });
  });

  describe('frame rate', () => {
    it('120 fps for INSTAGRAM becomes 60, with a keyframe every 2 s of output frames', () => {
      const plan = transcode(
        { width: 1080, height: 1920, fps: 120 },
        'INSTAGRAM',
      );
      expect(plan.output.fps).toBe(60);
      expect(plan.changes).toEqual(['frame rate 120 → 60 fps']);
      const args = plan.outputArguments();
      expect(option(args, '-vf')).toBe('fps=60,setsar=1');
      expect(option(args, '-g')).toBe('120');
    });

    it('10 fps for TIKTOK becomes its minimum of 23', () => {
      const plan = transcode({ width: 1080, height: 1920, fps: 10 }, 'TIKTOK');
      expect(plan.output.fps).toBe(23);
      expect(plan.changes).toEqual(['frame rate 10 → 23 fps']);
    });

    it('a rate inside the range is kept (null), and an unknown one is left alone', () => {
      expect(transcode({ fps: 29.97 }, 'INSTAGRAM').output.fps).toBeNull();
      const unknown = transcode({ fps: null }, 'INSTAGRAM');
      expect(unknown.output.fps).toBeNull();
      expect(option(unknown.outputArguments(), '-g')).toBe('60');
    });
  });

  describe('duration', () => {
    it('70 s for INSTAGRAM_STORY with trim: cut one frame and 50 ms under 60 s', () => {
      const plan = transcode({ durationSeconds: 70 }, 'INSTAGRAM_STORY');
      expect(plan.output.durationSeconds).toBe(59.916);
      expect(option(plan.outputArguments(), '-t')).toBe('59.916');
      expect(plan.changes).toContain('trimmed 70 s → 60 s');
    });

    it('the cut is measured in output frames when the frame rate changes', () => {
      const plan = transcode(
        { durationSeconds: 70, fps: 10, width: 1080, height: 1920 },
        'INSTAGRAM_STORY',
      );
      // 60 − 1/23 − 0.05
      expect(plan.output.durationSeconds).toBe(59.906);
    });

    it('70 s for INSTAGRAM_STORY without trim is unfixable', () => {
      expect(
        planVideoRendition(
          { ...SOURCE, durationSeconds: 70 },
          'INSTAGRAM_STORY',
          {
            fit: 'pad',
            trim: false,
          },
        ),
      ).toEqual({
        kind: 'unfixable',
        reason:
          "Duration 70 s is above INSTAGRAM_STORY's maximum of 60 s and trim is false",
      });
    });

    it('a duration just over the limit is shown precisely enough to differ from it', () => {
      const plan = planVideoRendition(
        { ...SOURCE, durationSeconds: 60.04 },
        'INSTAGRAM_STORY',
        { fit: 'pad', trim: false },
      );
      expect(plan).toMatchObject({
        reason:
          "Duration 60.04 s is above INSTAGRAM_STORY's maximum of 60 s and trim is false",
      });
    });

    it('2 s for INSTAGRAM is unfixable, whatever the options', () => {
      for (const options of [PAD, CROP, { fit: 'pad', trim: false } as const]) {
        expect(
          planVideoRendition(
            { ...SOURCE, durationSeconds: 2 },
            'INSTAGRAM',
            options,
          ),
        ).toEqual({
          kind: 'unfixable',
          reason:
            "Duration 2 s is below INSTAGRAM's minimum of 3 s; a rendition cannot lengthen a video",
        });
      }
    });

    it('an unknown duration is neither cut nor refused', () => {
      const plan = transcode({ durationSeconds: null }, 'INSTAGRAM_STORY');
      expect(plan.output.durationSeconds).toBeNull();
      expect(plan.outputArguments()).not.toContain('-t');
    });

    it('with an unknown frame rate the cut allows 0.1 s for the last frame', () => {
      const plan = transcode({ durationSeconds: 100, fps: null }, 'FACEBOOK');
      expect(plan.output.durationSeconds).toBe(89.85);
    });
  });

  describe('audio', () => {
    it('FACEBOOK: 44.1 kHz becomes exactly 48 kHz', () => {
      const plan = transcode(
        {
          audio: {
            codec: 'aac',
            profile: 'LC',
            sampleRateHz: 44_100,
            channels: 2,
          },
        },
        'FACEBOOK',
      );
      expect(plan.changes).toContain('audio 44.1 kHz → 48 kHz');
      expect(option(plan.outputArguments(), '-ar')).toBe('48000');
    });

    it('INSTAGRAM keeps 44.1 kHz (at most 48 kHz)', () => {
      const plan = transcode(
        {
          audio: {
            codec: 'aac',
            profile: 'LC',
            sampleRateHz: 44_100,
            channels: 2,
          },
        },
        'INSTAGRAM',
      );
      expect(plan.output.audio).toEqual({
        channels: 2,
        sampleRateHz: 44_100,
        bitsPerSecond: 128_000,
      });
    });

    it('96 kHz 5.1 PCM becomes 48 kHz stereo AAC-LC at 128 kb/s', () => {
      const plan = transcode(
        {
          width: 1080,
          height: 1920,
          audio: {
            codec: 'pcm_s16le',
            profile: null,
            sampleRateHz: 96_000,
            channels: 6,
          },
        },
        'INSTAGRAM',
      );
      expect(plan.changes).toEqual([
        'audio pcm_s16le → aac',
        'audio 96 kHz → 48 kHz',
        'audio 6 channels → stereo',
      ]);
      const args = plan.outputArguments();
      expect(option(args, '-c:a')).toBe('aac');
      expect(option(args, '-profile:a')).toBe('aac_low');
      expect(option(args, '-ac')).toBe('2');
      expect(option(args, '-ar')).toBe('48000');
      expect(option(args, '-b:a')).toBe('128000');
    });

    it('mono stays mono, at 96 kb/s', () => {
      const plan = transcode(
        {
          audio: {
            codec: 'aac',
            profile: 'LC',
            sampleRateHz: 48_000,
            channels: 1,
          },
        },
        'INSTAGRAM',
      );
      expect(plan.output.audio).toEqual({
        channels: 1,
        sampleRateHz: 48_000,
        bitsPerSecond: 96_000,
      });
      expect(option(plan.outputArguments(), '-ac')).toBe('1');
    });

    it('X: HE-AAC becomes AAC-LC', () => {
      const plan = transcode(
        {
          width: 1280,
          height: 720,
          audio: {
            codec: 'aac',
            profile: 'HE-AAC',
            sampleRateHz: 48_000,
            channels: 2,
          },
        },
        'X',
      );
      expect(plan.changes).toEqual(['audio profile HE-AAC → LC']);
    });

    it('a silent source gives a silent rendition: -an, and no audio map', () => {
      const plan = transcode({ audio: null }, 'INSTAGRAM');
      expect(plan.output.audio).toBeNull();
      const args = plan.outputArguments();
      expect(args).toContain('-an');
      expect(args).not.toContain('0:a:0?');
      expect(args).not.toContain('-c:a');
    });
  });

  describe('picture format', () => {
    it('interlaced 4:2:2 is deinterlaced first and converted to 4:2:0', () => {
      const plan = transcode(
        {
          width: 1080,
          height: 1920,
          fps: 50,
          pixelFormat: 'yuv422p',
          scanType: 'interlaced',
          videoCodec: 'mpeg2video',
          container: 'mov',
        },
        'INSTAGRAM',
      );
      expect(plan.changes).toEqual([
        'transcoded mpeg2video → h264',
        'container mov → mp4',
        'deinterlaced',
        'pixel format yuv422p → yuv420p',
      ]);
      const args = plan.outputArguments();
      expect(option(args, '-vf')).toBe('yadif,setsar=1');
      expect(option(args, '-pix_fmt')).toBe('yuv420p');
    });

    it('carries no metadata, chapters, subtitles or data streams, and puts the index first', () => {
      const args = transcode({}, 'INSTAGRAM').outputArguments();
      expect(option(args, '-map_metadata')).toBe('-1');
      expect(option(args, '-map_chapters')).toBe('-1');
      expect(args).toEqual(expect.arrayContaining(['-sn', '-dn']));
      expect(option(args, '-movflags')).toBe('+faststart');
      expect(option(args, '-flags:v')).toBe('+cgop');
      expect(args.slice(-2)).toEqual(['-f', 'mp4']);
    });
  });

  describe('file size', () => {
    it('the first pass is CRF; a second pass at a given rate is capped around it', () => {
      const plan = transcode({}, 'INSTAGRAM');
      expect(option(plan.outputArguments(), '-crf')).toBe('21');
      expect(plan.outputArguments()).not.toContain('-b:v');
      const capped = plan.outputArguments(2_000_000);
      expect(capped).not.toContain('-crf');
      expect(option(capped, '-b:v')).toBe('2000000');
      expect(option(capped, '-maxrate')).toBe('2400000');
      expect(option(capped, '-bufsize')).toBe('4000000');
    });

    it('refuses a bitrate that is not a positive whole number', () => {
      const plan = transcode({}, 'INSTAGRAM');
      expect(() => plan.outputArguments(0)).toThrow(RangeError);
      expect(() => plan.outputArguments(1.5)).toThrow(RangeError);
    });

    it('a source over the cap for its duration starts capped, and says so', () => {
      const plan = transcode(
        {
          sizeBytes: 500_000_000,
          durationSeconds: 60,
          width: 1080,
          height: 1920,
        },
        'INSTAGRAM_STORY',
      );
      expect(plan.output.videoBitrate).toBe(bitrateForSizeCap(plan.output));
      expect(option(plan.outputArguments(), '-b:v')).toBe(
        String(plan.output.videoBitrate),
      );
      expect(plan.changes).toEqual([
        'bitrate lowered to 12.3 Mb/s to fit 100 MB',
      ]);
    });

    it('only the part kept counts: 150 MB over 120 s, trimmed to 60 s, is under 100 MB', () => {
      const plan = transcode(
        {
          sizeBytes: 150_000_000,
          durationSeconds: 120,
          width: 1080,
          height: 1920,
        },
        'INSTAGRAM_STORY',
      );
      expect(plan.output.videoBitrate).toBeNull();
    });

    it('a cap that cannot hold the audio and a picture is unfixable', () => {
      const rules: VideoRules = {
        ...PLATFORM_RULES.INSTAGRAM_STORY.video,
        sizeBytes: { max: 100_000 },
      };
      expect(
        planVideoRendition(
          { ...SOURCE, durationSeconds: 30 },
          'INSTAGRAM_STORY',
          PAD,
          rules,
        ),
      ).toEqual({
        kind: 'unfixable',
        reason:
          "INSTAGRAM_STORY's size limit of 100 KB leaves too little for 30 s of video",
      });
    });
  });

  it('rules that cannot all be met are unfixable, naming what would fail', () => {
    const rules: VideoRules = {
      sizeBytes: {},
      sidePixels: { min: 400 },
      width: { max: 300 },
    };
    const plan = planVideoRendition(SOURCE, 'TIKTOK', PAD, rules);
    expect(plan.kind).toBe('unfixable');
    expect(plan).toMatchObject({
      reason: expect.stringMatching(
        /^A rendition would still break TIKTOK's rules: Resolution 300×\d+: TIKTOK requires at least 400 px per side$/,
      ),
    });
  });

  describe.each(['pad', 'crop'] as const)('every platform, %s', (fit) => {
    const sources: Array<[string, Partial<VideoFacts>]> = [
      ['16:9 VP8 WebM', { container: 'webm', videoCodec: 'vp8' }],
      ['tiny 4:3', { width: 200, height: 150, fps: 12 }],
      ['4K 120 fps', { width: 3840, height: 2160, fps: 120 }],
      ['tall 1:4', { width: 500, height: 2000 }],
      ['long', { durationSeconds: 4_000 }],
    ];
    it.each(
      PLATFORMS.flatMap((platform) =>
        sources.map(([name, facts]) => [platform, name, facts] as const),
      ),
    )(
      '%s: %s → a planned output the evaluator accepts',
      (platform, _name, changes) => {
        const source = { ...SOURCE, ...changes };
        const plan = transcode(changes, platform, { fit, trim: true });
        const verdict = evaluateMedia(
          predictedFacts(plan.output, source),
          platform,
        );
        expect(verdict.errors).toEqual([]);
        expect(plan.output.width % 2).toBe(0);
        expect(plan.output.height % 2).toBe(0);
        expect(
          Math.max(plan.output.width, plan.output.height),
        ).toBeLessThanOrEqual(1920);
      },
    );
  });
});

describe('bitrateForSizeCap', () => {
  const output = {
    sizeCapBytes: 10_000_000,
    durationSeconds: 10,
    audio: { channels: 2, sampleRateHz: 48_000, bitsPerSecond: 128_000 },
  } as const;

  it('spreads the cap, less its margin and the container, over the duration, after audio', () => {
    // (10 MB × 0.93 − 8 KiB) × 8 / 10 s − 128 kb/s audio − 8 kb/s container
    expect(bitrateForSizeCap(output)).toBe(7_297_446);
  });

  it('leaves a 5–8 % margin under the cap', () => {
    for (const [sizeCapBytes, durationSeconds] of [
      [100_000_000, 60],
      [300_000_000, 900],
      [4_000_000, 8],
    ]) {
      const video = bitrateForSizeCap({
        ...output,
        sizeCapBytes,
        durationSeconds,
      });
      const bytes = ((video + 128_000) * durationSeconds) / 8;
      expect(bytes / sizeCapBytes).toBeGreaterThan(0.9);
      expect(bytes / sizeCapBytes).toBeLessThan(0.95);
    }
  });

  it('a silent video gets the audio share too', () => {
    expect(bitrateForSizeCap({ ...output, audio: null })).toBe(
      7_297_446 + 128_000,
    );
  });

  it('throws when the cap or the duration is unknown, or the cap is too small', () => {
    expect(() => bitrateForSizeCap({ ...output, sizeCapBytes: null })).toThrow(
      RangeError,
    );
    expect(() =>
      bitrateForSizeCap({ ...output, durationSeconds: null }),
    ).toThrow(RangeError);
    expect(() =>
      bitrateForSizeCap({ ...output, sizeCapBytes: 100_000 }),
    ).toThrow('100 KB cannot hold 10 s of video');
  });
});

describe('loweredBitrateChange', () => {
  it.each([
    [2_100_000, 100_000_000, 'bitrate lowered to 2.1 Mb/s to fit 100 MB'],
    [12_280_290, 100_000_000, 'bitrate lowered to 12.3 Mb/s to fit 100 MB'],
    [650_400, 5_000_000, 'bitrate lowered to 650 kb/s to fit 5 MB'],
    [1_500_000, 1_000_000_000, 'bitrate lowered to 1.5 Mb/s to fit 1 GB'],
  ])('%i b/s under %i bytes: "%s"', (rate, cap, expected) => {
    expect(loweredBitrateChange(rate, cap)).toBe(expected);
  });
});
