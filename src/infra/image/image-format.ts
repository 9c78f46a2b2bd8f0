/**
 * Image formats the pipeline handles, told apart by their magic bytes. The declared content type and
 * the filename are client input and are never trusted for this.
 */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';

/** The longest signature checked below ("RIFF" + size + "WEBP"). */
export const IMAGE_SIGNATURE_BYTES = 12;

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
  return null;
}
