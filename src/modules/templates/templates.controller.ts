import { applyDecorators, Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthContext } from '../../common/auth/auth-context.js';
import { CurrentAuth } from '../../common/auth/auth.decorators.js';
import { Authenticated } from '../../common/auth/authenticated.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator.js';
import { DerivesIdempotencyKey } from '../idempotency/idempotency.decorators.js';
import {
  RenderTemplateDto,
  RenderTemplateResponseDto,
  TemplateCatalogueDto,
} from './templates.dto.js';
import { toTemplateDto } from './templates.mapper.js';
import { TemplatesService } from './templates.service.js';

/** What both render routes share: they are the same operation under two paths. */
function RenderRoute(summary: string) {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiCreatedResponse({ type: RenderTemplateResponseDto }),
    ApiProblemResponses(
      [
        400,
        'Invalid body, or `config` fields unknown to the template or of the wrong type, named as `config.<field>` (`validation_error`)',
      ],
      [404, 'No template with that slug (`not_found`)'],
      429,
      507,
    ),
    Authenticated('media:write'),
    RateLimit('templates'),
    DerivesIdempotencyKey(),
  );
}

@ApiTags('Templates')
@Controller()
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  /** The built-in templates: their config fields with types, defaults and limits, and their sizes. */
  @ApiOperation({ summary: 'List templates' })
  @ApiOkResponse({ type: TemplateCatalogueDto })
  @Authenticated('media:read')
  @Get('v1/templates')
  listTemplates(): TemplateCatalogueDto {
    return { data: this.templates.catalogue().map(toTemplateDto) };
  }

  /**
   * Renders a template into an image stored in the library (`metadata.source: "render"`, with the
   * template's slug, config and aspect ratio). Image URLs in `config` are fetched (5 MB, 3 s); one
   * that cannot be fetched is drawn as a placeholder. The response waits until the item is READY
   * (a JFIF JPEG), so `url` serves at once.
   */
  @RenderRoute('Render a template')
  @Post('v1/templates')
  async renderTemplate(
    @CurrentAuth() auth: AuthContext,
    @Body() body: RenderTemplateDto,
  ): Promise<RenderTemplateResponseDto> {
    const media = await this.templates.render(auth.workspace.id, body);
    return { url: media.publicUrl, id: media.id };
  }

  /** Alias of `POST /v1/templates`, for clients of the first API. */
  @RenderRoute('Render an OG image (alias of POST /v1/templates)')
  @Post('v1/media/render-og')
  async renderOgImage(
    @CurrentAuth() auth: AuthContext,
    @Body() body: RenderTemplateDto,
  ): Promise<RenderTemplateResponseDto> {
    const media = await this.templates.render(auth.workspace.id, body);
    return { url: media.publicUrl, id: media.id };
  }
}
