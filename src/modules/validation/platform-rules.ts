import type { Platform } from './platforms.js';

/**
 * The publishing rules of every platform, as data, with each platform's source (its developer
 * documentation) beside its numbers, so updating a limit is a one-line change here. The evaluator
 * (`evaluate-media.ts`) knows how to check each kind of rule and holds no numbers of its own.
 *
 * Where a platform's documentation disagrees between revisions the stricter number is used (noted
 * beside it). Sizes are decimal (1 MB = 1,000,000 bytes), the stricter reading of "MB" in platform
 * documentation. Widths and heights are display dimensions (rotation applied). Aspect ratios are
 * written width:height as the platforms write them.
 */

/** `[width, height]`: an aspect ratio such as `[9, 16]`, or a frame size such as `[1920, 1200]`. */
export type Dimensions = readonly [number, number];

export interface Range {
  min?: number;
  max?: number;
}

export interface AspectRange {
  min?: Dimensions;
  max?: Dimensions;
  /** Said after the limit in messages, e.g. "square or vertical". */
  note?: string;
}

export interface VideoRules {
  /** Container names as `VideoInfo.container` reports them; absent: any container. */
  containers?: readonly string[];
  /** ffprobe codec names; absent: any codec. */
  videoCodecs?: readonly string[];
  /** A recommendation only (warning). */
  recommendedVideoCodec?: string;
  /** 4:2:0 chroma subsampling (yuv420p and its relatives). */
  requires420?: boolean;
  /** Progressive scan, no interlacing. */
  requiresProgressive?: boolean;
  /** Applies when the video has sound; silent video is always accepted. */
  audioCodecs?: readonly string[];
  recommendedAudioCodec?: string;
  /** ffprobe's AAC profile name, e.g. `LC`. */
  audioProfile?: string;
  audioSampleRateHz?: { max?: number; exactly?: number };
  audioChannels?: Range;
  sizeBytes: Range;
  durationSeconds?: Range;
  /** Shorter is accepted but advised against (warning). */
  recommendedMinDurationSeconds?: number;
  /** Longer is accepted only under a condition the API cannot see (warning). */
  conditionalMaxDuration?: { seconds: number; condition: string };
  aspect?: AspectRange;
  recommendedAspect?: { ratio: Dimensions; note?: string };
  width?: Range;
  /** Each side of the frame, whatever the orientation. */
  sidePixels?: Range;
  /** Frame size bounds that apply in either orientation (`[long side, short side]`). */
  resolution?: { min?: Dimensions; max?: Dimensions };
  recommendedMaxResolution?: Dimensions;
  fps?: Range;
}

export const IMAGE_FORMATS = [
  'jpeg',
  'png',
  'gif',
  'webp',
  'bmp',
  'tiff',
] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export interface ImageRules {
  /** Absent: any image format. */
  formats?: readonly ImageFormat[];
  sizeBytes?: Range;
  /** Per-format size limits that replace `sizeBytes.max`. */
  maxBytesByFormat?: Partial<Record<ImageFormat, number>>;
  aspect?: AspectRange;
  recommendedAspect?: { ratio: Dimensions; note?: string };
  width?: Range;
  /** The platform rescales images outside `width` instead of refusing them (warning). */
  widthRescaled?: boolean;
  /** Frame size bounds that apply in either orientation (`[long side, short side]`). */
  resolution?: { max: Dimensions; label: string };
  /** Total pixels must stay below this. */
  maxPixelsExclusive?: number;
  /** Frame count limit for animated GIFs. */
  maxGifFrames?: number;
}

export interface PlatformRules {
  /** Where the numbers come from. */
  source: string;
  /** When the numbers were last checked against `source` (ISO date). */
  asOf: string;
  video: VideoRules;
  /** Null: the platform publishes no images. */
  image: ImageRules | null;
}

/** The day every platform's numbers were last compared with its documentation (../shared/PLATFORMS.md). */
const RULES_CHECKED = '2026-12-06';

const KB = 1_000;
const MB = 1_000_000;
const GB = 1_000_000_000;
const MINUTE = 60;
const HOUR = 3_600;

