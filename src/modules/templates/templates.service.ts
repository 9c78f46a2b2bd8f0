import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiError } from '../../common/errors/api-error.js';
import { RequestValidationError } from '../../common/validation/validation-pipe.js';
import { SafeFetcher, requireSuccess } from '../../infra/fetch/safe-fetcher.js';
import { CardRenderer } from '../../infra/render/card-renderer.js';
import { Storage } from '../../infra/storage/storage.port.js';
import { MediaLifecycleService } from '../media/media-lifecycle.service.js';
import { MediaService } from '../media/media.service.js';
import { validateConfig, type ResolvedConfig } from './config-fields.js';
import { BUILT_IN_TEMPLATES } from './definitions/index.js';
import { renderCard, requestedImages } from './render-card.js';
import { ASPECT_RATIOS, type TemplateDefinition } from './template.js';
import type {
  RenderTemplateDto,
  RenderTemplateResponseDto,
  TemplateDto,
} from './templates.dto.js';

/** Remote template images are small pictures: anything larger or slower is drawn as a placeholder. */
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_DEADLINE_MS = 3_000;

/**
 * OG templates (SPEC §4): renders a template into a PNG, stores it as a `render` media item that
 * goes through the image pipeline like any upload, and answers once it is READY.
 */
@Injectable()
export class TemplatesService {
  private readonly logger = new Logger(TemplatesService.name);
  private readonly templates = new Map(
    BUILT_IN_TEMPLATES.map((template) => [template.slug, template]),
  );

  constructor(
    private readonly media: MediaService,
    private readonly lifecycle: MediaLifecycleService,
    private readonly renderer: CardRenderer,
    private readonly fetcher: SafeFetcher,
    private readonly storage: Storage,
  ) {}

  catalogue(): TemplateDto[] {
    return BUILT_IN_TEMPLATES.map((template) => ({
      slug: template.slug,
      description: template.description,
      fields: Object.entries(template.fields).map(([name, field]) => ({
        name,
        ...field,
      })),
      sizes: [
        { aspectRatio: 'default', ...template.defaultSize },
        ...Object.entries(ASPECT_RATIOS).map(([aspectRatio, size]) => ({
          aspectRatio,
          ...size,
        })),
      ],
      samples: `docs/templates/${template.slug}-*.png`,
    }));
  }

  async render(
    workspaceId: string,
    dto: RenderTemplateDto,
  ): Promise<RenderTemplateResponseDto> {
    const template = this.templates.get(dto.templateSlug);
    if (!template) {
      throw new ApiError(
        'not_found',
        `No template ${dto.templateSlug}; GET /v1/templates lists them`,
      );
    }
    const { config, errors } = validateConfig(
      template.fields,
      dto.config ?? {},
    );
    if (errors.length > 0) {
      // Body validation, only finished here: like the pipe's, not kept under an idempotency key.
      throw new RequestValidationError(
        'validation_error',
        errors.map((error) => error.message).join('; '),
        { errors },
      );
    }
    this.lifecycle.assertCanQueueProcessing();
    const size = dto.aspectRatio
      ? ASPECT_RATIOS[dto.aspectRatio]
      : template.defaultSize;
    const { png, placeholders } = await renderCard(
      this.renderer,
      template,
      config,
      size,
      await this.fetchImages(workspaceId, template, config, size),
    );
    const item = this.media.newServerStoredItem(workspaceId, 'render', {
      filename: `${template.slug}.png`,
      contentType: 'image/png',
      status: 'PROCESSING',
      sizeBytes: png.length,
      metadata: {
        template: {
          slug: template.slug,
          config: dto.config ?? {},
          aspectRatio: dto.aspectRatio ?? null,
          width: size.width,
          height: size.height,
          ...(placeholders.length > 0 ? { placeholders } : {}),
        },
      },
    });
    await this.storage.write({
      key: item.storagePath!,
      body: Readable.from([png]),
      contentType: 'image/png',
    });
    try {
      await this.lifecycle.insertReceived(item);
    } catch (error) {
      await this.storage.delete(item.storagePath!);
      throw error;
    }
    const ready = await this.media.waitForProcessing(workspaceId, item.id);
    return { url: ready.publicUrl, id: ready.id };
  }

  /**
   * Downloads the config's image URLs in parallel through the safe fetcher, each capped in size
   * and time. A failure is logged and leaves the field out, so the card renders its placeholder.
   */
  private async fetchImages(
    workspaceId: string,
    template: TemplateDefinition,
    config: ResolvedConfig,
    size: { width: number; height: number },
  ): Promise<Record<string, Buffer | undefined>> {
    const images: Record<string, Buffer | undefined> = {};
    await Promise.all(
      requestedImages(template, config, size).map(async ({ field, url }) => {
        try {
          images[field] = await this.download(url);
        } catch (error) {
          this.logger.warn(
            { workspaceId, templateSlug: template.slug },
            `Template image ${field} not fetched, drawing a placeholder: ${(error as Error).message}`,
          );
        }
      }),
    );
    return images;
  }

  private async download(url: string): Promise<Buffer> {
    const signal = AbortSignal.timeout(IMAGE_DEADLINE_MS);
    const response = requireSuccess(
      await this.fetcher.fetch(url, {
        maxBytes: IMAGE_MAX_BYTES,
        timeouts: {
          connectMs: IMAGE_DEADLINE_MS,
          headersMs: IMAGE_DEADLINE_MS,
          bodyIdleMs: IMAGE_DEADLINE_MS,
        },
        signal,
      }),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
}
