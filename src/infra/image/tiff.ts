/**
 * Why this module exists: the HEIC decoder (libheif in WebAssembly) hands back bare RGBA pixels, and
 * sharp's raw input has no way to say which colour space they are in. iPhones store Display P3, so
 * taking the pixels for sRGB would mute every photo's colours. Written behind this header, the pixels
 * become an uncompressed TIFF that carries the container's ICC profile, and sharp converts them to
 * sRGB like any other input. No pixel is copied or compressed: the header is followed by the decoded
 * bytes as they are.
 */

export interface RgbaTiffLayout {
  width: number;
  height: number;
  /** ICC profile of the pixels; absent: they are sRGB. */
  icc?: Uint8Array | null;
}

const SHORT = 3;
const LONG = 4;
const UNDEFINED = 7;

const TAG = {
  imageWidth: 256,
  imageLength: 257,
  bitsPerSample: 258,
  compression: 259,
  photometricInterpretation: 262,
  stripOffsets: 273,
  samplesPerPixel: 277,
  rowsPerStrip: 278,
  stripByteCounts: 279,
  planarConfiguration: 284,
  extraSamples: 338,
  iccProfile: 34675,
} as const;

const CHANNELS = 4;
const HEADER_BYTES = 8;
const ENTRY_BYTES = 12;
/** Offsets in a TIFF are 32-bit: the pixels must end before 4 GiB. */
const MAX_OFFSET = 0xffff_ffff;

/**
 * The bytes to write before `width × height × 4` bytes of 8-bit RGBA (non-premultiplied, rows top to
 * bottom) so that together they form a baseline little-endian TIFF: one IFD, one uncompressed strip,
 * the ICC profile (if any) between the IFD and the pixels.
 */
export function rgbaTiffHeader({ width, height, icc }: RgbaTiffLayout): Buffer {
  if (!Number.isInteger(width) || !Number.isInteger(height)) {
    throw new RangeError(
      `TIFF dimensions must be integers: ${width}×${height}`,
    );
  }
  if (width < 1 || height < 1) {
    throw new RangeError(
      `TIFF dimensions must be positive: ${width}×${height}`,
    );
  }
  const profile = icc && icc.length > 0 ? icc : null;
  const entryCount = profile ? 12 : 11;
  const ifdBytes = 2 + entryCount * ENTRY_BYTES + 4;
  const bitsOffset = HEADER_BYTES + ifdBytes;
  const iccOffset = bitsOffset + CHANNELS * 2;
  // Offsets are kept even (word-aligned), as baseline TIFF asks.
  const pixelOffset =
    iccOffset + (profile ? profile.length + (profile.length % 2) : 0);
  const pixelBytes = width * height * CHANNELS;
  if (pixelOffset + pixelBytes > MAX_OFFSET) {
    throw new RangeError(
      `${width}×${height} RGBA does not fit a TIFF (32-bit offsets)`,
    );
  }

  const header = Buffer.alloc(pixelOffset);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(HEADER_BYTES, 4);
  header.writeUInt16LE(entryCount, HEADER_BYTES);
  let entry = HEADER_BYTES + 2;
  const put = (tag: number, type: number, count: number, value: number) => {
    header.writeUInt16LE(tag, entry);
    header.writeUInt16LE(type, entry + 2);
    header.writeUInt32LE(count, entry + 4);
    // A single SHORT sits in the first two bytes of the value field.
    if (type === SHORT && count === 1) {
      header.writeUInt16LE(value, entry + 8);
    } else {
      header.writeUInt32LE(value, entry + 8);
    }
    entry += ENTRY_BYTES;
  };
  // Entries in ascending tag order, as the specification requires.
  put(TAG.imageWidth, LONG, 1, width);
  put(TAG.imageLength, LONG, 1, height);
  put(TAG.bitsPerSample, SHORT, CHANNELS, bitsOffset);
  put(TAG.compression, SHORT, 1, 1);
  put(TAG.photometricInterpretation, SHORT, 1, 2);
  put(TAG.stripOffsets, LONG, 1, pixelOffset);
  put(TAG.samplesPerPixel, SHORT, 1, CHANNELS);
  put(TAG.rowsPerStrip, LONG, 1, height);
  put(TAG.stripByteCounts, LONG, 1, pixelBytes);
  put(TAG.planarConfiguration, SHORT, 1, 1);
  // 2: unassociated alpha, which is what libheif hands back.
  put(TAG.extraSamples, SHORT, 1, 2);
  if (profile) {
    put(TAG.iccProfile, UNDEFINED, profile.length, iccOffset);
  }
  header.writeUInt32LE(0, entry);
  for (let channel = 0; channel < CHANNELS; channel += 1) {
    header.writeUInt16LE(8, bitsOffset + channel * 2);
  }
  if (profile) {
    header.set(profile, iccOffset);
  }
  return header;
}
