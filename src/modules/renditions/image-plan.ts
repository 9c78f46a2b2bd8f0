import type { RenditionFit } from '../media/rendition.entity.js';
import type { RenderedImage } from '../../infra/image/image-rendition.js';
import { JPEG_QUALITY } from '../../infra/image/image-normalisation.js';
import type { ImageFacts } from '../validation/evaluate-media.js';
import {
  PLATFORM_RULES,
  type AspectRange,
  type Dimensions,
  type ImageRules,
} from '../validation/platform-rules.js';
import type { Platform } from '../validation/platforms.js';

/**
 * How a picture whose aspect ratio a platform refuses is brought into range: `pad` keeps every pixel
 * and adds white bars (JPEG has no transparency), `crop` keeps the centre and fills the frame. (The
 * video planner, src/modules/renditions/video-plan.ts, defines the same type.)
 */

/**
 * What to render so that an image passes a platform's rules, or why no rendition can. A render is
 * always a baseline JFIF JPEG (every platform that publishes images takes JPEG; WebP is never
 * produced) of exactly `width` × `height`, reached from the upright source by `fit` (`none`: the
 * aspect ratio is kept, only scaled), at most `maxBytes` long. `changes` says what the rendition does,
 * in words a user can read; the renderer adds what it had to do on top (a lower quality, a smaller
 * size) to fit `maxBytes`.
 */
export type ImagePlan =
  | { kind: 'unfixable'; reason: string }
  | {
      kind: 'render';
      changes: string[];
      width: number;
      height: number;
      fit: 'pad' | 'crop' | 'none';
      format: 'jpeg';
      maxBytes: number | null;
    };

export type ImageRenderPlan = Extract<ImagePlan, { kind: 'render' }>;

/**
 * Plans the rendition of an image (facts in display orientation) for `platform`; called when
 * `evaluateMedia(facts, platform)` found errors. Pure: the numbers come from `rules`.
 *
 * The frame is fixed in this order: the aspect ratio into the platform's range (to the nearest
 * bound, by `fit`), then one scale that brings the width into range (down above the maximum, up
 * below the minimum) and the long side, short side and pixel count under their caps. The byte cap
 * is the platform's limit for JPEG.
 */
export function planImageRendition(
  facts: ImageFacts,
  platform: Platform,
  fit: RenditionFit,
  rules: ImageRules | null = PLATFORM_RULES[platform].image,
): ImagePlan {
  if (rules === null) {
    return unfixable(
      `${platform} does not publish images; only video can be posted there`,
    );
  }
  if (rules.formats && !rules.formats.includes('jpeg')) {
    return unfixable(
      `${platform} takes no JPEG, the only format renditions are made in`,
    );
  }
  const format = facts.format.toLowerCase();
  if (format === 'gif' && takesGif(rules)) {
    // The facts do not say whether the GIF is animated; a JPEG would keep its first frame only.
    return unfixable(
      `${platform} accepts GIFs, and a rendition is a JPEG of the first frame, which would lose any animation: make the GIF itself fit ${platform}'s limits`,
    );
  }
  if (facts.width === null || facts.height === null) {
    return unfixable(
      'The image dimensions are unknown (the file is not stored here), so no rendition can be made',
    );
  }

  const changes: string[] = [];
  if (format !== 'jpeg') {
    changes.push(
      `converted ${format} → jpeg${format === 'gif' ? ' (first frame)' : ''}`,
    );
  }

  const source = { width: facts.width, height: facts.height };
  const aspect = aspectBounds(rules.aspect);
  const targetRatio = clamp(
    source.width / source.height,
    aspect.min,
    aspect.max,
  );
  let canvas = source;
  let planFit: ImageRenderPlan['fit'] = 'none';
  if (targetRatio !== source.width / source.height) {
    canvas = reframe(source, targetRatio, fit);
    planFit = fit;
    const bound =
      targetRatio === aspect.max ? rules.aspect!.max! : rules.aspect!.min!;
    // 1441×754 rounds to "1.91:1" like the bound it breaks: show it precisely enough to differ.
    const from = aspectOf(source.width, source.height, 2);
    changes.push(
      `${fit === 'pad' ? 'padded' : 'cropped'} ${from === label(bound) ? aspectOf(source.width, source.height, 4) : from} → ${label(bound)}`,
    );
  }

  const scale = scaleRange(canvas, rules);
  const frame =
    scale.min > scale.max
      ? null
      : scaledFrame(canvas, clamp(1, scale.min, scale.max), rules);
  if (frame === null) {
    return unfixable(
      `No size of this image meets ${platform}'s width and size limits at once`,
    );
  }
  if (frame.width !== canvas.width || frame.height !== canvas.height) {
    changes.push(
      `scaled ${canvas.width}×${canvas.height} → ${frame.width}×${frame.height}`,
    );
  }

  return {
    kind: 'render',
    changes,
    width: frame.width,
    height: frame.height,
    fit: planFit,
    format: 'jpeg',
    maxBytes: rules.maxBytesByFormat?.jpeg ?? rules.sizeBytes?.max ?? null,
  };
}

/**
 * The plan's changes followed by what the renderer had to do to meet the byte cap: a smaller frame
 * ("scaled 1440×1080 → 1224×918 to fit 1,000,000 bytes") and a quality below the default ("quality
 * lowered to fit 1,000,000 bytes").
 */
