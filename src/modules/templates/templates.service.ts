import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiError } from '../../common/errors/api-error.js';
import { SafeFetcher, requireSuccess } from '../../infra/fetch/safe-fetcher.js';
import { CardRenderer } from '../../infra/render/card-renderer.js';
import { Storage } from '../../infra/storage/storage.port.js';
import type { Media } from '../media/media.entity.js';
import { MediaIngest } from '../media/media-ingest.service.js';
import { validateConfig, type ResolvedConfig } from './config-fields.js';
import { BUILT_IN_TEMPLATES } from './definitions/index.js';
import { renderCard, requestedImages } from './render-card.js';
import {
  ASPECT_RATIOS,
  type AspectRatio,
  type TemplateDefinition,
} from './template.js';

/** A render a client asks for. */
export interface RenderRequest {
  templateSlug: string;
  config?: Record<string, unknown>;
  aspectRatio?: AspectRatio;
}

/** Remote template images are small pictures: anything larger or slower is drawn as a placeholder. */
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_DEADLINE_MS = 3_000;

/**
 * OG templates (docs/contracts.md#templates): renders a template into a PNG, stores it as a
 * `render` media item that goes through the image pipeline like any upload, and answers once it is
 * READY.
 */
@Injectable()
export class TemplatesService {
  private readonly logger = new Logger(TemplatesService.name);
  private readonly templates = new Map(
    BUILT_IN_TEMPLATES.map((template) => [template.slug, template]),
  );

  constructor(
    private readonly ingest: MediaIngest,
    private readonly renderer: CardRenderer,
    private readonly fetcher: SafeFetcher,
    private readonly storage: Storage,
  ) {}

  /** The built-in templates. */
  catalogue(): readonly TemplateDefinition[] {
    return BUILT_IN_TEMPLATES;
  }

  async render(workspaceId: string, dto: RenderRequest): Promise<Media> {
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
      throw new ApiError(
        'validation_error',
        errors.map((error) => error.message).join('; '),
        { errors, replayable: false },
      );
    }
    this.ingest.assertCanIngest();
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
    return this.ingest.ingest(
      workspaceId,
      'render',
      {
        filename: `${template.slug}.png`,
        contentType: 'image/png',
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
      },
      async (key) => {
        await this.storage.write({
          key,
          body: Readable.from([png]),
          contentType: 'image/png',
        });
        return { contentType: 'image/png', sizeBytes: png.length };
      },
      { awaitProcessing: true },
    );
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
