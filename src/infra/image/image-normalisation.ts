import type { ImageFormat } from './image-format.js';

/**
 * What normalising one image did (docs/contracts.md#image-normalisation). Every variant with an
 * `outputPath` has written a complete baseline JPEG starting `FF D8 FF E0 00 10 JFIF\0` there;
 * `unchanged` means those bytes equal the input, so the caller may skip overwriting the stored
 * object. Dimensions are display dimensions (EXIF orientation applied).
 */
export type ImageNormalisationResult =
  ConvertedImage | ReencodedJpeg | KeptJpeg | SkippedGif | FailedNormalisation;

export interface WrittenJpeg {
  contentType: 'image/jpeg';
  width: number;
  height: number;
  sizeBytes: number;
  outputPath: string;
}

/**
 * PNG, WebP (animated: first frame), HEIC/HEIF or AVIF (the primary image, rotated as its container
 * says) encoded as JPEG, transparency flattened onto white.
 */
export interface ConvertedImage extends WrittenJpeg {
  outcome: 'converted';
  sourceFormat: 'png' | 'webp' | 'heic' | 'heif' | 'avif';
}

export interface ReencodedJpeg extends WrittenJpeg {
  outcome: 'reencoded';
  sourceFormat: 'jpeg';
  reencodeReasons: JpegReencodeReason[];
}

/**
 * A JPEG that needed no re-encoding: the same pixels, without the header segments that may identify
 * a person or place (`metadata_removed`: EXIF, XMP, IPTC, comments), with the JFIF APP0 spliced in
 * if absent.
 */
export interface KeptJpeg extends WrittenJpeg {
  outcome: 'metadata_removed' | 'jfif_injected' | 'unchanged';
  sourceFormat: 'jpeg';
}

/** GIFs are never touched (they may be animated, and platforms accept them as they are); nothing is written. */
export interface SkippedGif {
  outcome: 'skipped';
  reason: 'gif';
  sourceFormat: 'gif';
  width: number;
  height: number;
}

/**
 * The image could not be decoded, has more pixels than allowed, or is not an image we handle: its
 * bytes are unusable (the item fails with `reason`); nothing is written.
 */
export interface FailedNormalisation {
  outcome: 'failed';
  sourceFormat: ImageFormat | null;
  reason: string;
}

export type JpegReencodeReason =
  'progressive' | 'not_srgb' | 'not_8_bit' | 'oriented';

/** The facts about a JPEG that decide whether it can be kept; field names and values are libvips'. */
export interface JpegCharacteristics {
  isProgressive: boolean;
  /** libvips interpretation: 'srgb', 'b-w', 'cmyk', 'rgb16', 'grey16', … */
  space: string;
  /** libvips band format: 'uchar' is 8 bits per sample. */
  depth: string;
  /** EXIF orientation (1–8); above 1 the pixels are stored turned or mirrored. */
  orientation?: number;
}

const KEEPABLE_COLOUR_SPACES = new Set(['srgb', 'b-w']);

/**
 * Empty when the JPEG is already baseline, 8-bit, sRGB or greyscale and upright, and must not be re-encoded
 * (rule 3 of docs/contracts.md#image-normalisation).
 */
export function jpegReencodeReasons(
  jpeg: JpegCharacteristics,
): JpegReencodeReason[] {
  const reasons: JpegReencodeReason[] = [];
  if (jpeg.isProgressive) {
    reasons.push('progressive');
  }
  if (!KEEPABLE_COLOUR_SPACES.has(jpeg.space)) {
    reasons.push('not_srgb');
  }
  if (jpeg.depth !== 'uchar') {
    reasons.push('not_8_bit');
  }
  // Stored upright: the orientation lives in EXIF, which a kept JPEG loses.
  if ((jpeg.orientation ?? 1) > 1) {
    reasons.push('oriented');
  }
  return reasons;
}

/**
 * 90 keeps a re-encode visually lossless for photos and for the text and flat colours of PNG graphics,
 * while the platforms we publish to recompress anyway; 95+ roughly doubles the size for no visible gain
 * and pushes large PNG screenshots towards platform size limits (Instagram: 8 MB).
 */
export const JPEG_QUALITY = 90;

/** Shaped like sharp's `JpegOptions`, kept free of sharp so it stays a plain, testable value. */
export interface BaselineJpegOptions {
  quality: number;
  progressive: false;
  /** mozjpeg's preset switches progressive scans on, which is exactly what must not happen. */
  mozjpeg: false;
  /** Scan optimisation forces progressive output as well. */
  optimiseScans: false;
  chromaSubsampling: '4:2:0' | '4:4:4';
}

/**
 * Chroma subsampling is chosen, not left to sharp's quality-dependent default: a JPEG that was already
 * 4:2:0 gains nothing from 4:4:4 but bytes, whereas PNG/WebP sources and 4:4:4 JPEGs are often graphics
 * with coloured text and hard edges that 4:2:0 would smear.
 */
export function baselineJpegOptions(
  sourceChromaSubsampling?: string,
): BaselineJpegOptions {
  return {
    quality: JPEG_QUALITY,
    progressive: false,
    mozjpeg: false,
    optimiseScans: false,
    chromaSubsampling: sourceChromaSubsampling?.startsWith('4:2:0')
      ? '4:2:0'
      : '4:4:4',
  };
}
