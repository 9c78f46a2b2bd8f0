import type { JobId, JobOptions, Queue } from 'bull';
import { ApiError } from '../../common/errors/api-error.js';

/** Every queue, job name and job option of the application, in one place. */
export const QUEUES = {
  processing: 'media-processing',
  imports: 'media-import',
  validation: 'media-validation',
  webhookDelivery: 'webhook-delivery',
} as const;

export const JOBS = {
  processMedia: 'process-media',
  importMedia: 'import-media',
  validateMedia: 'validate-media',
  deliverWebhook: 'deliver-webhook',
} as const;

export interface ProcessMediaJob {
  mediaId: string;
}

/**
 * One job id per media item, so duplicate "bytes received" triggers collapse into one job while it
 * is queued or running.
 */
export function processMediaJobOptions(mediaId: string): JobOptions {
  return {
    jobId: `process:${mediaId}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: true,
    removeOnFail: 1_000,
  };
}

export interface ImportMediaJob {
  importJobId: string;
}

/** Name of the backoff strategy of import retries (see `importBackoffMs`). */
export const IMPORT_BACKOFF = 'import-retry';

/** An import failure worth retrying; `retryAfterMs` is the source's own Retry-After, if it sent one. */
export class RetryableImportError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableImportError';
  }
}

/** Waits what the source asked for (429/503 Retry-After, capped at 10 min), else 2 s, 4 s, 8 s, … */
export function importBackoffMs(attemptsMade: number, error: unknown): number {
  if (
    error instanceof RetryableImportError &&
    error.retryAfterMs !== undefined
  ) {
    return Math.min(error.retryAfterMs, 600_000);
  }
  return 2_000 * 2 ** Math.max(attemptsMade - 1, 0);
}

/**
 * One job per import, by the import's id. Permanent failures (401, 403, 404, blocked address, wrong
 * type) are recorded without a retry; transient ones (timeouts, 5xx, 429) retry with backoff.
 */
export function importMediaJobOptions(importJobId: string): JobOptions {
  return {
    jobId: `import:${importJobId}`,
    attempts: 5,
    backoff: { type: IMPORT_BACKOFF },
    removeOnComplete: true,
    removeOnFail: 1_000,
  };
}

export interface ValidateMediaJob {
  mediaId: string;
}

/**
 * Every validation request gets its own job (`job_…`, shown to the client). The job evaluates
 * whatever platforms the item still has pending, so extra or repeated jobs find nothing left to do.
 */
export function validateMediaJobOptions(jobId: string): JobOptions {
  return {
    jobId,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: true,
    removeOnFail: 1_000,
  };
}

export interface DeliverWebhookJob {
  deliveryId: number;
}

/**
 * One job per attempt of a delivery (`webhook:<delivery>:<attempt>`): a re-run or a second queueing
 * of the same attempt collapses into one job, and the next attempt can be queued (delayed) while
 * the current one's job still exists. Retry timing lives on the delivery row, not in Bull, so a
 * handler error is retried only briefly here; the recovery pass picks up anything lost.
 */
export function deliverWebhookJobOptions(
  deliveryId: number,
  attempt: number,
  delayMs = 0,
): JobOptions {
  return {
    jobId: `webhook:${deliveryId}:${attempt}`,
    delay: delayMs,
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/** How long a request waits on the queue's Redis before answering 503. */
const QUEUE_COMMAND_TIMEOUT_MS = 2_000;

/** 503 `service_unavailable`, for requests that need a queue while its Redis is away. */
export function queueUnavailable(): ApiError {
  return new ApiError(
    'service_unavailable',
    'The job queue (Redis) is unavailable; retry shortly',
    { headers: { 'Retry-After': '5' } },
  );
}

/**
 * Runs queue commands on a request path. Bull's clients queue commands while Redis is away (its
 * blocking and subscriber connections need that), so a request would wait for Redis however long
 * it is gone; instead it fails at once when the connection is down, and after 2 s when Redis
 * stops answering, with 503 `service_unavailable`.
 */
export async function withQueue<T>(
  queue: Queue,
  work: () => Promise<T>,
): Promise<T> {
  if (queue.client.status !== 'ready') {
    throw queueUnavailable();
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(queueUnavailable()),
          QUEUE_COMMAND_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** True while the job is waiting, delayed or running (a request-path call: see `withQueue`). */
export function isJobLive(queue: Queue, jobId: JobId): Promise<boolean> {
  return withQueue(queue, async () => {
    const job = await queue.getJob(jobId);
    const state = job ? await job.getState() : undefined;
    return (
      state === 'waiting' ||
      state === 'delayed' ||
      state === 'active' ||
      state === 'paused'
    );
  });
}

/** True while Redis answers this queue's commands. */
export function isQueueAvailable(queue: Queue): boolean {
  return queue.client.status === 'ready';
}
