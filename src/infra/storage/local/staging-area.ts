import { createHash, randomUUID } from 'node:crypto';
import {
  mkdir,
  open,
  unlink,
  writeFile,
  type FileHandle,
} from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { StagedUpload, StageOptions } from '../storage.port.js';
import { UploadRejectedError } from '../upload-errors.js';
import { unlinkIfPresent } from './files.js';

/** Bytes streamed into a temp file, not yet at their key: commit or discard them. */
export interface StagedFile extends StagedUpload {
  readonly tempPath: string;
}

const WRITE_BATCH_BYTES = 1024 * 1024;
/** What `stage` has written is flushed to disk every this many bytes while the body streams in. */
const SYNC_INTERVAL_BYTES = 16 * 1024 * 1024;

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array)
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError('Storage bodies must be byte streams');
}

async function writeFully(file: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset);
    offset += bytesWritten;
  }
}

/** Writes `chunks` (`length` bytes in all) at the file's position: one writev, no copying them together. */
async function writeChunks(
  file: FileHandle,
  chunks: Buffer[],
  length: number,
): Promise<void> {
  const { bytesWritten } = await file.writev(chunks);
  // A short write (a full disk, a signal) is finished, or failed, by plain writes.
  if (bytesWritten < length) {
    await writeFully(
      file,
      Buffer.concat(chunks, length).subarray(bytesWritten),
    );
  }
}

/** Marks a promise that may reject before it is awaited as handled; awaiting it still throws. */
function inBackground<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * The temp directory every write lands in first: bytes are renamed to their key only when complete
 * and on disk, so a reader never sees a partial object. A process killed mid-upload can leave a
 * file here; nothing refers to it, and the temp sweeper removes it.
 */
export class StagingArea {
  constructor(private readonly dir: string) {}

  /**
   * Streams `body` into a fresh temp file, hashing and counting as it goes. With `maxBytes`, the
   * first chunk past the limit stops the copy with `body_too_large`. On any failure the temp file
   * is removed; the body is destroyed only if `destroyOnFailure`.
   */
  async stage(body: Readable, options: StageOptions): Promise<StagedFile> {
    await mkdir(this.dir, { recursive: true });
    const tempPath = join(this.dir, randomUUID());
    const file = await open(tempPath, 'wx');
    const hash = createHash('sha256');
    let sizeBytes = 0;
    // Chunks are gathered into batches of about 1 MB, and each batch is written while the next is
    // read and hashed: one write in flight at a time, so memory stays at two batches. Every 16 MB
    // what has been written is flushed to disk (fdatasync) while the body keeps streaming in, so
    // the fsync before the answer waits for the last few MB, not for the disk to take the whole
    // body (why: docs/performance.md#upload-staging).
    let batch: Buffer[] = [];
    let batchBytes = 0;
    let unsyncedBytes = 0;
    let writing: Promise<void> = Promise.resolve();
    let syncing: Promise<void> | undefined;
    const flush = async () => {
      await writing;
      writing = inBackground(writeChunks(file, batch, batchBytes));
      unsyncedBytes += batchBytes;
      batch = [];
      batchBytes = 0;
      if (unsyncedBytes >= SYNC_INTERVAL_BYTES && !syncing) {
        unsyncedBytes = 0;
        syncing = inBackground(
          writing
            .then(() => file.datasync())
            .then(() => {
              syncing = undefined;
            }),
        );
      }
    };
    try {
      try {
        for await (const chunk of body.iterator({
          destroyOnReturn: options.destroyOnFailure,
        })) {
          const bytes = asBuffer(chunk);
          sizeBytes += bytes.length;
          if (options.maxBytes !== undefined && sizeBytes > options.maxBytes) {
            throw new UploadRejectedError(
              'body_too_large',
              `The body is longer than the signed ${options.maxBytes} bytes`,
            );
          }
          hash.update(bytes);
          batch.push(bytes);
          batchBytes += bytes.length;
          if (batchBytes >= WRITE_BATCH_BYTES) {
            await flush();
          }
        }
        await flush();
        await writing;
        await syncing;
        await file.sync();
      } finally {
        await writing.catch(() => undefined);
        await syncing?.catch(() => undefined);
        await file.close();
      }
    } catch (error) {
      await unlink(tempPath);
      throw error;
    }
    return { tempPath, sizeBytes, sha256: hash.digest('hex') };
  }

  /** A no-op once the bytes were committed or discarded. */
  async discard(staged: StagedFile): Promise<void> {
    await unlinkIfPresent(staged.tempPath);
  }

  /** Throws unless a file can be created and removed here. */
  async checkWritable(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const probePath = join(this.dir, `health-${randomUUID()}`);
    await writeFile(probePath, 'ok');
    await unlink(probePath);
  }
}
