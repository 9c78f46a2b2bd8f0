import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { FetchResponse } from '../../infra/fetch/safe-fetcher.js';
import { AppMetrics } from '../../infra/metrics/app-metrics.js';
import {
  SNIFF_HEAD_BYTES,
  sniffContentType,
} from '../../infra/sniff/sniff-content.js';
import { Storage } from '../../infra/storage/storage.port.js';
import {
  CATEGORY_MAX_BYTES,
  categoryOf,
  type MediaCategory,
} from '../media/media-types.js';
import { mediaTypeEssence } from '../../lib/media-type.js';
import { formatBytes } from '../../lib/bytes.js';

/** Types a server may label a caption or plain-text file with; anything else textual (HTML…) is refused. */
const TEXT_LABELS = new Set([
  'text/plain',
  'text/vtt',
  'application/x-subrip',
  'application/octet-stream',
]);

/** The fetched file is not something the library takes; nothing was stored. */
export class IngestRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestRejectedError';
  }
}

export interface IngestedFile {
  /** Detected from the first bytes, never taken from the source's headers. */
  contentType: string;
  category: MediaCategory;
  sizeBytes: number;
}

/**
 * Streams a downloaded body into storage: the type is detected from the first bytes (and must be
 * in the supported table, of the expected category if there is one), and the category's size
 * limit is enforced while the bytes flow, so memory stays flat whatever the size and an oversized
 * or unsupported file is never stored.
 */
@Injectable()
export class RemoteIngestService {
  constructor(
    private readonly storage: Storage,
    private readonly metrics: AppMetrics,
  ) {}

  async store(
    response: FetchResponse,
    key: string,
    expected?: MediaCategory,
  ): Promise<IngestedFile> {
    const chunks = response.body[Symbol.asyncIterator]();
    const head: Buffer[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < SNIFF_HEAD_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = next.value as Buffer;
      head.push(chunk);
      headBytes += chunk.length;
    }
    const detected = await this.detect(
      Buffer.concat(head),
      mediaTypeEssence(response.headers['content-type']),
      expected,
    ).catch((error: unknown) => {
      response.release();
      throw error;
    });
    const limit = CATEGORY_MAX_BYTES[detected.category];
    let sizeBytes = 0;
    async function* limited(): AsyncGenerator<Buffer> {
      const count = (chunk: Buffer) => {
        sizeBytes += chunk.length;
        if (sizeBytes > limit) {
          throw new IngestRejectedError(
            `The file is larger than ${formatBytes(limit)}, the limit for ${detected.contentType}`,
          );
        }
        return chunk;
      };
      for (const chunk of head) yield count(chunk);
      if (ended) return;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield count(next.value as Buffer);
      }
    }
    try {
      await this.storage.write({
        key,
        body: Readable.from(limited()),
        contentType: detected.contentType,
      });
    } finally {
      response.release();
    }
    this.metrics.countIngestedBytes('import', sizeBytes);
    return { ...detected, sizeBytes };
  }

  private async detect(
    head: Buffer,
    labelled: string | undefined,
    expected: MediaCategory | undefined,
  ): Promise<Omit<IngestedFile, 'sizeBytes'>> {
    if (head.length === 0) {
      throw new IngestRejectedError('The file is empty');
    }
    const sniffed = await sniffContentType(head);
    const category = sniffed ? categoryOf(sniffed) : undefined;
    if (!sniffed || !category) {
      throw new IngestRejectedError(
        `The file is ${sniffed ?? 'of an unrecognised type'}, not a supported media type (images, videos, PDF, captions)`,
      );
    }
    // Text has no magic bytes: take it for a caption only when the source does not call it
    // something else (an HTML page, or text dressed up as an image).
    if (
      category === 'caption' &&
      labelled !== undefined &&
      !TEXT_LABELS.has(labelled)
    ) {
      throw new IngestRejectedError(
        `The file is text served as ${labelled}, not a supported media type`,
      );
    }
    if (expected && category !== expected) {
      throw new IngestRejectedError(
        `The file is ${sniffed}, but a ${expected} was declared`,
      );
    }
    return { contentType: sniffed, category };
  }
}