export const PLATFORM_RULES: Record<Platform, PlatformRules> = {
  INSTAGRAM: {
    source:
      'Instagram content publishing, IG User Media reference (developers.facebook.com/docs/instagram-platform); feed video publishes as Reels',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4', 'mov'],
      videoCodecs: ['h264', 'hevc'],
      requires420: true,
      requiresProgressive: true,
      audioCodecs: ['aac'],
      audioSampleRateHz: { max: 48_000 },
      audioChannels: { min: 1, max: 2 },
      // Some revisions say 1 GB.
      sizeBytes: { max: 300 * MB },
      durationSeconds: { min: 3, max: 15 * MINUTE },
      aspect: { min: [0.01, 1], max: [10, 1] },
      recommendedAspect: { ratio: [9, 16], note: 'for Reels' },
      width: { max: 1920 },
      fps: { min: 23, max: 60 },
    },
    image: {
      // MPO/JPS (multi-picture JPEG) are refused too; they are not told apart from JPEG here.
      formats: ['jpeg'],
      sizeBytes: { max: 8 * MB },
      aspect: { min: [4, 5], max: [1.91, 1] },
      width: { min: 320, max: 1440 },
      widthRescaled: true,
    },
  },
  INSTAGRAM_STORY: {
    source:
      'Instagram content publishing, IG User Media reference (developers.facebook.com/docs/instagram-platform)',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4', 'mov'],
      videoCodecs: ['h264', 'hevc'],
      audioCodecs: ['aac'],
      sizeBytes: { max: 100 * MB },
      durationSeconds: { min: 3, max: 60 },
      aspect: { min: [0.1, 1], max: [10, 1] },
      // Full-screen vertical feeds.
      recommendedAspect: { ratio: [9, 16] },
      width: { max: 1920 },
      fps: { min: 23, max: 60 },
    },
    image: null,
  },
  TIKTOK: {
    source:
      'TikTok Content Posting API, media transfer guide (developers.tiktok.com)',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4', 'webm', 'mov'],
      videoCodecs: ['h264', 'hevc', 'vp8', 'vp9'],
      sizeBytes: { max: 4 * GB },
      // The maximum is creator-specific; 10 minutes is what every creator may post.
      durationSeconds: { max: 10 * MINUTE },
      recommendedMinDurationSeconds: 3,
      recommendedAspect: { ratio: [9, 16] },
      sidePixels: { min: 360, max: 4096 },
      fps: { min: 23, max: 60 },
    },
    image: {
      formats: ['jpeg', 'webp'],
      sizeBytes: { max: 20 * MB },
      resolution: { max: [1920, 1080], label: '1080p' },
    },
  },
  YOUTUBE: {
    source:
      'YouTube Data API videos.insert (developers.google.com/youtube/v3); YouTube Help "upload videos longer than 15 minutes"',
    asOf: RULES_CHECKED,
    video: {
      recommendedVideoCodec: 'h264',
      recommendedAudioCodec: 'aac',
      sizeBytes: { max: 256 * GB },
      durationSeconds: { max: 12 * HOUR },
      conditionalMaxDuration: {
        seconds: 15 * MINUTE,
        condition: 'only from verified channels',
      },
    },
    image: null,
  },
  YOUTUBE_SHORTS: {
    source:
      'YouTube Help "Shorts up to 3 minutes"; YouTube Data API videos.insert',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4', 'mov', 'webm'],
      videoCodecs: ['h264', 'hevc', 'vp9', 'av1'],
      sizeBytes: { max: 256 * GB },
      durationSeconds: { max: 3 * MINUTE },
      aspect: { max: [1, 1], note: 'square or vertical' },
      // Full-screen vertical feeds.
      recommendedAspect: { ratio: [9, 16] },
    },
    image: null,
  },
  X: {
    source: 'X API media best practices (docs.x.com)',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4', 'mov'],
      videoCodecs: ['h264'],
      requires420: true,
      requiresProgressive: true,
      audioCodecs: ['aac'],
      audioProfile: 'LC',
      audioChannels: { min: 1, max: 2 },
      // Posts from standard accounts since late 2026 (Premium: 16 GB, 125 min; DMs: 512 MB, 140 s).
      sizeBytes: { max: 8 * GB },
      durationSeconds: { min: 0.5, max: 20 * MINUTE },
      aspect: { min: [1, 3], max: [3, 1] },
      resolution: { min: [32, 32], max: [1920, 1200] },
      recommendedMaxResolution: [1280, 1024],
      fps: { max: 60 },
    },
    image: {
      formats: ['jpeg', 'png', 'gif', 'webp'],
      sizeBytes: { max: 5 * MB },
      maxBytesByFormat: { gif: 15 * MB },
    },
  },
  LINKEDIN: {
    source:
      'LinkedIn Marketing Images and Videos API (learn.microsoft.com/linkedin/marketing)',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4'],
      videoCodecs: ['h264'],
      audioCodecs: ['aac'],
      sizeBytes: { min: 75 * KB, max: 500 * MB },
      durationSeconds: { min: 3, max: 30 * MINUTE },
      aspect: { min: [1, 2.4], max: [2.4, 1] },
      resolution: { min: [256, 144], max: [4096, 2304] },
      fps: { min: 10, max: 60 },
    },
    image: {
      formats: ['jpeg', 'png', 'gif'],
      maxPixelsExclusive: 36_152_320,
      maxGifFrames: 250,
    },
  },
  FACEBOOK: {
    source:
      'Facebook Graph API video uploads and Reels publishing guide (developers.facebook.com/docs/video-api)',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4', 'mov'],
      videoCodecs: ['h264', 'hevc', 'vp9', 'av1'],
      audioCodecs: ['aac'],
      audioSampleRateHz: { exactly: 48_000 },
      sizeBytes: { max: 1 * GB },
      durationSeconds: { min: 3, max: 90 },
      aspect: { min: [9, 16], max: [16, 9] },
      recommendedAspect: { ratio: [9, 16], note: 'for Reels' },
      resolution: { min: [960, 540] },
      fps: { min: 24, max: 60 },
    },
    image: {
      formats: ['jpeg', 'png', 'gif', 'bmp', 'tiff'],
      sizeBytes: { max: 10 * MB },
    },
  },
  PINTEREST: {
    source: 'Pinterest Help "video Pins" specifications (help.pinterest.com)',
    asOf: RULES_CHECKED,
    video: {
      // m4v files are reported as mp4 (same ISO-BMFF brand family).
      containers: ['mp4', 'mov'],
      videoCodecs: ['h264', 'hevc'],
      sizeBytes: { max: 2 * GB },
      durationSeconds: { min: 4, max: 15 * MINUTE },
      aspect: { min: [1, 2], max: [1.91, 1] },
    },
    image: {
      formats: ['jpeg', 'png', 'webp'],
      sizeBytes: { max: 20 * MB },
      recommendedAspect: { ratio: [2, 3] },
    },
  },
  THREADS: {
    source:
      'Threads API media specifications (developers.facebook.com/docs/threads)',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4', 'mov'],
      videoCodecs: ['h264', 'hevc'],
      requires420: true,
      audioCodecs: ['aac'],
      audioSampleRateHz: { max: 48_000 },
      sizeBytes: { max: 1 * GB },
      durationSeconds: { max: 5 * MINUTE },
      aspect: { min: [0.01, 1], max: [10, 1] },
      width: { max: 1920 },
      fps: { min: 23, max: 60 },
    },
    image: {
      formats: ['jpeg', 'png'],
      sizeBytes: { max: 8 * MB },
      aspect: { max: [10, 1] },
      width: { min: 320, max: 1440 },
    },
  },
  BLUESKY: {
    source:
      'Bluesky atproto lexicons app.bsky.embed.video and app.bsky.embed.images',
    asOf: RULES_CHECKED,
    video: {
      containers: ['mp4'],
      videoCodecs: ['h264'],
      audioCodecs: ['aac'],
      sizeBytes: { max: 100 * MB },
      durationSeconds: { max: 3 * MINUTE },
      aspect: { min: [1, 3], max: [3, 1] },
    },
    image: {
      sizeBytes: { max: 1_000_000 },
    },
  },
};
