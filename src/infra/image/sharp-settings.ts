import sharp from 'sharp';

let sharpConfigured = false;

/**
 * Process-wide libvips settings, applied once by the first adapter. The operation cache only pays off
 * when the same input is processed repeatedly; every upload is seen once, so it would only hold memory
 * and open files. One libvips thread per image (sharp's own default on glibc without jemalloc, set here
 * so it does not depend on the build): more threads per image mostly fragment memory, and throughput
 * comes from the queue running several images at once (PROCESSING_CONCURRENCY, cores + 1). A PNG's
 * decode and a JPEG's encode are sequential anyway. Why one thread and cores + 1 jobs:
 * docs/performance.md#image-processing-concurrency.
 */
export function configureSharpOnce(): void {
  if (sharpConfigured) {
    return;
  }
  sharp.cache(false);
  sharp.concurrency(1);
  sharpConfigured = true;
}
