import {
  evaluateMedia,
  isChroma420,
  type ImageFacts,
  type PlatformResult,
  type VideoFacts,
} from './evaluate-media.js';
import { PLATFORMS, type Platform } from './platforms.js';

/**
 * The numbers below are restated from the platforms' documentation (the sources named in
 * platform-rules.ts) on purpose rather than read from PLATFORM_RULES, so a mistyped limit in the
 * rules file fails here.
 */

/** A 9:16 1080×1920 H.264/AAC mp4 of 10 s that every platform accepts. */
const VIDEO: VideoFacts = {
  kind: 'video',
  sizeBytes: 10_000_000,
  container: 'mp4',
  videoCodec: 'h264',
  width: 1080,
  height: 1920,
  durationSeconds: 10,
  fps: 30,
  pixelFormat: 'yuv420p',
  scanType: 'progressive',
  audio: { codec: 'aac', profile: 'LC', sampleRateHz: 48_000, channels: 2 },
};

const video = (platform: Platform, changes: Partial<VideoFacts>) =>
  evaluateMedia({ ...VIDEO, ...changes }, platform);

const audio = (
  platform: Platform,
  changes: Partial<NonNullable<VideoFacts['audio']>>,
) => video(platform, { audio: { ...VIDEO.audio!, ...changes } });

const frame = (platform: Platform, [width, height]: [number, number]) =>
  video(platform, { width, height });

