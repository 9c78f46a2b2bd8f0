import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { DEFAULT_IMAGE_MAX_PIXELS } from '../../config/app-config.js';
import { encodeBaselineJpeg } from './baseline-jpeg.js';
import { HeifDecoder, HeifDecoderError } from './heif-decoder.js';
import {
  IMAGE_SIGNATURE_BYTES,
  detectImageFormat,
  type HeifFormat,
} from './image-format.js';
import {
  jpegReencodeReasons,
  type ImageNormalisationResult,
} from './image-normalisation.js';
import { JfifHeaderInjector } from './jfif.js';
import { PrivateMetadataStripper } from './jpeg-metadata.js';
import { configureSharpOnce } from './sharp-settings.js';

export interface ImageAdapterOptions {
  /** IMAGE_MAX_PIXELS from config: images with more pixels are refused before they are decoded. */
  maxPixels?: number;
  /** HEIC decoding (worker threads); tests pass their own to watch it. */
  heifDecoder?: HeifDecoder;
}

/**
 * The only code that talks to sharp for uploaded images. Works file to file so memory stays flat
 * whatever the image size; the pixel limit bounds what one decode may cost at all (sharp's own
 * default, 268 million pixels, let a 776 KB PNG of 16000×16000 take a worker to 3 GB).
 */
@Injectable()
export class ImageAdapter implements OnModuleDestroy {
  private readonly maxPixels: number;
  private readonly heif: HeifDecoder;

  constructor(options: ImageAdapterOptions = {}) {
    configureSharpOnce();
    this.maxPixels = options.maxPixels ?? DEFAULT_IMAGE_MAX_PIXELS;
    this.heif = options.heifDecoder ?? new HeifDecoder();
  }

  async onModuleDestroy(): Promise<void> {
    await this.heif.close();
  }

  /**
   * Applies the normalisation rules (docs/contracts.md#image-normalisation) to the image at `inputPath`, writing any JPEG result to `outputPath` (which must be
   * another file). An image that cannot be decoded, or has more pixels than allowed, comes back as
   * a `failed` result with a reason a user can read, not an exception: its bytes are unusable, so
   * the caller fails the item. File system errors (missing input, unwritable output) still throw.
   */
  async normaliseImageFile(
    inputPath: string,
    outputPath: string,
  ): Promise<ImageNormalisationResult> {
    if (resolve(inputPath) === resolve(outputPath)) {
      throw new Error(
        'normaliseImageFile needs an output path distinct from its input',
      );
    }
    const sourceFormat = detectImageFormat(
      await readFileHead(inputPath, IMAGE_SIGNATURE_BYTES),
    );
    if (sourceFormat === null) {
      return {
        outcome: 'failed',
        sourceFormat,
        reason:
          'not a JPEG, PNG, GIF, WebP, HEIC/HEIF or AVIF image (by its magic bytes)',
      };
    }
    const decode: SharpOptions = { limitInputPixels: this.maxPixels };
    try {
      // Only the header is read (no pixels), with sharp's own limit lifted so the dimensions can
      // be named; every decode after this one carries the limit as well.
      const header = await sharp(inputPath, {
        limitInputPixels: false,
      }).metadata();
      const tooLarge = pixelLimitExcess(header, this.maxPixels);
      if (tooLarge !== null) {
        return { outcome: 'failed', sourceFormat, reason: tooLarge };
      }
      switch (sourceFormat) {
        case 'gif':
          return await describeGif(inputPath, decode);
        case 'png':
        case 'webp':
          return {
            outcome: 'converted',
            sourceFormat,
            ...(await encodeBaselineJpeg(inputPath, outputPath, decode)),
          };
        case 'jpeg':
          return await normaliseJpeg(inputPath, outputPath, decode);
        case 'heic':
        case 'heif':
        case 'avif':
          return await this.convertHeif(
            inputPath,
            outputPath,
            decode,
            sourceFormat,
            header,
          );
      }
    } catch (error) {
      await rm(outputPath, { force: true });
      if (isFileSystemError(error) || error instanceof HeifDecoderError) {
        throw error;
      }
      return {
        outcome: 'failed',
        sourceFormat,
        reason: describeFailure(error),
      };
    }
  }

  /**
   * HEIF-family images become a JPEG like PNG and WebP. AV1-coded ones (AVIF) are decoded by sharp's
   * own libheif; HEVC-coded ones (HEIC) by HeifDecoder, into an uncompressed TIFF beside the output
   * that sharp then encodes like any other input (it is removed afterwards). Either way libheif
   * applies the container's rotation and mirroring (`irot`/`imir`) while decoding and no EXIF
   * orientation is honoured on top: HEIF says the EXIF tag must be ignored, and iPhones write both.
   * Decided by the codec the container names, not by the brand: some writers label AVIF `mif1`.
   */
  private async convertHeif(
    inputPath: string,
    outputPath: string,
    decode: SharpOptions,
    sourceFormat: HeifFormat,
    header: Metadata,
  ): Promise<ImageNormalisationResult> {
    if (header.compression === 'av1') {
      return {
        outcome: 'converted',
        sourceFormat,
        ...(await encodeBaselineJpeg(inputPath, outputPath, decode)),
      };
    }
    const decodedPath = `${outputPath}.decoded.tif`;
    try {
      const decoded = await this.heif.decodeToTiff({
        inputPath,
        outputPath: decodedPath,
        maxPixels: this.maxPixels,
        primaryIndex: header.pagePrimary ?? 0,
        icc: header.icc ?? null,
      });
      if (!decoded.decoded) {
        return {
          outcome: 'failed',
          sourceFormat,
          reason: `The image could not be decoded: ${decoded.reason}`,
        };
      }
      return {
        outcome: 'converted',
        sourceFormat,
        // HEVC's Main profiles, which phones and cameras write, carry 4:2:0 chroma only.
        ...(await encodeBaselineJpeg(decodedPath, outputPath, decode, '4:2:0')),
      };
    } finally {
      await rm(decodedPath, { force: true });
    }
  }
}

