import type {
  CardRenderer,
  CardSize,
} from '../../infra/render/card-renderer.js';
import type { ResolvedConfig } from './config-fields.js';
import type { TemplateDefinition } from './template.js';

/** Avatars are drawn at most ~130 px wide; twice that keeps them sharp after downscaling. */
const SQUARE_IMAGE_SIZE: CardSize = { width: 256, height: 256 };

export interface RenderedCard {
  png: Buffer;
  /** Image fields that were set but drawn as placeholders (their bytes were not a usable image). */
  placeholders: string[];
}

/** The config fields holding image URLs that are set, with the box each is inlined at. */
export function requestedImages(
  template: TemplateDefinition,
  config: ResolvedConfig,
  size: CardSize,
): Array<{ field: string; url: string; box: CardSize }> {
  return Object.entries(template.fields).flatMap(([field, spec]) =>
    spec.type === 'image' && config[field] !== ''
      ? [
          {
            field,
            url: config[field],
            box: spec.shape === 'square' ? SQUARE_IMAGE_SIZE : size,
          },
        ]
      : [],
  );
}

/**
 * Lays the template out and renders it. `imageBytes` holds what was downloaded for each image field
 * (absent when the download failed); anything missing or undecodable becomes the layout's
 * placeholder rather than failing the render.
 */
export async function renderCard(
  renderer: CardRenderer,
  template: TemplateDefinition,
  config: ResolvedConfig,
  size: CardSize,
  imageBytes: Record<string, Buffer | undefined>,
): Promise<RenderedCard> {
  const images: Record<string, string | null> = {};
  const placeholders: string[] = [];
  await Promise.all(
    requestedImages(template, config, size).map(async ({ field, box }) => {
      const bytes = imageBytes[field];
      images[field] = bytes ? await renderer.inlineImage(bytes, box) : null;
      if (images[field] === null) placeholders.push(field);
    }),
  );
  for (const [field, spec] of Object.entries(template.fields)) {
    if (spec.type === 'image') images[field] ??= null;
  }
  const png = await renderer.renderPng(
    template.layout({ config, size, images }),
    size,
  );
  return { png, placeholders: placeholders.sort() };
}
