import type { JobOptions, Queue } from 'bull';
import {
  activeTraceCarrier,
  type TraceCarrier,
} from '../tracing/trace-context.js';
import type { JobDefinition } from './job.js';

/** How long a request waits on the queue's Redis before giving up. */
const QUEUE_COMMAND_TIMEOUT_MS = 2_000;

/** The queue's Redis is away: nothing was queued. Answered 503 `service_unavailable` on HTTP. */
export class QueueUnavailableError extends Error {
  constructor() {
    super('The job queue (Redis) is unavailable; retry shortly');
    this.name = 'QueueUnavailableError';
  }
}

/**
 * A job that failed for a reason that passes: retried after `retryAfterMs` when the cause said how
 * long to wait (a source's Retry-After), else with exponential backoff (RETRY_AFTER_BACKOFF).
 */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** Name of the backoff strategy that honours RetryLaterError (registered on every queue). */
export const RETRY_AFTER_BACKOFF = 'retry-after';
const LONGEST_RETRY_AFTER_MS = 600_000;

/** What the cause asked for (capped at 10 min), else 2 s, 4 s, 8 s, … */
export function retryAfterBackoffMs(
  attemptsMade: number,
  error: unknown,
): number {
  if (error instanceof RetryLaterError && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, LONGEST_RETRY_AFTER_MS);
  }
  return 2_000 * 2 ** Math.max(attemptsMade - 1, 0);
}

/**
 * Runs queue commands where a caller is waiting. Bull's clients queue commands while Redis is away
 * (its blocking and subscriber connections need that), so a caller would wait however long Redis
 * is gone; instead this fails at once when the connection is down, and after 2 s when Redis stops
 * answering, with QueueUnavailableError.
 */
export async function withQueue<T>(
  queue: Queue,
  work: () => Promise<T>,
): Promise<T> {
  if (queue.client.status !== 'ready') {
    throw new QueueUnavailableError();
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new QueueUnavailableError()),
          QUEUE_COMMAND_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Bull keeps options it does not know with the job, across retries and delays: the trace that
 * queued the job travels there, out of the payload, and JobRunner continues it.
 */
export interface TracedJobOptions extends JobOptions {
  traceContext?: TraceCarrier;
}

function traced(
  options: JobOptions,
  carrier: TraceCarrier | undefined,
): TracedJobOptions {
  return carrier ? { ...options, traceContext: carrier } : options;
}

/**
 * The one way to queue a job: a feature's job port extends this for its job definition and is the
 * only place that holds the Bull queue. Every call fails fast while Redis is away (`withQueue`).
 */
export class JobPort<T> {
  constructor(
    private readonly queue: Queue<T>,
    private readonly job: JobDefinition<T>,
  ) {}

  /** True while Redis answers the queue's commands. */
  get available(): boolean {
    return this.queue.client.status === 'ready';
  }

  /** Throws QueueUnavailableError unless a job could be queued now. */
  assertAvailable(): void {
    if (!this.available) {
      throw new QueueUnavailableError();
    }
  }

  /** Queues the job (a no-op while one with its id is held); returns its id. */
  protected async add(
    data: T,
    overrides: Pick<JobOptions, 'jobId' | 'delay'> = {},
  ): Promise<string> {
    const options = traced(
      { ...this.job.options(data), ...overrides },
      activeTraceCarrier(),
    );
    const job = await withQueue(this.queue, () =>
      this.queue.add(this.job.name, data, options),
    );
    return String(job.id);
  }

  /** Queues the jobs, each in the trace it names, else in the active one. */
  protected async addAll(
    jobs: Array<{ data: T; delayMs?: number; trace?: TraceCarrier }>,
  ): Promise<void> {
    if (jobs.length === 0) {
      return;
    }
    const active = activeTraceCarrier();
    await withQueue(this.queue, () =>
      this.queue.addBulk(
        jobs.map(({ data, delayMs, trace }) => ({
          name: this.job.name,
          data,
          opts: traced(
            { ...this.job.options(data), delay: delayMs ?? 0 },
            trace ?? active,
          ),
        })),
      ),
    );
  }

  /**
   * Queues the job, or retries the failed job that holds its id: Bull ignores an add whose id it
   * still holds, so a job that exhausted its attempts would otherwise never run again.
   */
  protected async addOrRetry(data: T): Promise<void> {
    const options = traced(this.job.options(data), activeTraceCarrier());
    await withQueue(this.queue, async () => {
      const existing = await this.queue.getJob(options.jobId!);
      if (existing && (await existing.isFailed())) {
        await existing.retry();
        return;
      }
      await this.queue.add(this.job.name, data, options);
    });
  }

  /**
   * True while the job carrying `data` is waiting, delayed or running: Bull holds it under its id
   * and has not finished it (completing or failing for good stamps `finishedOn`; a retry clears
   * it). One HGETALL. Bull's `getState` would instead look for the id in the whole waiting list
   * (a Lua LRANGE of every entry) after four other round trips, so a recovery pass over a backlog
   * of N queued jobs cost N² in Redis: 50,000 stale items had Redis at 50 % CPU and took minutes.
   */
  protected isLive(data: T): Promise<boolean> {
    const { jobId } = this.job.options(data);
    return withQueue(this.queue, async () => {
      const job = await this.queue.getJob(jobId!);
      return job !== null && !job.finishedOn;
    });
  }
}