export function changesAfterRender(
  plan: ImageRenderPlan,
  rendered: Pick<
    RenderedImage,
    'width' | 'height' | 'quality' | 'downscaledFrom'
  >,
): string[] {
  const changes = [...plan.changes];
  const cap =
    plan.maxBytes === null ? '' : ` to fit ${count(plan.maxBytes)} bytes`;
  if (rendered.downscaledFrom !== null) {
    const { width, height } = rendered.downscaledFrom;
    changes.push(
      `scaled ${width}×${height} → ${rendered.width}×${rendered.height}${cap}`,
    );
  }
  if (rendered.quality < JPEG_QUALITY) {
    changes.push(`quality lowered${cap}`);
  }
  return changes;
}

interface Frame {
  width: number;
  height: number;
}

function unfixable(reason: string): ImagePlan {
  return { kind: 'unfixable', reason };
}

/** No format list means any image format. */
function takesGif(rules: ImageRules): boolean {
  return !rules.formats || rules.formats.includes('gif');
}

function aspectBounds(aspect: AspectRange | undefined): {
  min: number;
  max: number;
} {
  return {
    min: aspect?.min ? aspect.min[0] / aspect.min[1] : 0,
    max: aspect?.max ? aspect.max[0] / aspect.max[1] : Infinity,
  };
}

/**
 * The frame with aspect `ratio` that pads `source` with bars or crops its centre. Rounded so that the
 * frame is inside the bound it was moved to (1910×1000 for 1.91:1, never 1911).
 */
function reframe(source: Frame, ratio: number, fit: RenditionFit): Frame {
  const { width, height } = source;
  const tooWide = width / height > ratio;
  if (fit === 'pad') {
    return tooWide
      ? { width, height: ceil(width / ratio) }
      : { width: ceil(height * ratio), height };
  }
  return tooWide
    ? { width: Math.max(1, floor(height * ratio)), height }
    : { width, height: Math.max(1, floor(width / ratio)) };
}

/** The scale factors that meet every size rule: `min` from the minimum width, `max` from the caps. */
function scaleRange(
  canvas: Frame,
  rules: ImageRules,
): { min: number; max: number } {
  let max = Infinity;
  if (rules.width?.max !== undefined) {
    max = Math.min(max, rules.width.max / canvas.width);
  }
  if (rules.resolution) {
    const [long, short] = sides(canvas.width, canvas.height);
    const [maxLong, maxShort] = rules.resolution.max;
    max = Math.min(max, maxLong / long, maxShort / short);
  }
  if (rules.maxPixelsExclusive !== undefined) {
    max = Math.min(
      max,
      Math.sqrt(
        (rules.maxPixelsExclusive - 1) / (canvas.width * canvas.height),
      ),
    );
  }
  const min =
    rules.width?.min !== undefined ? rules.width.min / canvas.width : 0;
  return { min, max };
}

/**
 * `canvas` scaled by `scale` to whole pixels that still meet every rule: the height follows the
 * width and is nudged back inside the aspect range if rounding left it; when rounding oversteps a
 * cap the width gives up a pixel. Null when no width near the scaled one works.
 */
function scaledFrame(
  canvas: Frame,
  scale: number,
  rules: ImageRules,
): Frame | null {
  if (scale === 1) {
    return canvas;
  }
  const ratio = canvas.width / canvas.height;
  const aspect = aspectBounds(rules.aspect);
  const start = Math.max(
    1,
    rules.width?.min ?? 1,
    Math.round(canvas.width * scale),
  );
  for (let width = start; width >= Math.max(1, start - 8); width -= 1) {
    let height = Math.max(1, Math.round(width / ratio));
    if (width / height > aspect.max) {
      height = ceil(width / aspect.max);
    } else if (width / height < aspect.min) {
      height = Math.max(1, floor(width / aspect.min));
    }
    if (meetsSizeRules({ width, height }, rules)) {
      return { width, height };
    }
  }
  return null;
}

function meetsSizeRules({ width, height }: Frame, rules: ImageRules): boolean {
  if (rules.width?.max !== undefined && width > rules.width.max) return false;
  if (rules.width?.min !== undefined && width < rules.width.min) return false;
  if (rules.resolution) {
    const [long, short] = sides(width, height);
    const [maxLong, maxShort] = rules.resolution.max;
    if (long > maxLong || short > maxShort) return false;
  }
  if (
    rules.maxPixelsExclusive !== undefined &&
    width * height >= rules.maxPixelsExclusive
  ) {
    return false;
  }
  return true;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Rounding that ignores floating-point noise: 1000 × 1.91 is 1910.0000000000002, not 1911 pixels. */
function ceil(value: number): number {
  return Math.ceil(value - 1e-9);
}

function floor(value: number): number {
  return Math.floor(value + 1e-9);
}

function sides(width: number, height: number): [number, number] {
  return width >= height ? [width, height] : [height, width];
}

/** As platforms write a limit: "1.91:1", "4:5". */
function label([width, height]: Dimensions): string {
  return `${width}:${height}`;
}

/** As validation messages show an image's aspect ratio: 3000×1000 → "3:1"; 1000×3000 → "1:3". */
function aspectOf(width: number, height: number, digits: number): string {
  return width >= height
    ? `${round(width / height, digits)}:1`
    : `1:${round(height / width, digits)}`;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
