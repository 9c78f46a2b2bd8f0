import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { RenditionDto } from '../media/rendition.dto.js';
import {
  RENDITION_FITS,
  type RenditionFit,
} from '../media/rendition.entity.js';
import { PlatformList } from '../validation/validation.dto.js';
import type { Platform } from '../validation/platforms.js';

export class CreateRenditionsDto {
  /** The platforms to make the item publishable on, e.g. `["INSTAGRAM", "TIKTOK", "BLUESKY"]`. */
  @PlatformList()
  platforms: Platform[];

  /**
   * How an aspect ratio the platform does not take is changed: `pad` keeps the whole picture and
   * adds bars (black for video, white for images), `crop` cuts the centre out.
   * @default "pad"
   */
  @ApiProperty({ enum: RENDITION_FITS, required: false, default: 'pad' })
  @IsOptional()
  @IsIn(RENDITION_FITS, { message: 'fit must be "pad" or "crop"' })
  fit?: RenditionFit;

  /**
   * Whether a video longer than the platform allows may be cut to its maximum (from the start). With
   * `false` such a rendition fails, saying the limit.
   * @default true
   */
  @IsOptional()
  @IsBoolean()
  trim?: boolean;
}

export class RenditionsAcceptedDto {
  /** One per platform asked for, in that order: new ones `queued`, existing ones as they are. */
  renditions: RenditionDto[];
}

export class RenditionListDto {
  /** The item's renditions, oldest first. */
  data: RenditionDto[];
}
