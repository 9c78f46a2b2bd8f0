import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  MultipartPartsRejectedError,
  type CompleteMultipartInput,
} from '../storage.port.js';
import { isMissingPath, renameIntoPlace } from './files.js';
import type { StagedFile, StagingArea } from './staging-area.js';

const UPLOAD_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The received parts of multipart uploads, one directory per upload with a file per part number,
 * kept until the upload is assembled or abandoned.
 */
export class PartStore {
  constructor(
    private readonly dir: string,
    private readonly staging: StagingArea,
  ) {}

  /** Created, or touched when its URLs are re-signed, so the temp sweeper sees the upload as live. */
  async open(uploadId: string): Promise<void> {
    const dir = this.uploadDir(uploadId);
    await mkdir(dir, { recursive: true });
    const touched = new Date();
    await utimes(dir, touched, touched);
  }

  /** Keeps a received part until assembly; a part sent again replaces the earlier one. */
  async store(
    uploadId: string,
    partNumber: number,
    staged: StagedFile,
  ): Promise<void> {
    await renameIntoPlace(
      staged.tempPath,
      join(this.uploadDir(uploadId), String(partNumber)),
    );
  }

  /**
   * Streams the listed parts, in order, into one staged file, hashing each part on the way to
   * check it against its ETag: memory stays flat whatever the size, and a mismatch stores nothing.
   */
  async assemble(
    input: Pick<CompleteMultipartInput, 'uploadId' | 'parts' | 'partSizeBytes'>,
  ): Promise<StagedFile> {
    const dir = this.uploadDir(input.uploadId);
    const paths: string[] = [];
    for (const [index, part] of input.parts.entries()) {
      const path = join(dir, String(part.partNumber));
      const size = await stat(path).then(
        (stats) => stats.size,
        (error: unknown) => {
          if (isMissingPath(error)) return null;
          throw error;
        },
      );
      if (size === null) {
        throw new MultipartPartsRejectedError(
          `Part ${part.partNumber} has not been uploaded`,
        );
      }
      const last = index === input.parts.length - 1;
      if (last ? size > input.partSizeBytes : size !== input.partSizeBytes) {
        throw new MultipartPartsRejectedError(
          `Part ${part.partNumber} is ${size} bytes; every part but the last must be ${input.partSizeBytes} bytes`,
        );
      }
      paths.push(path);
    }
    async function* concatenated(): AsyncGenerator<Buffer> {
      for (const [index, path] of paths.entries()) {
        const hash = createHash('sha256');
        for await (const chunk of createReadStream(path)) {
          hash.update(chunk as Buffer);
          yield chunk as Buffer;
        }
        const { partNumber, etag } = input.parts[index];
        if (etag.replace(/^"|"$/g, '') !== hash.digest('hex')) {
          throw new MultipartPartsRejectedError(
            `The ETag given for part ${partNumber} is not the uploaded part's`,
          );
        }
      }
    }
    return this.staging.stage(Readable.from(concatenated()), {
      destroyOnFailure: true,
    });
  }

  /** Drops the upload's parts, once assembled or when abandoned; succeeds when they are already gone. */
  async remove(uploadId: string): Promise<void> {
    await rm(this.uploadDir(uploadId), { recursive: true, force: true });
  }

  /** Upload ids are ours (UUIDs), checked before they become a path. */
  private uploadDir(uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId)) {
      throw new RangeError(`Invalid multipart upload id ${uploadId}`);
    }
    return join(this.dir, uploadId);
  }
}
