import { open, readFile } from 'node:fs/promises';
import decodeHeic, { type DecodedHeicImage } from 'heic-decode';
import { rgbaTiffHeader } from './tiff.js';

export interface HeifDecodeTask {
  inputPath: string;
  /** Where the decoded pixels go, as an uncompressed RGBA TIFF (see tiff.ts). */
  outputPath: string;
  maxPixels: number;
  /** The primary image's index among the top-level images, as libvips reported it (`pagePrimary`). */
  primaryIndex: number;
  /** The container's ICC profile, carried into the TIFF so that sharp converts the colours to sRGB. */
  icc: Uint8Array | null;
}

/**
 * The decoded image's display size, or why the bytes could not be decoded. I/O problems (reading the
 * input, writing the TIFF) are thrown instead: they say nothing about the image.
 */
export type HeifDecodeResult =
  | { decoded: true; width: number; height: number }
  | { decoded: false; reason: string };

/** The major brands heic-decode lets through; it checks nothing else before handing the file to libheif. */
const HEIC_DECODE_MAJOR_BRANDS = new Set([
  'mif1',
  'msf1',
  'heic',
  'heix',
  'hevc',
  'hevx',
]);

/**
 * Runs in a HEIF decode worker thread (HeifDecoder): decodes the primary image of an HEVC-coded HEIF
 * file with libheif compiled to WebAssembly and writes its pixels to `outputPath` as a TIFF.
 *
 * Memory: the whole file is read (uploads are at most 20 MB) and copied into the WebAssembly heap;
 * the decode holds the YCbCr planes (~1.5 bytes a pixel) and width × height × 4 bytes of RGBA inside
 * that heap, plus the same again as the JavaScript copy it returns: ~10 bytes a pixel, ~120 MB for a
 * 12-megapixel iPhone photo, ~1 GB at the default IMAGE_MAX_PIXELS of 100 million. A WebAssembly heap
 * never shrinks; it is given back only when the thread exits, which is why this runs in a pool whose
 * idle threads end. The limit is checked against libheif's own reading of the dimensions before a
 * single pixel is decoded, even though the adapter has checked libvips' reading already.
 */
export default async function decodeHeifToTiff(
  task: HeifDecodeTask,
): Promise<HeifDecodeResult> {
  const file = await readFile(task.inputPath);
  const majorBrand = file.toString('latin1', 8, 12);
  if (!HEIC_DECODE_MAJOR_BRANDS.has(majorBrand)) {
    // heim/heis (and an AVIF brand on HEVC data) are HEIF all the same: libheif reads the
    // compatible brands itself, so only heic-decode's gate needs to see a generic brand.
    file.write('mif1', 8, 'latin1');
  }
  const libheifMessages: string[] = [];
  const consoleLog = console.log;
  // libheif-js reports what went wrong only on the console; keep it for the error instead.
  console.log = (...parts: unknown[]) => {
    libheifMessages.push(describeLogLine(parts));
  };
  let decoded: DecodedHeicImage;
  let header: Buffer;
  try {
    const images = await decodeHeic.all({ buffer: file });
    try {
      const image = images[task.primaryIndex] ?? images[0];
      if (image.width * image.height > task.maxPixels) {
        return {
          decoded: false,
          reason: `the image is ${image.width}×${image.height}, over the limit of ${task.maxPixels} pixels`,
        };
      }
      decoded = await image.decode();
      header = rgbaTiffHeader({
        width: decoded.width,
        height: decoded.height,
        icc: task.icc,
      });
    } finally {
      images.dispose();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const detail = libheifMessages.find((line) => line.length > 0);
    return {
      decoded: false,
      reason: detail ? `${message} (${detail})` : message,
    };
  } finally {
    console.log = consoleLog;
  }
  await writeTiff(task.outputPath, header, decoded.data);
  return { decoded: true, width: decoded.width, height: decoded.height };
}

async function writeTiff(
  path: string,
  header: Buffer,
  pixels: Uint8ClampedArray,
): Promise<void> {
  const file = await open(path, 'w');
  try {
    // writeFile loops until every byte is out; write() may stop short on a large buffer.
    await file.writeFile(header);
    await file.writeFile(
      new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength),
    );
  } finally {
    await file.close();
  }
}

/**
 * libheif-js logs a sentence, then objects: its image handle (nothing to read) and an error whose
 * `message` says what failed. "Decoding image failed: Decoder plugin generated an error: …".
 */
function describeLogLine(parts: unknown[]): string {
  return parts
    .map((part) =>
      typeof part === 'string'
        ? part
        : typeof part === 'object' &&
            part !== null &&
            'message' in part &&
            typeof part.message === 'string'
          ? part.message
          : '',
    )
    .filter((text) => text.length > 0)
    .join(': ');
}