/**
 * Why the image is refused for its size, or null when it is within the limit. The dimensions come
 * from the header (for HEIF: the primary image's, from the container's boxes).
 */
function pixelLimitExcess(
  { width, height }: Metadata,
  maxPixels: number,
): string | null {
  const pixels = width * height;
  if (pixels <= maxPixels) {
    return null;
  }
  const count = (value: number) => value.toLocaleString('en-US');
  return `The image is ${width}×${height} (${count(pixels)} pixels); at most ${count(maxPixels)} are accepted`;
}

async function describeGif(
  inputPath: string,
  decode: SharpOptions,
): Promise<ImageNormalisationResult> {
  const metadata = await sharp(inputPath, decode).metadata();
  return {
    outcome: 'skipped',
    reason: 'gif',
    sourceFormat: 'gif',
    width: metadata.width,
    height: metadata.pageHeight ?? metadata.height,
  };
}

async function normaliseJpeg(
  inputPath: string,
  outputPath: string,
  decode: SharpOptions,
): Promise<ImageNormalisationResult> {
  const metadata = await sharp(inputPath, decode).metadata();
  const reencodeReasons = jpegReencodeReasons(metadata);
  if (reencodeReasons.length > 0) {
    return {
      outcome: 'reencoded',
      sourceFormat: 'jpeg',
      reencodeReasons,
      ...(await encodeBaselineJpeg(
        inputPath,
        outputPath,
        decode,
        metadata.chromaSubsampling,
      )),
    };
  }
  await decodeEveryPixel(inputPath, decode);
  const kept = await keepJpegFile(inputPath, outputPath);
  return {
    outcome: kept.metadataRemoved
      ? 'metadata_removed'
      : kept.jfifHeaderInserted
        ? 'jfif_injected'
        : 'unchanged',
    sourceFormat: 'jpeg',
    contentType: 'image/jpeg',
    // Kept JPEGs are upright already (an EXIF orientation means a re-encode).
    width: metadata.width,
    height: metadata.height,
    sizeBytes: kept.sizeBytes,
    outputPath,
  };
}

/**
 * Streams a JPEG that needs no re-encoding to `outputPath` without its private header segments
 * (GPS, serials, XMP: PrivateMetadataStripper) and with the JFIF APP0 guaranteed, in constant
 * memory. On failure the partial output is left for the caller to remove.
 */
async function keepJpegFile(
  inputPath: string,
  outputPath: string,
): Promise<{
  jfifHeaderInserted: boolean;
  metadataRemoved: boolean;
  sizeBytes: number;
}> {
  const stripper = new PrivateMetadataStripper();
  const injector = new JfifHeaderInjector();
  const output = createWriteStream(outputPath);
  await pipeline(createReadStream(inputPath), stripper, injector, output);
  return {
    jfifHeaderInserted: injector.jfifHeaderInserted,
    metadataRemoved: stripper.metadataRemoved,
    sizeBytes: output.bytesWritten,
  };
}

/**
 * The header alone does not prove the scan data is intact (an interrupted upload keeps a valid
 * header). Decoding once proves it; streaming the raw pixels into a sink keeps memory flat and
 * costs less than a re-encode, unlike `stats()`, which computes sharpness and entropy on top
 * (docs/performance.md#verifying-kept-jpegs).
 */
async function decodeEveryPixel(
  inputPath: string,
  decode: SharpOptions,
): Promise<void> {
  const discard = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  await pipeline(sharp(inputPath, decode).raw(), discard);
}

async function readFileHead(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(length);
    const { bytesRead } = await file.read(head, 0, length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** Node's own I/O errors carry a `syscall`; sharp's decode errors and ours do not. */
function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && 'syscall' in error;
}

/**
 * libvips repeats its warnings over several lines; the first line names the problem, except for
 * HEIF, whose first lines are libvips' seeks ("bad seek to 1351", with the work file's path) and
 * whose cause is libheif's own line, `heif: <problem> (<error code>)`.
 */
function describeFailure(error: unknown): string {
  const lines =
    error instanceof Error ? error.message.split('\n') : [String(error)];
  const libheif = lines.find((line) => line.startsWith('heif: '));
  const problem = libheif
    ? libheif.slice('heif: '.length).replace(/\s*\(\d+\.\d+\)\s*$/, '')
    : lines[0];
  return `The image could not be decoded: ${problem.trim()}`;
}
