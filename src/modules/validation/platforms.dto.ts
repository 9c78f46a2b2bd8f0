import {
  ApiProperty,
  ApiPropertyOptional,
  type ApiPropertyOptions,
} from '@nestjs/swagger';
import {
  IMAGE_FORMATS,
  type Dimensions,
  type ImageFormat,
  type ImageRules,
  type PlatformRules,
  type VideoRules,
} from './platform-rules.js';
import { PLATFORMS, type Platform } from './platforms.js';

/** `[width, height]`: an aspect ratio such as `[9, 16]` or a frame size such as `[1920, 1200]`. */
const DIMENSIONS: ApiPropertyOptions = {
  type: [Number],
  minItems: 2,
  maxItems: 2,
  example: [9, 16],
};

export class RangeDto {
  min?: number;
  max?: number;
}

export class AspectRangeDto {
  /** The narrowest aspect allowed, `[width, height]`. */
  @ApiPropertyOptional(DIMENSIONS)
  min?: Dimensions;

  /** The widest aspect allowed, `[width, height]`. */
  @ApiPropertyOptional(DIMENSIONS)
  max?: Dimensions;

  /** Said after the limit in messages, e.g. "square or vertical". */
  note?: string;
}

export class RecommendedAspectDto {
  @ApiProperty(DIMENSIONS)
  ratio: Dimensions;

  /** When the recommendation applies, e.g. "for Reels". */
  note?: string;
}

export class ResolutionRangeDto {
  /** The smallest frame, `[long side, short side]`, in either orientation. */
  @ApiPropertyOptional(DIMENSIONS)
  min?: Dimensions;

  /** The largest frame, `[long side, short side]`, in either orientation. */
  @ApiPropertyOptional(DIMENSIONS)
  max?: Dimensions;
}

export class ImageResolutionDto {
  /** The largest frame, `[long side, short side]`, in either orientation. */
  @ApiProperty(DIMENSIONS)
  max: Dimensions;

  /** How the platform names the limit, e.g. "1080p". */
  label: string;
}

export class SampleRateDto {
  max?: number;
  exactly?: number;
}

export class ConditionalDurationDto {
  seconds: number;
  /** What the longer duration depends on, e.g. "only from verified channels". */
  condition: string;
}

/** Video publishing rules; an absent rule means the platform sets no limit there. */
export class VideoRulesDto implements VideoRules {
  /** Containers accepted, as validation reports them (`mp4`, `mov`, `webm`…). */
  containers?: string[];
  /** ffprobe codec names accepted (`h264`, `hevc`, `vp9`…). */
  videoCodecs?: string[];
  /** A recommendation only (a warning when not met). */
  recommendedVideoCodec?: string;
  /** 4:2:0 chroma subsampling required. */
  requires420?: boolean;
  /** Progressive scan required (no interlacing). */
  requiresProgressive?: boolean;
  /** Audio codecs accepted when the video has sound; silent video is always accepted. */
  audioCodecs?: string[];
  recommendedAudioCodec?: string;
  /** ffprobe's AAC profile name required, e.g. `LC`. */
  audioProfile?: string;
  audioSampleRateHz?: SampleRateDto;
  audioChannels?: RangeDto;
  /** File size in bytes (decimal: 1 MB = 1,000,000 bytes). */
  sizeBytes: RangeDto;
  durationSeconds?: RangeDto;
  /** Shorter is accepted but advised against (a warning). */
  recommendedMinDurationSeconds?: number;
  /** Longer is accepted only under a condition the API cannot see (a warning). */
  conditionalMaxDuration?: ConditionalDurationDto;
  aspect?: AspectRangeDto;
  recommendedAspect?: RecommendedAspectDto;
  /** Display width in pixels (rotation applied). */
  width?: RangeDto;
  /** Each side of the frame, whatever the orientation. */
  sidePixels?: RangeDto;
  resolution?: ResolutionRangeDto;
  /** `[long side, short side]` recommended at most (a warning). */
  @ApiPropertyOptional(DIMENSIONS)
  recommendedMaxResolution?: Dimensions;
  /** Frames per second. */
  fps?: RangeDto;
}

/** Image publishing rules; an absent rule means the platform sets no limit there. */
export class ImageRulesDto implements ImageRules {
  /** Image formats accepted; absent: any. */
  @ApiPropertyOptional({ enum: IMAGE_FORMATS, isArray: true })
  formats?: ImageFormat[];
  /** File size in bytes (decimal). */
  sizeBytes?: RangeDto;
  /** Per-format size limits in bytes that replace `sizeBytes.max`, e.g. `{ "gif": 15000000 }`. */
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { gif: 15_000_000 },
  })
  maxBytesByFormat?: Partial<Record<ImageFormat, number>>;
  aspect?: AspectRangeDto;
  recommendedAspect?: RecommendedAspectDto;
  /** Width in pixels. */
  width?: RangeDto;
  /** The platform rescales images outside `width` instead of refusing them (a warning). */
  widthRescaled?: boolean;
  resolution?: ImageResolutionDto;
  /** Total pixels must stay below this. */
  maxPixelsExclusive?: number;
  /** Frame limit for animated GIFs. */
  maxGifFrames?: number;
}

export class PlatformDto implements PlatformRules {
  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;

  /** Where the numbers come from (the platform's developer documentation). */
  source: string;

  /** When the numbers were last checked against `source` (ISO date). */
  @ApiProperty({ format: 'date', example: '2026-12-06' })
  asOf: string;

  video: VideoRulesDto;

  /** Null: the platform publishes no images (Stories here, YouTube). */
  @ApiProperty({ type: ImageRulesDto, nullable: true })
  image: ImageRulesDto | null;
}

export class PlatformListDto {
  /** Every platform media can be validated against, in a fixed order. */
  data: PlatformDto[];
}
