/** heic-decode ships no types; this is the part of its API the HEIF decode worker uses (2.1.x). */
declare module 'heic-decode' {
  export interface DecodedHeicImage {
    width: number;
    height: number;
    /** 8-bit RGBA, non-premultiplied, rows top to bottom; the container's rotation and mirroring applied. */
    data: Uint8ClampedArray;
  }

  export interface HeicImageHandle {
    /** Display dimensions, known before any pixel is decoded. */
    width: number;
    height: number;
    decode(): Promise<DecodedHeicImage>;
  }

  /** The file's top-level images in container order; `dispose` frees libheif's context. */
  export interface HeicImageList extends Array<HeicImageHandle> {
    dispose(): void;
  }

  export interface HeicDecode {
    (input: { buffer: Uint8Array }): Promise<DecodedHeicImage>;
    all(input: { buffer: Uint8Array }): Promise<HeicImageList>;
  }

  const decode: HeicDecode;
  export default decode;
}
