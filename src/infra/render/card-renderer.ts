import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import sharp from 'sharp';
import { DEFAULT_IMAGE_MAX_PIXELS } from '../../config/app-config.js';
import { detectImageFormat, type ImageFormat } from '../image/image-format.js';
import type { CardElement } from './card-element.js';
import type { SvgTask } from './svg.worker.js';

export interface CardSize {
  width: number;
  height: number;
}

/**
 * Template images are small pictures: above this many pixels (or IMAGE_MAX_PIXELS, if lower) they
 * are refused from their header, before decoding (decompression bombs).
 */
const TEMPLATE_IMAGE_MAX_PIXELS = 40_000_000;

/**
 * The web formats a template may show. Uploads also take HEIC/HEIF/AVIF, but those need libheif's
 * parsers, which template images (fetched from anywhere) are kept away from.
 */
const TEMPLATE_IMAGE_FORMATS: ReadonlySet<ImageFormat> = new Set([
  'jpeg',
  'png',
  'webp',
  'gif',
]);

export interface CardRendererOptions {
  /** IMAGE_MAX_PIXELS from config. */
  maxPixels?: number;
}

/**
 * Built JavaScript runs the compiled worker; tests and benchmarks run the TypeScript source, which
 * a Node 20 worker can only load through tsx's loader.
 */
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './svg.worker.ts' : './svg.worker.js',
  import.meta.url,
);
const WORKER_EXEC_ARGV = import.meta.url.endsWith('.ts')
  ? ['--import', 'tsx']
  : [];

/**
 * Renders satori element trees to PNG. satori (layout, text shaping: synchronous JavaScript) runs
 * in a pool of worker threads, so a burst of renders never stalls the event loop; sharp then
 * rasterises the SVG on libuv's thread pool. The pool leaves one core to the event loop and the
 * rasteriser, and starts on the first render, so processes that never render pay nothing.
 */
@Injectable()
export class CardRenderer implements OnModuleDestroy {
  private pool: Piscina<SvgTask, string> | null = null;
  private readonly maxInputPixels: number;

  constructor(options: CardRendererOptions = {}) {
    this.maxInputPixels = Math.min(
      TEMPLATE_IMAGE_MAX_PIXELS,
      options.maxPixels ?? DEFAULT_IMAGE_MAX_PIXELS,
    );
  }

  async renderPng(tree: CardElement, size: CardSize): Promise<Buffer> {
    const svg = await this.workers().run({ tree, ...size });
    return sharp(Buffer.from(svg)).png().toBuffer();
  }

  /**
   * A remote image's bytes, cropped to fill `size` and inlined as a data URL for an `img`; null
   * when the bytes are not a JPEG, PNG, WebP or GIF (by their magic bytes: sharp would also decode
   * SVG, TIFF, HEIF and more, each another parser facing the internet) or do not decode within the
   * pixel limit, so the caller draws its placeholder.
   */
  async inlineImage(bytes: Buffer, size: CardSize): Promise<string | null> {
    const format = detectImageFormat(bytes);
    if (format === null || !TEMPLATE_IMAGE_FORMATS.has(format)) {
      return null;
    }
    try {
      const image = sharp(bytes, {
        limitInputPixels: this.maxInputPixels,
        autoOrient: true,
      }).resize(size.width, size.height, { fit: 'cover' });
      const { hasAlpha } = await image.metadata();
      const encoded = hasAlpha
        ? await image.png().toBuffer()
        : await image.jpeg({ quality: 90 }).toBuffer();
      return `data:image/${hasAlpha ? 'png' : 'jpeg'};base64,${encoded.toString('base64')}`;
    } catch {
      return null;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
  }

  private workers(): Piscina<SvgTask, string> {
    if (!this.pool) {
      const threads = Math.max(1, Math.min(4, availableParallelism() - 1));
      this.pool = new Piscina<SvgTask, string>({
        filename: WORKER_URL.href,
        execArgv: WORKER_EXEC_ARGV,
        minThreads: threads,
        maxThreads: threads,
      });
    }
    return this.pool;
  }
}
