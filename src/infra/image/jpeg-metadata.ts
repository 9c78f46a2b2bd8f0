import { Transform, type TransformCallback } from 'node:stream';

/**
 * Header segments that may identify a person or place, dropped from JPEGs we otherwise keep as they
 * are: APP1 (EXIF with GPS, camera serials and maker notes; XMP), APP3–APP13 (IPTC and Photoshop
 * resources in APP13, vendor blocks in the rest), APP15 and comments (COM). Kept: APP0 (JFIF), APP2
 * (ICC profile, multi-picture index) and APP14 (Adobe, which says how to decode the colours).
 * Dropping segments is lossless: no pixel is decoded or re-encoded.
 */
function isPrivate(marker: number): boolean {
  return (
    marker === 0xe1 ||
    (marker >= 0xe3 && marker <= 0xed) ||
    marker === 0xef ||
    marker === 0xfe
  );
}

const SOS = 0xda;
/** Markers that stand alone, without a length: TEM and RST0–RST7. */
const standalone = (marker: number) =>
  marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * A Transform that removes the private header segments (`isPrivate`) from a JPEG stream, up to the
 * first scan, and passes everything from the scan on untouched. Memory stays flat: a segment is
 * copied or skipped as it streams by, only a 4-byte marker header is ever held back.
 * `metadataRemoved` tells afterwards whether anything was dropped.
 */
export class PrivateMetadataStripper extends Transform {
  private header = Buffer.alloc(0);
  private started = false;
  private scanning = false;
  /** Bytes of the current segment still to copy (positive) or skip (negative). */
  private remaining = 0;
  private removed = false;

  get metadataRemoved(): boolean {
    return this.removed;
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.scanning) {
        this.push(chunk.subarray(offset));
        break;
      }
      if (this.remaining !== 0) {
        const take = Math.min(Math.abs(this.remaining), chunk.length - offset);
        if (this.remaining > 0) {
          this.push(chunk.subarray(offset, offset + take));
          this.remaining -= take;
        } else {
          this.remaining += take;
        }
        offset += take;
        continue;
      }
      const need = (this.started ? 4 : 2) - this.header.length;
      const take = Math.min(need, chunk.length - offset);
      this.header = Buffer.concat([
        this.header,
        chunk.subarray(offset, offset + take),
      ]);
      offset += take;
      if (take === need) this.nextSegment();
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    // A stream that ends inside its header: what is left goes out as it came (decoding judges it).
    if (this.header.length > 0) this.push(this.header);
    callback();
  }

  /** Decides what to do with the segment whose marker (and length) `header` holds. */
  private nextSegment(): void {
    const header = this.header;
    this.header = Buffer.alloc(0);
    if (!this.started) {
      this.started = true;
      this.push(header);
      return;
    }
    const marker = header[1];
    const body = header.readUInt16BE(2) - 2;
    if (
      header[0] !== 0xff ||
      marker === 0xff ||
      marker === SOS ||
      standalone(marker) ||
      body < 0
    ) {
      // The scan (or bytes we do not understand): everything from here on passes untouched.
      this.scanning = true;
      this.push(header);
      return;
    }
    if (isPrivate(marker)) {
      this.removed = true;
      this.remaining = -body;
    } else {
      this.push(header);
      this.remaining = body;
    }
  }
}
