import type { CardElement } from '../../infra/render/card-element.js';
import type { CardSize } from '../../infra/render/card-renderer.js';
import type { ConfigFields, ResolvedConfig } from './config-fields.js';

export const ASPECT_RATIOS = {
  '1:1': { width: 1080, height: 1080 },
  '4:5': { width: 1080, height: 1350 },
  '9:16': { width: 1080, height: 1920 },
} as const satisfies Record<string, CardSize>;

export type AspectRatio = keyof typeof ASPECT_RATIOS;
export const ASPECT_RATIO_NAMES = Object.keys(ASPECT_RATIOS) as AspectRatio[];

/** The Open Graph card size, every built-in's own. */
export const OG_SIZE: CardSize = { width: 1200, height: 630 };

export interface LayoutInput {
  config: ResolvedConfig;
  size: CardSize;
  /** Each image field's inlined data URL, or null when it is unset or could not be fetched. */
  images: Record<string, string | null>;
}

/**
 * A template: its config fields (data) and a layout function from validated config to a satori
 * element tree. One file per template under `definitions/`, listed in `definitions/index.ts`.
 */
export interface TemplateDefinition {
  slug: string;
  description: string;
  fields: ConfigFields;
  /** Used when the request names no aspect ratio. */
  defaultSize: CardSize;
  layout(input: LayoutInput): CardElement;
}
