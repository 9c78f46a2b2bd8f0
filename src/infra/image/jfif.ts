/**
 * Why this module exists: libvips (inside sharp) never writes the JFIF APP0 segment. Its JPEGs start
 * `FF D8 FF DB` (quantisation table first) or `FF D8 FF E1` (EXIF first), and strict decoders —
 * Instagram's media fetcher among them — have rejected such files (error 9004 / 2207052, see
 * docs/contracts.md#image-normalisation). Splicing a minimal JFIF APP0 right after SOI is lossless:
 * no pixel is decoded or re-encoded, so it is also applied to JPEGs we otherwise keep as they are.
 */
import { Transform, type TransformCallback } from 'node:stream';

/**
 * APP0 marker, length 16, "JFIF\0", version 1.01, density unit 0 (aspect ratio only), density 1×1,
 * no thumbnail. Aspect-ratio-only density avoids claiming a DPI the image never had.
 */
export const JFIF_APP0_SEGMENT: Readonly<Buffer> = Buffer.from([
  0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00,
  0x01, 0x00, 0x01, 0x00, 0x00,
]);

const SOI = [0xff, 0xd8] as const;
const APP0_MARKER = 0xe0;
const JFIF_IDENTIFIER = [0x4a, 0x46, 0x49, 0x46, 0x00] as const;
/** SOI (2) + marker (2) + length (2) + "JFIF\0" (5). */
const BYTES_NEEDED_TO_DECIDE = 11;
/** The smallest legal JFIF APP0 length field: length itself, identifier, version, units, densities, thumbnail size. */
const MIN_JFIF_APP0_LENGTH = 16;

export type InvalidJpegReason = 'not_jpeg' | 'truncated';

export class InvalidJpegError extends Error {
  constructor(
    readonly reason: InvalidJpegReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidJpegError';
  }
}

export type JfifHeaderState = 'present' | 'missing';

/**
 * Looks at the start of a JPEG stream. Returns `'undecided'` when `head` is a valid but too short prefix
 * and `complete` says more bytes may follow; throws when the bytes cannot be the start of a JPEG.
 *
 * A JFIF APP0 whose length exceeds 16 (one that carries a thumbnail) still counts as present: the
 * contract asks for a JFIF APP0 right after SOI (docs/contracts.md#image-normalisation), and
 * rewriting it would drop data for no decoder's benefit.
 */
export function inspectJfifHeader(
  head: Uint8Array,
  complete: boolean,
): JfifHeaderState | 'undecided' {
  const prefixMatches = (expected: readonly number[], offset: number) =>
    expected.every(
      (byte, index) =>
        offset + index >= head.length || head[offset + index] === byte,
    );

  if (!prefixMatches(SOI, 0) || (head.length > 2 && head[2] !== 0xff)) {
    throw new InvalidJpegError(
      'not_jpeg',
      'not a JPEG stream: it does not start with SOI (FF D8) followed by a marker',
    );
  }
  if (head.length < 4) {
    return undecidedOrTruncated(complete);
  }
  if (head[3] !== APP0_MARKER) {
    return 'missing';
  }
  if (head.length < BYTES_NEEDED_TO_DECIDE) {
    return undecidedOrTruncated(complete);
  }
  const segmentLength = (head[4] << 8) | head[5];
  const isJfif =
    segmentLength >= MIN_JFIF_APP0_LENGTH && prefixMatches(JFIF_IDENTIFIER, 6);
  return isJfif ? 'present' : 'missing';
}

function undecidedOrTruncated(complete: boolean): 'undecided' {
  if (complete) {
    throw new InvalidJpegError(
      'truncated',
      'truncated JPEG stream: it ends before its first segment',
    );
  }
  return 'undecided';
}

/**
 * Returns the JPEG with a JFIF APP0 segment right after SOI: unchanged (same bytes, as a Buffer view)
 * when one is already there, otherwise with {@link JFIF_APP0_SEGMENT} inserted before whatever segment
 * came first (DQT, EXIF APP1, Adobe APP14, or an APP0 that is not JFIF such as JFXX).
 */
export function injectJfifHeader(bytes: Uint8Array): Buffer {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (inspectJfifHeader(input, true) === 'present') {
    return input;
  }
  return Buffer.concat([
    input.subarray(0, SOI.length),
    JFIF_APP0_SEGMENT,
    input.subarray(SOI.length),
  ]);
}

/**
 * A Transform that applies {@link injectJfifHeader} to a JPEG byte stream. It holds back at most the
 * first 11 bytes until it can decide, then passes every chunk straight through, so memory does not
 * grow with the file size. `jfifHeaderInserted` tells afterwards whether it changed anything.
 */
export class JfifHeaderInjector extends Transform {
  private head: Buffer | null = Buffer.alloc(0);
  private inserted = false;

  get jfifHeaderInserted(): boolean {
    return this.inserted;
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    if (this.head === null) {
      callback(null, chunk);
      return;
    }
    this.head = Buffer.concat([this.head, chunk]);
    try {
      this.releaseHeadIfDecided(false);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.head !== null) {
        this.releaseHeadIfDecided(true);
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private releaseHeadIfDecided(complete: boolean): void {
    const head = this.head as Buffer;
    const state = inspectJfifHeader(head, complete);
    if (state === 'undecided') {
      return;
    }
    this.head = null;
    if (state === 'present') {
      this.push(head);
      return;
    }
    this.inserted = true;
    this.push(head.subarray(0, SOI.length));
    this.push(JFIF_APP0_SEGMENT);
    this.push(head.subarray(SOI.length));
  }
}