function expectValid(result: PlatformResult): void {
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

function expectError(result: PlatformResult, message: string): void {
  expect(result.valid).toBe(false);
  expect(result.errors).toContain(message);
}

describe('evaluateMedia: videos', () => {
  it.each(PLATFORMS)(
    'a 9:16 1080×1920 H.264/AAC mp4 of 10 s passes %s',
    (platform) => {
      expectValid(evaluateMedia(VIDEO, platform));
    },
  );

  describe('duration', () => {
    const limits: Array<[Platform, number | null, number]> = [
      ['INSTAGRAM', 3, 900],
      ['INSTAGRAM_STORY', 3, 60],
      ['TIKTOK', null, 600],
      ['YOUTUBE', null, 43_200],
      ['YOUTUBE_SHORTS', null, 180],
      ['X', 0.5, 1_200],
      ['LINKEDIN', 3, 1_800],
      ['FACEBOOK', 3, 90],
      ['PINTEREST', 4, 900],
      ['THREADS', null, 300],
      ['BLUESKY', null, 180],
    ];
    const spans: Record<number, string> = {
      0.5: '0.5 s',
      3: '3 s',
      4: '4 s',
      60: '1 min',
      90: '90 s',
      180: '3 min',
      300: '5 min',
      600: '10 min',
      900: '15 min',
      1_200: '20 min',
      1_800: '30 min',
      43_200: '12 h',
    };

    it.each(limits)('%s: minimum %s s', (platform, min) => {
      if (min === null) {
        expectValid(video(platform, { durationSeconds: 0.1 }));
        return;
      }
      expectValid(video(platform, { durationSeconds: min }));
      expectValid(video(platform, { durationSeconds: min + 0.1 }));
      expectError(
        video(platform, { durationSeconds: min - 0.1 }),
        `Duration ${(min - 0.1).toFixed(1)} s is below ${platform}'s minimum of ${spans[min]}`,
      );
    });

    it.each(limits)('%s: maximum %s s → %s s', (platform, _min, max) => {
      expectValid(video(platform, { durationSeconds: max }));
      expectValid(video(platform, { durationSeconds: max - 0.1 }));
      expectError(
        video(platform, { durationSeconds: max + 0.1 }),
        `Duration ${(max + 0.1).toFixed(1)} s is over ${platform}'s maximum of ${spans[max]}`,
      );
    });

    it('says INSTAGRAM minimum in the words of the issue', () => {
      expectError(
        video('INSTAGRAM', { durationSeconds: 2 }),
        "Duration 2.0 s is below INSTAGRAM's minimum of 3 s",
      );
    });

    it('shows more digits when one decimal would round onto the limit', () => {
      expectError(
        video('INSTAGRAM', { durationSeconds: 2.96 }),
        "Duration 2.960 s is below INSTAGRAM's minimum of 3 s",
      );
    });

    it('TIKTOK advises at least 3 s (a warning)', () => {
      expect(video('TIKTOK', { durationSeconds: 3 }).warnings).toEqual([]);
      const short = video('TIKTOK', { durationSeconds: 2.9 });
      expectValid(short);
      expect(short.warnings).toEqual([
        'Duration 2.9 s: TIKTOK advises at least 3 s',
      ]);
    });

    it('YOUTUBE takes more than 15 min only from verified channels (a warning)', () => {
      expect(video('YOUTUBE', { durationSeconds: 900 }).warnings).toEqual([]);
      const long = video('YOUTUBE', { durationSeconds: 900.1 });
      expectValid(long);
      expect(long.warnings).toEqual([
        'Duration 900.1 s: YOUTUBE accepts videos over 15 min only from verified channels',
      ]);
    });

    it('an unknown duration is a warning, not an error', () => {
      const result = video('INSTAGRAM', { durationSeconds: null });
      expectValid(result);
      expect(result.warnings).toContain(
        "Duration unknown: INSTAGRAM's duration limits were not checked",
      );
    });
  });

  describe('file size', () => {
    const limits: Array<[Platform, number, string]> = [
      ['INSTAGRAM', 300_000_000, '300 MB'],
      ['INSTAGRAM_STORY', 100_000_000, '100 MB'],
      ['TIKTOK', 4_000_000_000, '4 GB'],
      ['YOUTUBE', 256_000_000_000, '256 GB'],
      ['YOUTUBE_SHORTS', 256_000_000_000, '256 GB'],
      ['X', 8_000_000_000, '8 GB'],
      ['LINKEDIN', 500_000_000, '500 MB'],
      ['FACEBOOK', 1_000_000_000, '1 GB'],
      ['PINTEREST', 2_000_000_000, '2 GB'],
      ['THREADS', 1_000_000_000, '1 GB'],
      ['BLUESKY', 100_000_000, '100 MB'],
    ];

    it.each(limits)('%s: at most %s bytes', (platform, max, label) => {
      expectValid(video(platform, { sizeBytes: max }));
      expectValid(video(platform, { sizeBytes: max - 1 }));
      expectError(
        video(platform, { sizeBytes: max + 1 }),
        `File size ${(max + 1).toLocaleString('en-US')} bytes is over ${platform}'s maximum of ${label}`,
      );
    });

    it('LINKEDIN: at least 75 KB', () => {
      expectValid(video('LINKEDIN', { sizeBytes: 75_000 }));
      expectValid(video('LINKEDIN', { sizeBytes: 75_001 }));
      expectError(
        video('LINKEDIN', { sizeBytes: 74_999 }),
        "File size 74,999 bytes is below LINKEDIN's minimum of 75 KB",
      );
    });

    it('rounds sizes well clear of the limit', () => {
      expectError(
        video('INSTAGRAM', { sizeBytes: 312_500_000 }),
        "File size 312.5 MB is over INSTAGRAM's maximum of 300 MB",
      );
    });
  });

  describe('aspect ratio (display orientation)', () => {
    type Frame = [number, number];
    /** Per platform: the widest allowed frame, one px wider; the tallest allowed, one px narrower. */
    const limits: Array<
      [Platform, Frame | null, Frame | null, string, string]
    > = [
      ['INSTAGRAM', [1910, 191], [19, 1900], '10:1', '0.01:1'],
      ['INSTAGRAM_STORY', [1910, 191], [190, 1900], '10:1', '0.1:1'],
      ['YOUTUBE_SHORTS', [1080, 1080], null, '1:1, square or vertical', ''],
      ['X', [1200, 400], [400, 1200], '3:1', '1:3'],
      ['LINKEDIN', [1200, 500], [500, 1200], '2.4:1', '1:2.4'],
      ['FACEBOOK', [1920, 1080], [1080, 1920], '16:9', '9:16'],
      ['PINTEREST', [1910, 1000], [1000, 2000], '1.91:1', '1:2'],
      ['THREADS', [1910, 191], [19, 1900], '10:1', '0.01:1'],
      ['BLUESKY', [1200, 400], [400, 1200], '3:1', '1:3'],
    ];

    it.each(limits)(
      '%s: widest allowed %j',
      (platform, widest, _tallest, maxLabel) => {
        const [width, height] = widest!;
        expectValid(frame(platform, [width, height]));
        expectValid(frame(platform, [width - 1, height]));
        const result = frame(platform, [width + 1, height]);
        expect(result.valid).toBe(false);
        expect(result.errors).toEqual([
          expect.stringMatching(
            new RegExp(
              `^Aspect ratio [\\d.:]+ \\(${width + 1}×${height}\\) is wider than ${platform} allows \\(at most ${maxLabel.replace(/[.()]/g, '\\$&')}\\)$`,
            ),
          ),
        ]);
      },
    );

    it.each(limits.filter(([, , tallest]) => tallest !== null))(
      '%s: tallest allowed',
      (platform, _widest, tallest, _maxLabel, minLabel) => {
        const [width, height] = tallest!;
        expectValid(frame(platform, [width, height]));
        expectValid(frame(platform, [width + 1, height]));
        const result = frame(platform, [width - 1, height]);
        expect(result.valid).toBe(false);
        expect(result.errors).toEqual([
          expect.stringMatching(
            new RegExp(
              `^Aspect ratio [\\d.:]+ \\(${width - 1}×${height}\\) is taller than ${platform} allows \\(at least ${minLabel.replace(/[.()]/g, '\\$&')}\\)$`,
            ),
          ),
        ]);
      },
    );

    it('YOUTUBE_SHORTS refuses landscape video, naming it', () => {
      expectError(
        frame('YOUTUBE_SHORTS', [640, 360]),
        'Aspect ratio 1.78:1 (640×360) is wider than YOUTUBE_SHORTS allows (at most 1:1, square or vertical)',
      );
    });

    it.each(['TIKTOK', 'YOUTUBE'] as const)(
      '%s has no aspect limit',
      (platform) => {
        expectValid(frame(platform, [4096, 360]));
        expectValid(frame(platform, [360, 4096]));
      },
    );

    it.each([
      ['INSTAGRAM', 'INSTAGRAM recommends 9:16 for Reels'],
      ['INSTAGRAM_STORY', 'INSTAGRAM_STORY recommends 9:16'],
      ['TIKTOK', 'TIKTOK recommends 9:16'],
      ['YOUTUBE_SHORTS', 'YOUTUBE_SHORTS recommends 9:16'],
      ['FACEBOOK', 'FACEBOOK recommends 9:16 for Reels'],
    ] as const)(
      '%s recommends 9:16 (a warning, within 1 %%)',
      (platform, advice) => {
        expect(frame(platform, [1080, 1920]).warnings).toEqual([]);
        expect(frame(platform, [1080, 1910]).warnings).toEqual([]);
        const square = frame(platform, [1080, 1080]);
        expectValid(square);
        expect(square.warnings).toEqual([
          `Aspect ratio 1:1 (1080×1080): ${advice}`,
        ]);
      },
    );
  });

  describe('frame size', () => {
    it.each(['INSTAGRAM', 'INSTAGRAM_STORY', 'THREADS'] as const)(
      '%s: width at most 1920 px',
      (platform) => {
        expectValid(frame(platform, [1920, 1080]));
        expectValid(frame(platform, [1919, 1080]));
        expectError(
          frame(platform, [1921, 1080]),
          `Width 1921 px is over ${platform}'s maximum of 1920 px`,
        );
      },
    );

    it('TIKTOK: each side 360–4096 px', () => {
      expectValid(frame('TIKTOK', [4096, 2160]));
      expectValid(frame('TIKTOK', [4095, 2160]));
      expectValid(frame('TIKTOK', [2160, 4096]));
      expectError(
        frame('TIKTOK', [4200, 2160]),
        'Resolution 4200×2160: TIKTOK allows at most 4096 px per side',
      );
      expectError(
        frame('TIKTOK', [2160, 4097]),
        'Resolution 2160×4097: TIKTOK allows at most 4096 px per side',
      );
      expectValid(frame('TIKTOK', [360, 640]));
      expectValid(frame('TIKTOK', [361, 640]));
      expectError(
        frame('TIKTOK', [359, 640]),
        'Resolution 359×640: TIKTOK requires at least 360 px per side',
      );
    });

    it('X: 32×32 to 1920×1200 in either orientation', () => {
      for (const size of [
        [1920, 1200],
        [1200, 1920],
        [1919, 1199],
        [32, 32],
        [33, 33],
      ] as Array<[number, number]>) {
        expectValid(frame('X', size));
      }
      expectError(
        frame('X', [1921, 1200]),
        'Resolution 1921×1200: X allows at most 1920×1200 (either orientation)',
      );
      expectError(
        frame('X', [1201, 1920]),
        'Resolution 1201×1920: X allows at most 1920×1200 (either orientation)',
      );
      expectError(
        frame('X', [31, 32]),
        'Resolution 31×32: X requires at least 32×32 (either orientation)',
      );
    });

    it('X recommends at most 1280×1024 (a warning)', () => {
      expect(frame('X', [1280, 1024]).warnings).toEqual([]);
      expect(frame('X', [1024, 1280]).warnings).toEqual([]);
      const large = frame('X', [1281, 1024]);
      expectValid(large);
      expect(large.warnings).toEqual([
        'Resolution 1281×1024: X recommends at most 1280×1024 (either orientation)',
      ]);
    });

    it('LINKEDIN: 256×144 to 4096×2304 in either orientation', () => {
      expectValid(frame('LINKEDIN', [4096, 2304]));
      expectValid(frame('LINKEDIN', [4095, 2303]));
      expectValid(frame('LINKEDIN', [256, 144]));
      expectValid(frame('LINKEDIN', [144, 256]));
      expectError(
        frame('LINKEDIN', [4097, 2304]),
        'Resolution 4097×2304: LINKEDIN allows at most 4096×2304 (either orientation)',
      );
      expectError(
        frame('LINKEDIN', [255, 144]),
        'Resolution 255×144: LINKEDIN requires at least 256×144 (either orientation)',
      );
    });

    it('FACEBOOK: at least 540×960 in either orientation', () => {
      expectValid(frame('FACEBOOK', [540, 960]));
      expectValid(frame('FACEBOOK', [960, 540]));
      expectValid(frame('FACEBOOK', [541, 961]));
      expectError(
        frame('FACEBOOK', [540, 959]),
        'Resolution 540×959: FACEBOOK requires at least 960×540 (either orientation)',
      );
    });
  });

  describe('frame rate', () => {
    const limits: Array<[Platform, number | null, number | null]> = [
      ['INSTAGRAM', 23, 60],
      ['INSTAGRAM_STORY', 23, 60],
      ['TIKTOK', 23, 60],
      ['X', null, 60],
      ['LINKEDIN', 10, 60],
      ['FACEBOOK', 24, 60],
      ['THREADS', 23, 60],
      ['YOUTUBE', null, null],
      ['YOUTUBE_SHORTS', null, null],
      ['PINTEREST', null, null],
      ['BLUESKY', null, null],
    ];

    it.each(limits)('%s: %s–%s fps', (platform, min, max) => {
      if (min !== null) {
        expectValid(video(platform, { fps: min }));
        expectValid(video(platform, { fps: min + 0.01 }));
        expectError(
          video(platform, { fps: min - 0.01 }),
          `Frame rate ${min - 0.01} fps is below ${platform}'s minimum of ${min} fps`,
        );
      }
      if (max !== null) {
        expectValid(video(platform, { fps: max }));
        expectValid(video(platform, { fps: max - 0.01 }));
        expectError(
          video(platform, { fps: max + 0.01 }),
          `Frame rate ${max + 0.01} fps is over ${platform}'s maximum of ${max} fps`,
        );
      }
      if (min === null && max === null) {
        expectValid(video(platform, { fps: 120 }));
        expectValid(video(platform, { fps: 5 }));
      }
    });

    it('an unknown frame rate is a warning', () => {
      const result = video('INSTAGRAM', { fps: null });
      expectValid(result);
      expect(result.warnings).toEqual([
        "Frame rate unknown: INSTAGRAM's frame rate limits were not checked",
      ]);
    });
  });

  describe('containers and codecs', () => {
    const formats: Array<
      [Platform, string[] | null, string[] | null, string[] | null]
    > = [
      ['INSTAGRAM', ['mp4', 'mov'], ['h264', 'hevc'], ['aac']],
      ['INSTAGRAM_STORY', ['mp4', 'mov'], ['h264', 'hevc'], ['aac']],
      ['TIKTOK', ['mp4', 'webm', 'mov'], ['h264', 'hevc', 'vp8', 'vp9'], null],
      ['YOUTUBE', null, null, null],
      [
        'YOUTUBE_SHORTS',
        ['mp4', 'mov', 'webm'],
        ['h264', 'hevc', 'vp9', 'av1'],
        null,
      ],
      ['X', ['mp4', 'mov'], ['h264'], ['aac']],
      ['LINKEDIN', ['mp4'], ['h264'], ['aac']],
      ['FACEBOOK', ['mp4', 'mov'], ['h264', 'hevc', 'vp9', 'av1'], ['aac']],
      ['PINTEREST', ['mp4', 'mov'], ['h264', 'hevc'], null],
      ['THREADS', ['mp4', 'mov'], ['h264', 'hevc'], ['aac']],
      ['BLUESKY', ['mp4'], ['h264'], ['aac']],
    ];
    const ALL_CONTAINERS = ['mp4', 'mov', 'webm', 'avi', '3gp'];
    const ALL_CODECS = ['h264', 'hevc', 'vp8', 'vp9', 'av1', 'mpeg4'];
    const ALL_AUDIO = ['aac', 'opus', 'mp3', 'ac3'];

    it.each(formats)('%s: containers %j', (platform, containers) => {
      for (const container of ALL_CONTAINERS) {
        const result = video(platform, { container });
        if (containers === null || containers.includes(container)) {
          expectValid(result);
        } else {
          expectError(
            result,
            `Container ${container} is not accepted by ${platform} (accepted: ${containers.join(', ')})`,
          );
        }
      }
    });

    it.each(formats)('%s: video codecs %j', (platform, _c, codecs) => {
      for (const videoCodec of ALL_CODECS) {
        const result = video(platform, { videoCodec });
        if (codecs === null || codecs.includes(videoCodec)) {
          expectValid(result);
        } else {
          expectError(
            result,
            `Video codec ${videoCodec} is not accepted by ${platform} (accepted: ${codecs.join(', ')})`,
          );
        }
      }
    });

    it.each(formats)('%s: audio codecs %j', (platform, _c, _v, codecs) => {
      for (const codec of ALL_AUDIO) {
        const result = audio(platform, { codec, profile: null });
        if (codecs === null || codecs.includes(codec)) {
          expectValid(result);
        } else {
          expectError(
            result,
            `Audio codec ${codec} is not accepted by ${platform} (accepted: ${codecs.join(', ')})`,
          );
        }
      }
    });

    it.each(PLATFORMS)('%s accepts silent video', (platform) => {
      expectValid(video(platform, { audio: null }));
    });

    it('YOUTUBE recommends H.264 and AAC (warnings)', () => {
      const result = video('YOUTUBE', {
        videoCodec: 'vp9',
        audio: { ...VIDEO.audio!, codec: 'opus', profile: null },
      });
      expectValid(result);
      expect(result.warnings).toEqual([
        'Video codec vp9: YOUTUBE recommends h264',
        'Audio codec opus: YOUTUBE recommends aac',
      ]);
    });
  });

  describe('pixel format, scan and audio details', () => {
    it.each(['INSTAGRAM', 'X', 'THREADS'] as const)(
      '%s requires 4:2:0',
      (platform) => {
        expectValid(video(platform, { pixelFormat: 'yuvj420p' }));
        expectValid(video(platform, { pixelFormat: 'yuv420p10le' }));
        expectError(
          video(platform, { pixelFormat: 'yuv422p' }),
          `Pixel format yuv422p is not 4:2:0 chroma subsampling, which ${platform} requires`,
        );
        expect(video(platform, { pixelFormat: null }).warnings).toContain(
          `Pixel format unknown: ${platform} requires 4:2:0 chroma subsampling`,
        );
      },
    );

    it.each(['TIKTOK', 'YOUTUBE', 'LINKEDIN', 'BLUESKY'] as const)(
      '%s takes 4:2:2 and interlaced video',
      (platform) => {
        expectValid(
          video(platform, { pixelFormat: 'yuv422p', scanType: 'interlaced' }),
        );
      },
    );

    it.each(['INSTAGRAM', 'X'] as const)(
      '%s requires progressive scan',
      (platform) => {
        expectError(
          video(platform, { scanType: 'interlaced' }),
          `Interlaced video: ${platform} requires progressive scan`,
        );
        expectValid(video(platform, { scanType: null }));
      },
    );

    it.each(['INSTAGRAM', 'THREADS'] as const)(
      '%s: audio sample rate at most 48 kHz',
      (platform) => {
        expectValid(audio(platform, { sampleRateHz: 48_000 }));
        expectValid(audio(platform, { sampleRateHz: 44_100 }));
        expectError(
          audio(platform, { sampleRateHz: 48_001 }),
          `Audio sample rate 48 kHz is over ${platform}'s maximum of 48 kHz`,
        );
        expectError(
          audio(platform, { sampleRateHz: 96_000 }),
          `Audio sample rate 96 kHz is over ${platform}'s maximum of 48 kHz`,
        );
      },
    );

    it('FACEBOOK: audio at 48 kHz exactly', () => {
      expectValid(audio('FACEBOOK', { sampleRateHz: 48_000 }));
      expectError(
        audio('FACEBOOK', { sampleRateHz: 44_100 }),
        'Audio sample rate 44.1 kHz: FACEBOOK requires 48 kHz',
      );
    });

    it.each(['INSTAGRAM', 'X'] as const)('%s: mono or stereo', (platform) => {
      expectValid(audio(platform, { channels: 1 }));
      expectValid(audio(platform, { channels: 2 }));
      expectError(
        audio(platform, { channels: 3 }),
        `Audio has 3 channels: ${platform} allows 1–2 (mono or stereo)`,
      );
    });

    it('X: AAC-LC only', () => {
      expectError(
        audio('X', { profile: 'HE-AAC' }),
        'Audio profile AAC HE-AAC: X requires AAC-LC',
      );
      expect(audio('X', { profile: null }).warnings).toContain(
        'AAC profile unknown: X requires AAC-LC',
      );
    });
  });
});

describe('evaluateMedia: images', () => {
  const IMAGE: ImageFacts = {
    kind: 'image',
    format: 'jpeg',
    sizeBytes: 500_000,
    width: 1080,
    height: 1350,
  };
  const image = (platform: Platform, changes: Partial<ImageFacts>) =>
    evaluateMedia({ ...IMAGE, ...changes }, platform);

  it.each([
    'INSTAGRAM',
    'TIKTOK',
    'X',
    'LINKEDIN',
    'FACEBOOK',
    'PINTEREST',
    'THREADS',
    'BLUESKY',
  ] as const)('a 1080×1350 JPEG of 500 KB passes %s', (platform) => {
    expectValid(image(platform, {}));
  });

  it.each(['INSTAGRAM_STORY', 'YOUTUBE', 'YOUTUBE_SHORTS'] as const)(
    '%s publishes no images',
    (platform) => {
      expect(image(platform, {})).toEqual({
        valid: false,
        errors: [
          `${platform} does not publish images; only video can be posted there`,
        ],
        warnings: [],
      });
    },
  );

  it.each([
    ['INSTAGRAM', ['jpeg']],
    ['TIKTOK', ['jpeg', 'webp']],
    ['X', ['jpeg', 'png', 'gif', 'webp']],
    ['LINKEDIN', ['jpeg', 'png', 'gif']],
    ['FACEBOOK', ['jpeg', 'png', 'gif']],
    ['PINTEREST', ['jpeg', 'png', 'webp']],
    ['THREADS', ['jpeg', 'png']],
    ['BLUESKY', ['jpeg', 'png', 'gif', 'webp']],
  ] as const)('%s: formats %j', (platform, accepted) => {
    for (const format of ['jpeg', 'png', 'gif', 'webp']) {
      const result = image(platform, { format });
      if ((accepted as readonly string[]).includes(format)) {
        expectValid(result);
      } else {
        expect(result.valid).toBe(false);
        expect(result.errors[0]).toMatch(
          new RegExp(
            `^Image format ${format.toUpperCase()} is not accepted by ${platform} \\(accepted: `,
          ),
        );
      }
    }
  });

  it.each([
    ['INSTAGRAM', 'jpeg', 8_000_000, '8 MB'],
    ['TIKTOK', 'jpeg', 20_000_000, '20 MB'],
    ['X', 'jpeg', 5_000_000, '5 MB'],
    ['X', 'gif', 15_000_000, '15 MB'],
    ['FACEBOOK', 'jpeg', 10_000_000, '10 MB'],
    ['PINTEREST', 'jpeg', 20_000_000, '20 MB'],
    ['THREADS', 'jpeg', 8_000_000, '8 MB'],
    ['BLUESKY', 'jpeg', 1_000_000, '1 MB'],
  ] as const)('%s: %s at most %i bytes', (platform, format, max, label) => {
    expectValid(image(platform, { format, sizeBytes: max }));
    expectValid(image(platform, { format, sizeBytes: max - 1 }));
    expectError(
      image(platform, { format, sizeBytes: max + 1 }),
      `File size ${(max + 1).toLocaleString('en-US')} bytes is over ${platform}'s maximum of ${label}`,
    );
  });

  it('LINKEDIN has no size limit and takes GIFs with a frame-count warning', () => {
    expectValid(image('LINKEDIN', { sizeBytes: 100_000_000 }));
    const gif = image('LINKEDIN', { format: 'gif' });
    expectValid(gif);
    expect(gif.warnings).toEqual([
      'LINKEDIN accepts GIFs of at most 250 frames; the frame count was not checked',
    ]);
  });

  it('INSTAGRAM: aspect 4:5 to 1.91:1', () => {
    expectValid(image('INSTAGRAM', { width: 1080, height: 1350 }));
    expectValid(image('INSTAGRAM', { width: 1080, height: 1349 }));
    expectError(
      image('INSTAGRAM', { width: 1080, height: 1351 }),
      'Aspect ratio 1:1.25 (1080×1351) is taller than INSTAGRAM allows (at least 4:5)',
    );
    expectValid(image('INSTAGRAM', { width: 1146, height: 600 }));
    expectValid(image('INSTAGRAM', { width: 1145, height: 600 }));
    expectError(
      image('INSTAGRAM', { width: 1147, height: 600 }),
      'Aspect ratio 1.91:1 (1147×600) is wider than INSTAGRAM allows (at most 1.91:1)',
    );
  });

  it('INSTAGRAM rescales widths outside 320–1440 (a warning)', () => {
    for (const width of [320, 321, 1439, 1440]) {
      expect(image('INSTAGRAM', { width, height: width }).warnings).toEqual([]);
    }
    const wide = image('INSTAGRAM', { width: 1441, height: 1441 });
    expectValid(wide);
    expect(wide.warnings).toEqual([
      'Width 1441 px: INSTAGRAM rescales images to 320–1440 px wide',
    ]);
    expect(image('INSTAGRAM', { width: 319, height: 319 }).warnings).toEqual([
      'Width 319 px: INSTAGRAM rescales images to 320–1440 px wide',
    ]);
  });

  it('THREADS: width 320–1440 and aspect at most 10:1', () => {
    expectValid(image('THREADS', { width: 320, height: 320 }));
    expectValid(image('THREADS', { width: 1440, height: 1440 }));
    expectError(
      image('THREADS', { width: 319, height: 319 }),
      "Width 319 px is below THREADS's minimum of 320 px",
    );
    expectError(
      image('THREADS', { width: 1441, height: 1441 }),
      "Width 1441 px is over THREADS's maximum of 1440 px",
    );
    expectValid(image('THREADS', { width: 1440, height: 144 }));
    expectValid(image('THREADS', { width: 1440, height: 145 }));
    expectError(
      image('THREADS', { width: 1440, height: 143 }),
      'Aspect ratio 10.07:1 (1440×143) is wider than THREADS allows (at most 10:1)',
    );
  });

  it('TIKTOK: up to 1080p in either orientation', () => {
    expectValid(image('TIKTOK', { width: 1920, height: 1080 }));
    expectValid(image('TIKTOK', { width: 1080, height: 1920 }));
    expectValid(image('TIKTOK', { width: 1919, height: 1079 }));
    expectError(
      image('TIKTOK', { width: 1921, height: 1080 }),
      'Resolution 1921×1080: TIKTOK allows images up to 1080p (1920×1080, either orientation)',
    );
    expectError(
      image('TIKTOK', { width: 1081, height: 1920 }),
      'Resolution 1081×1920: TIKTOK allows images up to 1080p (1920×1080, either orientation)',
    );
  });

  it('LINKEDIN: fewer than 36,152,320 pixels', () => {
    expectValid(image('LINKEDIN', { width: 5120, height: 7060 }));
    expectError(
      image('LINKEDIN', { width: 5120, height: 7061 }),
      "Image has 36,152,320 pixels (5120×7061): LINKEDIN's limit is fewer than 36,152,320",
    );
  });

  it('PINTEREST recommends 2:3 (a warning)', () => {
    expect(image('PINTEREST', { width: 1000, height: 1500 }).warnings).toEqual(
      [],
    );
    const square = image('PINTEREST', { width: 1000, height: 1000 });
    expectValid(square);
    expect(square.warnings).toEqual([
      'Aspect ratio 1:1 (1000×1000): PINTEREST recommends 2:3',
    ]);
  });

  it('unknown size and dimensions (registered external images) are warnings', () => {
    const result = image('INSTAGRAM', {
      sizeBytes: null,
      width: null,
      height: null,
    });
    expectValid(result);
    expect(result.warnings).toEqual([
      "File size unknown: INSTAGRAM's size limit was not checked",
      "Image dimensions unknown: INSTAGRAM's size and aspect limits were not checked",
    ]);
  });
});

describe('isChroma420', () => {
  it.each([
    ['yuv420p', true],
    ['yuvj420p', true],
    ['yuv420p10le', true],
    ['nv12', true],
    ['nv21', true],
    ['yuv422p', false],
    ['yuv444p', false],
    ['rgb24', false],
  ])('%s → %s', (format, expected) => {
    expect(isChroma420(format)).toBe(expected);
  });
});
