/**
 * Image formats the pipeline handles, told apart by their magic bytes. The declared content type and
 * the filename are client input and are never trusted for this.
 */
export type ImageFormat =
  'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'heif' | 'avif';

/** The HEIF family: ISO-BMFF containers, told apart by their `ftyp` brands. */
export type HeifFormat = Extract<ImageFormat, 'heic' | 'heif' | 'avif'>;

/**
 * How much of the file head {@link detectImageFormat} wants: the longest fixed signature is 12 bytes
 * ("RIFF" + size + "WEBP"), but a HEIF `ftyp` box lists its compatible brands after the major one
 * (iPhones write six, 40 bytes in all); 128 bytes hold up to 27.
 */
export const IMAGE_SIGNATURE_BYTES = 128;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function detectImageFormat(head: Uint8Array): ImageFormat | null {
  const startsWith = (signature: readonly number[], offset = 0) =>
    head.length >= offset + signature.length &&
    signature.every((byte, index) => head[offset + index] === byte);
  const ascii = (text: string) => [...Buffer.from(text, 'latin1')];

  // Only SOI plus the next marker's FF: the third byte is a marker prefix whatever segment follows.
  if (startsWith([0xff, 0xd8, 0xff])) {
    return 'jpeg';
  }
  if (startsWith(PNG_SIGNATURE)) {
    return 'png';
  }
  if (startsWith(ascii('GIF87a')) || startsWith(ascii('GIF89a'))) {
    return 'gif';
  }
  if (startsWith(ascii('RIFF')) && startsWith(ascii('WEBP'), 8)) {
    return 'webp';
  }
  return detectHeifFormat(head);
}

/** HEVC-coded HEIF: still images (heic, heix), sequences (hevc, hevx), multi-layer and scalable (heim, heis). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** The generic HEIF brands (image, sequence): they say nothing about the codec inside. */
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);

/**
 * The HEIF family member an ISO-BMFF file is, from its leading `ftyp` box: the major brand decides
 * when it names a codec; a generic major brand (mif1/msf1) is narrowed by the compatible brands,
 * because encoders such as older libavif and some cameras write `mif1` as the major brand of an
 * AVIF or HEIC file. An MP4 or QuickTime video (isom, mp42, qt, …) is not an image: null.
 */
export function detectHeifFormat(head: Uint8Array): HeifFormat | null {
  const brands = ftypBrands(head);
  if (brands === null) {
    return null;
  }
  const [major, ...compatible] = brands;
  if (HEIC_BRANDS.has(major)) {
    return 'heic';
  }
  if (AVIF_BRANDS.has(major)) {
    return 'avif';
  }
  if (!GENERIC_HEIF_BRANDS.has(major)) {
    return null;
  }
  if (compatible.some((brand) => AVIF_BRANDS.has(brand))) {
    return 'avif';
  }
  if (compatible.some((brand) => HEIC_BRANDS.has(brand))) {
    return 'heic';
  }
  return 'heif';
}

/**
 * The major brand followed by the compatible brands of a leading `ftyp` box (those that fit in
 * `head`), or null when the bytes do not start with one. The minor version between them is skipped.
 */
function ftypBrands(head: Uint8Array): string[] | null {
  if (head.length < 12) {
    return null;
  }
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const boxSize = bytes.readUInt32BE(0);
  // Size, type, major brand and minor version are mandatory: a shorter box is not an `ftyp`.
  if (bytes.toString('latin1', 4, 8) !== 'ftyp' || boxSize < 16) {
    return null;
  }
  const boxEnd = Math.min(boxSize, bytes.length);
  const brand = (offset: number) =>
    bytes.toString('latin1', offset, offset + 4);
  const brands = [brand(8)];
  for (let offset = 16; offset + 4 <= boxEnd; offset += 4) {
    brands.push(brand(offset));
  }
  return brands;
}
