import { Injectable } from '@nestjs/common';
import {
  FetchError,
  UpstreamStatusError,
} from '../../infra/fetch/fetch-error.js';
import { SafeFetcher } from '../../infra/fetch/safe-fetcher.js';
import type { StoredBytes } from '../media/media-ingest.service.js';
import type { MediaCategory } from '../media/media-types.js';
import { describeDriveRefusal } from './drive-source.js';
import {
  IngestRejectedError,
  RemoteIngestService,
} from './remote-ingest.service.js';

/** Why a download failed, in words for the user, and whether trying again may help. */
export interface DownloadFailure {
  message: string;
  transient: boolean;
  retryAfterMs?: number;
  /** The URL itself is unacceptable (not http(s), credentials, private address). */
  badUrl?: boolean;
  /** The file is unacceptable (type, size). */
  badFile?: boolean;
}

/** Upstream answers worth another try: timeouts, rate limits, server errors. */
function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function retryAfterMs(
  value: string | string[] | undefined,
): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1_000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(date - Date.now(), 0);
}

class SourceStatusError extends UpstreamStatusError {
  constructor(
    status: number,
    readonly retryAfterMs: number | undefined,
  ) {
    super(status);
  }
}

/**
 * What a download's error means for the user, or null when it is not a download failure at all
 * (a bug, our own storage failing), which callers let through.
 */
export function describeDownloadFailure(
  error: unknown,
  driveFileId?: string,
): DownloadFailure | null {
  if (error instanceof IngestRejectedError) {
    return { message: error.message, transient: false, badFile: true };
  }
  if (error instanceof UpstreamStatusError) {
    return {
      message: driveFileId
        ? describeDriveRefusal(error, driveFileId)
        : `The source answered ${error.status}`,
      transient: isTransientStatus(error.status),
      retryAfterMs:
        error instanceof SourceStatusError ? error.retryAfterMs : undefined,
    };
  }
  if (!(error instanceof FetchError)) {
    return null;
  }
  switch (error.kind) {
    case 'invalid_url':
    case 'blocked_address':
      return { message: error.message, transient: false, badUrl: true };
    case 'too_large':
      return { message: error.message, transient: false, badFile: true };
    case 'dns_failure':
    case 'too_many_redirects':
    // Another attempt would hold a download slot just as long for the same source.
    case 'too_slow':
      return { message: error.message, transient: false };
    default:
      return { message: error.message, transient: true };
  }
}

/**
 * Downloads a source into storage: fetched through the SafeFetcher (2xx required), the body
 * streamed into storage by RemoteIngestService, which detects the type and enforces its limit.
 */
@Injectable()
export class SourceDownload {
  constructor(
    private readonly fetcher: SafeFetcher,
    private readonly ingest: RemoteIngestService,
  ) {}

  async toStorage(
    url: string,
    headers: Record<string, string>,
    key: string,
    expected?: MediaCategory,
    signal?: AbortSignal,
  ): Promise<StoredBytes> {
    const response = await this.fetcher.fetch(url, { headers, signal });
    if (response.status < 200 || response.status >= 300) {
      response.release();
      throw new SourceStatusError(
        response.status,
        retryAfterMs(response.headers['retry-after']),
      );
    }
    return this.ingest.store(response, key, expected);
  }
}
