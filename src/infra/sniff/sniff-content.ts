import { fileTypeFromBuffer } from 'file-type';
import { detectHeifFormat, type HeifFormat } from '../image/image-format.js';

/**
 * How many leading bytes to pass to {@link sniffContentType}: file-type's documented minimum for
 * reliable detection. Callers read this much (e.g. a ranged GET) rather than the whole object.
 */
export const SNIFF_HEAD_BYTES = 4100;

/**
 * file-type's MIME names where ours differ. M4V is an MPEG-4 file with an Apple brand and plays as
 * video/mp4 everywhere; AVI uses the registered-but-rare `video/vnd.avi` in file-type and
 * `video/x-msvideo` in our supported table and in browsers.
 */
const CANONICAL_MIME: Readonly<Record<string, string>> = {
  'video/x-m4v': 'video/mp4',
  'video/vnd.avi': 'video/x-msvideo',
  'video/avi': 'video/x-msvideo',
};

/**
 * HEIF-family images are told apart by our own reading of the `ftyp` brands (image-format.ts), the
 * one the image pipeline decodes by, because file-type's differs where it matters: it reports heim/heis
 * as video/mp4, a `mif1` AVIF as image/heif, and msf1/hevc as `*-sequence` types nobody declares.
 */
const HEIF_MIME: Readonly<Record<HeifFormat, string>> = {
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
};

/**
 * The content type of a file from its first bytes, never from its name or declared type. HEIF images
 * come from {@link HEIF_MIME}, other binary formats from file-type (which also maps ISO-BMFF brands:
 * `qt  ` → video/quicktime, `M4V` → video/mp4 after the mapping above, isom/mp41/mp42/avc1/… →
 * video/mp4). Text is recognised as captions when it is valid UTF-8 without NUL bytes. A recognised
 * format outside the supported table is still returned (e.g. video/matroska, image/tiff) so the caller
 * can name it when refusing it; `null` means the bytes match nothing at all.
 *
 * Asynchronous because file-type's detector is.
 */
export async function sniffContentType(
  head: Uint8Array,
): Promise<string | null> {
  const window = head.subarray(0, SNIFF_HEAD_BYTES);
  const heif = detectHeifFormat(window);
  if (heif !== null) {
    return HEIF_MIME[heif];
  }
  const detected = await fileTypeFromBuffer(window);
  if (detected !== undefined) {
    return CANONICAL_MIME[detected.mime] ?? detected.mime;
  }
  return sniffTextContentType(window);
}

const BYTE_ORDER_MARK = '\uFEFF';
const WEBVTT_SIGNATURE = /^WEBVTT(?:[ \t\r\n]|$)/;
const SRT_TIMING =
  /^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}/;

/**
 * Captions are plain text, so there is no magic number: WebVTT must start with "WEBVTT" (after an
 * optional BOM) by its spec; SubRip has no header, so it is recognised by its first cue — a numeric
 * index line followed by a `00:00:01,000 --> 00:00:02,000` timing line.
 */
export function sniffTextContentType(head: Uint8Array): string | null {
  if (head.length === 0 || head.includes(0)) {
    return null;
  }
  let text: string;
  try {
    // Streaming mode tolerates a multi-byte character cut off at the end of the sniff window.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      head,
      { stream: true },
    );
  } catch {
    return null;
  }
  if (text.startsWith(BYTE_ORDER_MARK)) {
    text = text.slice(BYTE_ORDER_MARK.length);
  }
  if (WEBVTT_SIGNATURE.test(text)) {
    return 'text/vtt';
  }
  if (looksLikeSubRip(text)) {
    return 'application/x-subrip';
  }
  return 'text/plain';
}

function looksLikeSubRip(text: string): boolean {
  const lines = text.replace(/^(?:[ \t]*\r?\n)+/, '').split(/\r?\n/, 2);
  return (
    lines.length === 2 &&
    /^\d+[ \t]*$/.test(lines[0]) &&
    SRT_TIMING.test(lines[1].trim())
  );
}
