import type { JobOptions, Queue } from 'bull';
import { ApiError } from '../../common/errors/api-error.js';

/** Every queue, job name and job option of the application, in one place. */
export const QUEUES = {
  processing: 'media-processing',
} as const;

export const JOBS = {
  processMedia: 'process-media',
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

/** True while Redis answers this queue's commands. */
export function isQueueAvailable(queue: Queue): boolean {
  return queue.client.status === 'ready';
}
