import { Injectable } from '@nestjs/common';
import { rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp, { type OutputInfo, type Sharp } from 'sharp';
import { DEFAULT_IMAGE_MAX_PIXELS } from '../../config/app-config.js';
import { WHITE, writeJfifJpeg } from './baseline-jpeg.js';
import { JPEG_QUALITY, baselineJpegOptions } from './image-normalisation.js';
import { JfifHeaderInjector } from './jfif.js';
import { configureSharpOnce } from './sharp-settings.js';

/**
 * What to render: a baseline JFIF JPEG of exactly `width` × `height`, reached from the upright source
 * by `fit` (`pad`: the whole picture on white bars; `crop`: the centre, filling the frame; `none`:
 * scaled only), at most `maxBytes` long. The render variant of the rendition planner's ImagePlan
 * (src/modules/renditions/image-plan.ts) is one.
 */
export interface ImageRenditionTarget {
  width: number;
  height: number;
  fit: 'pad' | 'crop' | 'none';
  format: 'jpeg';
  maxBytes: number | null;
}

export interface RenderedImage {
  sizeBytes: number;
  width: number;
  height: number;
  /** The JPEG quality written: 90 unless the byte cap needed less. */
  quality: number;
  /** The first encode was over `maxBytes`, so quality (and perhaps size) was searched for. */
  qualitySearched: boolean;
  /** The planned frame, when even the lowest quality was too large and the frame was shrunk. */
  downscaledFrom: { width: number; height: number } | null;
}

/** Below this, JPEG blocks show on photos; a smaller frame looks better than a lower quality. */
export const MIN_RENDITION_QUALITY = 40;
/** The search stops when the best fitting quality is known within this many steps. */
const QUALITY_TOLERANCE = 5;
/** Each shrink keeps at most this share of the width (and height). */
const MAX_SHRINK = 0.85;
/** Headroom under the byte cap when guessing how far to shrink from the size at the lowest quality. */
const SHRINK_MARGIN = 0.95;
const MAX_SHRINKS = 8;

interface Frame {
  width: number;
  height: number;
}

interface Encoded {
  /** The whole JPEG, or null when it came out over the cap (its bytes were dropped as they came). */
  jpeg: Buffer | null;
  sizeBytes: number;
  width: number;
  height: number;
}

/**
 * Renders images for platforms (renditions): resized, padded or cropped, re-encoded to meet a byte
 * cap. Separate from ImageAdapter, which normalises uploads; both produce the same kind of file, a
 * baseline JFIF JPEG (the same encoder options and JFIF splice), upright (EXIF orientation applied to
 * the pixels), sRGB (ICC profiles converted) and without metadata: sharp writes no EXIF, XMP, IPTC or
 * ICC unless asked to, and nothing here asks.
 */
@Injectable()
export class ImageRenditionAdapter {
  private readonly maxPixels: number;

  constructor(options: { maxPixels?: number } = {}) {
    configureSharpOnce();
    this.maxPixels = options.maxPixels ?? DEFAULT_IMAGE_MAX_PIXELS;
  }

  /**
   * Renders the image at `inputPath` (any format sharp decodes; a GIF or animated WebP: its first
   * frame) to `outputPath`, another file. Without a byte cap the JPEG streams to the file at quality
   * 90. With one, the quality is searched for (90 first, then between 40 and 90, a handful of
   * encodes); when even 40 is too large, the frame shrinks and the search runs again.
   *
   * The search encodes to memory, and that is bounded by the cap, not by the image: an encode's bytes
   * are kept only while they fit under `maxBytes` (at most 20 MB, the largest platform cap) and
   * dropped once they do not, so at most two caps' worth is held (the best so far and the current
   * one). Temporary files would cost a write and a read per attempt for no memory saved. Decoding
   * and resizing stream through libvips as in normalisation.
   */
  async renderRendition(
    inputPath: string,
    outputPath: string,
    target: ImageRenditionTarget,
  ): Promise<RenderedImage> {
    if (resolve(inputPath) === resolve(outputPath)) {
      throw new Error(
        'renderRendition needs an output path distinct from its input',
      );
    }
    try {
      const planned = { width: target.width, height: target.height };
      if (target.maxBytes === null) {
        const written = await writeJfifJpeg(
          this.encoder(inputPath, planned, target.fit, JPEG_QUALITY),
          outputPath,
        );
        return {
          ...written,
          quality: JPEG_QUALITY,
          qualitySearched: false,
          downscaledFrom: null,
        };
      }
      const found = await this.searchWithin(
        inputPath,
        planned,
        target.fit,
        target.maxBytes,
      );
      await writeFile(outputPath, found.jpeg);
      return {
        sizeBytes: found.jpeg.length,
        width: found.width,
        height: found.height,
        quality: found.quality,
        qualitySearched: found.searched,
        downscaledFrom:
          found.width === planned.width && found.height === planned.height
            ? null
            : planned,
      };
    } catch (error) {
      await rm(outputPath, { force: true });
      throw error;
    }
  }

  private async searchWithin(
    inputPath: string,
    planned: Frame,
    fit: ImageRenditionTarget['fit'],
    maxBytes: number,
  ): Promise<Encoded & { jpeg: Buffer; quality: number; searched: boolean }> {
    const encode = (frame: Frame, quality: number) =>
      encodeWithin(this.encoder(inputPath, frame, fit, quality), maxBytes);
    let frame = planned;
    for (let shrinks = 0; shrinks <= MAX_SHRINKS; shrinks += 1) {
      const best = await encode(frame, JPEG_QUALITY);
      if (best.jpeg) {
        return {
          ...best,
          jpeg: best.jpeg,
          quality: JPEG_QUALITY,
          searched: shrinks > 0,
        };
      }
      const lowest = await encode(frame, MIN_RENDITION_QUALITY);
      if (lowest.jpeg === null) {
        // JPEG bytes grow roughly with the pixel count: aim just under the cap in one step.
        const scale = Math.min(
          MAX_SHRINK,
          Math.sqrt(maxBytes / lowest.sizeBytes) * SHRINK_MARGIN,
        );
        frame = shrink(frame, scale);
        continue;
      }
      let fitting = { ...lowest, jpeg: lowest.jpeg };
      let low = MIN_RENDITION_QUALITY;
      let high = JPEG_QUALITY;
      while (high - low > QUALITY_TOLERANCE) {
        const quality = Math.round((low + high) / 2);
        const attempt = await encode(frame, quality);
        if (attempt.jpeg) {
          fitting = { ...attempt, jpeg: attempt.jpeg };
          low = quality;
        } else {
          high = quality;
        }
      }
      return { ...fitting, quality: low, searched: true };
    }
    throw new Error(
      `The image does not fit ${maxBytes} bytes even at ${frame.width}×${frame.height} and quality ${MIN_RENDITION_QUALITY}`,
    );
  }

  /**
   * The whole rendition pipeline for one encode. Orientation is applied on load, transparency
   * becomes white (JPEG has none), the colours are converted to sRGB from any embedded profile, and
   * the frame is reached by `fit`. 4:2:0 chroma: renditions are meant to be small, and platforms
   * re-encode to 4:2:0 anyway.
   */
  private encoder(
    inputPath: string,
    frame: Frame,
    fit: ImageRenditionTarget['fit'],
    quality: number,
  ): Sharp {
    return sharp(inputPath, {
      limitInputPixels: this.maxPixels,
      autoOrient: true,
    })
      .flatten({ background: WHITE })
      .resize(frame.width, frame.height, {
        fit: fit === 'pad' ? 'contain' : fit === 'crop' ? 'cover' : 'fill',
        position: 'centre',
        background: WHITE,
      })
      .toColourspace('srgb')
      .jpeg({ ...baselineJpegOptions('4:2:0'), quality });
  }
}

/**
 * Runs one encode through the JFIF splice into memory, keeping its bytes only while they stay
 * within `maxBytes` (see renderRendition for why memory).
 */
async function encodeWithin(
  encoder: Sharp,
  maxBytes: number,
): Promise<Encoded> {
  let info: OutputInfo | undefined;
  encoder.on('info', (written: OutputInfo) => {
    info = written;
  });
  let chunks: Buffer[] = [];
  let sizeBytes = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes <= maxBytes) {
        chunks.push(chunk);
      } else {
        chunks = [];
      }
      done();
    },
  });
  await pipeline(encoder, new JfifHeaderInjector(), collect);
  if (info === undefined) {
    throw new Error('sharp finished without reporting the written image');
  }
  return {
    jpeg: sizeBytes <= maxBytes ? Buffer.concat(chunks, sizeBytes) : null,
    sizeBytes,
    width: info.width,
    height: info.height,
  };
}

/**
 * `frame` scaled by `scale`, the short side rounded so that the aspect ratio moves towards square,
 * never away: every platform's aspect range contains 1:1, so a frame planned inside the range stays
 * inside it whatever the rounding.
 */
export function shrink(frame: Frame, scale: number): Frame {
  const width = Math.max(1, Math.floor(frame.width * scale));
  const exactHeight = (width * frame.height) / frame.width;
  const height = Math.max(
    1,
    frame.width >= frame.height
      ? Math.ceil(exactHeight)
      : Math.floor(exactHeight),
  );
  return { width, height };
}
