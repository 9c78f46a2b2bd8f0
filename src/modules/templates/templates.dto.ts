import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { ASPECT_RATIO_NAMES, type AspectRatio } from './template.js';

export class RenderTemplateDto {
  /** A template's slug, from `GET /v1/templates`. @example "og-blog-post" */
  @IsString()
  @Length(1, 64)
  templateSlug: string;

  /**
   * The template's config: the fields `GET /v1/templates` lists for it, each optional (defaults
   * apply). Unknown fields and wrong types are refused, named as `config.<field>`.
   * @example {"title":"Designing share images","author":"Grace Hopper","date":"2025-06-01"}
   */
  @ApiPropertyOptional({ type: 'object', additionalProperties: {} })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  /** 1:1 is 1080×1080, 4:5 1080×1350, 9:16 1080×1920; without it the template's own size (1200×630). */
  @ApiProperty({ enum: ASPECT_RATIO_NAMES, required: false })
  @IsOptional()
  @IsIn(ASPECT_RATIO_NAMES)
  aspectRatio?: AspectRatio;
}

export class RenderTemplateResponseDto {
  /** The hosted image (a JFIF JPEG once processed, which the response waits for). */
  url: string;
  /** The media item holding the image. @example "media_abc1234567890abc12345678" */
  id: string;
}

export class TemplateSizeDto {
  /** `default` for the template's own size. */
  @ApiProperty({ enum: ['default', ...ASPECT_RATIO_NAMES] })
  aspectRatio: string;
  width: number;
  height: number;
}

export class TemplateFieldDto {
  name: string;
  /** `text`, `enum`, `date` (YYYY-MM-DD) or `image` (an http(s) URL fetched at render time). */
  @ApiProperty({ enum: ['text', 'enum', 'date', 'image'] })
  type: 'text' | 'enum' | 'date' | 'image';
  description: string;
  /** Used when the field is absent; '' means the element is left out. */
  default?: string;
  maxLength?: number;
  /** The allowed values of an `enum` field. */
  values?: string[];
}

export class TemplateDto {
  /** @example "tweetImage" */
  slug: string;
  description: string;
  fields: TemplateFieldDto[];
  /** The sizes it renders at; the first is its own. */
  sizes: TemplateSizeDto[];
  /**
   * Where sample renders of it are, in the API's source repository: every size, every theme.
   * @example "docs/templates/tweetImage-*.png"
   */
  samples: string;
}

export class TemplateCatalogueDto {
  data: TemplateDto[];
}
