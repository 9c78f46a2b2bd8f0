import { Piscina } from 'piscina';
import type { HeifDecodeResult, HeifDecodeTask } from './heif-decode.worker.js';

/**
 * Built JavaScript runs the compiled worker; tests and benchmarks run the TypeScript source, which
 * a Node 20 worker can only load through tsx's loader (as CardRenderer's satori pool does).
 */
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts')
    ? './heif-decode.worker.ts'
    : './heif-decode.worker.js',
  import.meta.url,
);
const WORKER_EXEC_ARGV = import.meta.url.endsWith('.ts')
  ? ['--import', 'tsx']
  : [];

/**
 * An idle decode thread ends after this long, giving its WebAssembly heap back (a heap only grows);
 * long enough for a batch of phone photos to reuse one thread and its compiled module.
 */
const IDLE_THREAD_MS = 15_000;

/**
 * Decodes HEVC-coded HEIF (HEIC) images, which sharp's prebuilt libvips cannot: its libheif has no
 * HEVC decoder (the codec's patents keep it out of the prebuilt binaries). heic-decode runs libheif
 * with libde265 compiled to WebAssembly instead, which needs no native build.
 *
 * The decode runs in a worker thread because it is synchronous WebAssembly: ~2 s for a 12-megapixel
 * photo on this machine, during which an event loop would answer nothing (health probes, Bull's lock
 * renewals, HTTP in the `all` role). One thread: a decode may take ~10 bytes a pixel (see
 * heif-decode.worker.ts), so HEIC jobs running side by side queue here rather than multiply that.
 * Started on the first HEIC, so processes that never see one pay nothing.
 */
export class HeifDecoder {
  private pool: Piscina<HeifDecodeTask, HeifDecodeResult> | null = null;

  /**
   * Writes the primary image's pixels to `task.outputPath` as an RGBA TIFF, or says why the image
   * cannot be decoded. Rejects with a {@link HeifDecoderError} on I/O or worker problems, which say
   * nothing about the image.
   */
  async decodeToTiff(task: HeifDecodeTask): Promise<HeifDecodeResult> {
    this.pool ??= new Piscina<HeifDecodeTask, HeifDecodeResult>({
      filename: WORKER_URL.href,
      execArgv: WORKER_EXEC_ARGV,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: IDLE_THREAD_MS,
    });
    try {
      return await this.pool.run(task);
    } catch (error) {
      throw new HeifDecoderError(error);
    }
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}

/** The decode worker failed for a reason outside the image (a file it could not read or write, a crash). */
export class HeifDecoderError extends Error {
  constructor(cause: unknown) {
    super(
      `HEIF decode worker failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'HeifDecoderError';
  }
}
