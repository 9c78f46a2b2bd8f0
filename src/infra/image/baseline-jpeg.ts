import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import sharp, { type OutputInfo, type Sharp, type SharpOptions } from 'sharp';
import {
  baselineJpegOptions,
  type WrittenJpeg,
} from './image-normalisation.js';
import { JfifHeaderInjector } from './jfif.js';

/** JPEG has no alpha: transparent pixels become white, not the black they would default to. */
export const WHITE = { r: 255, g: 255, b: 255 };

/**
 * Streams the JPEG `encoder` produces through the JFIF splice (jfif.ts) into `outputPath`, so memory
 * stays flat, and reports what was written: the dimensions sharp encoded and the bytes on disk.
 * On failure the partial output is left for the caller to remove.
 */
export async function writeJfifJpeg(
  encoder: Sharp,
  outputPath: string,
): Promise<{ width: number; height: number; sizeBytes: number }> {
  let written: OutputInfo | undefined;
  encoder.on('info', (info: OutputInfo) => {
    written = info;
  });
  const output = createWriteStream(outputPath);
  await pipeline(encoder, new JfifHeaderInjector(), output);
  if (written === undefined) {
    throw new Error('sharp finished without reporting the written image');
  }
  return {
    width: written.width,
    height: written.height,
    sizeBytes: output.bytesWritten,
  };
}

/**
 * Encoding drops all metadata (EXIF, ICC; the output is plain sRGB), which also drops the EXIF
 * orientation tag. So the rotation is applied to the pixels (`autoOrient`): without it a portrait phone
 * photo stored landscape would come out sideways. Dimensions are read from the written image, i.e.
 * upright display dimensions.
 */
export async function encodeBaselineJpeg(
  inputPath: string,
  outputPath: string,
  decode: SharpOptions,
  sourceChromaSubsampling?: string,
): Promise<WrittenJpeg> {
  const encoder = sharp(inputPath, { ...decode, autoOrient: true })
    .flatten({ background: WHITE })
    .jpeg(baselineJpegOptions(sourceChromaSubsampling));
  return {
    contentType: 'image/jpeg',
    ...(await writeJfifJpeg(encoder, outputPath)),
    outputPath,
  };
}
