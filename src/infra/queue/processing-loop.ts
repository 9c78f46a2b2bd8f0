import type { Logger } from '@nestjs/common';
import type { Job, ProcessPromiseFunction, Queue } from 'bull';
import type { Redis } from 'ioredis';

/** Connection states from which ioredis is still on its way to `ready` (or `end`). */
const CONNECTING = new Set(['connecting', 'connect', 'reconnecting']);
const CONNECT_WAIT_MS = 5_000;

/**
 * Whether a job taken from the queue runs now: with `done` called once it has finished (and its
 * result is recorded), or not before `until` (ms since the epoch), back in the delayed set.
 */
export type Admission =
  { run: true; done(): Promise<void> } | { run: false; until: number };

/** Decides on each job before it runs; must not throw (a throw stalls the loop for 5 s). */
export type Admit = (job: Job) => Promise<Admission>;

/** Bull's per-job step (bound to the queue in its constructor, looked up on every job). */
interface JobStep {
  processJob: (job?: Job, notFetch?: boolean) => Promise<unknown>;
}

/** Bull 4's move of an active job to delayed, releasing this worker's lock (untyped). */
interface DelayableJob {
  moveToDelayed(timestamp: number): Promise<void>;
}

/**
 * One Bull processing loop, with the two things `queue.process` leaves to its caller.
 *
 * The promise it returns settles only when the loop ends, and rejects when Redis goes away under
 * it: expected while the application closes its connections, but at any other time it means this
 * process has silently stopped taking jobs, which someone has to see.
 *
 * Bull 4 names its blocking connection with a CLIENT SETNAME that it neither awaits nor lets anyone
 * catch. A worker stopped before that connection finished connecting (right after it started) has
 * the command flushed with "Connection is closed", an unhandled rejection that crashes Node. So
 * `stop` lets Bull's connections finish connecting before it pauses the loop; pausing closes the
 * blocking connection with QUIT, which Redis answers only after the commands sent before it.
 */
export class ProcessingLoop {
  private stopping = false;

  private constructor(
    private readonly queue: Queue,
    private readonly jobName: string,
    private readonly logger: Logger,
  ) {}

  static start<T>(
    queue: Queue<T>,
    jobName: string,
    concurrency: number,
    handler: ProcessPromiseFunction<T>,
    logger: Logger,
    admit?: Admit,
  ): ProcessingLoop {
    const loop = new ProcessingLoop(queue, jobName, logger);
    if (admit) {
      admitFirst(queue, jobName, admit);
    }
    queue
      .process(jobName, concurrency, handler)
      .catch((error: unknown) => loop.ended(error));
    return loop;
  }

  /**
   * Stops taking jobs and waits for the running ones to finish. Call it from `onModuleDestroy`, before
   * the queue's connections close in `onApplicationShutdown`.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await connected(this.queue.client);
    // Bull creates the blocking connection once the command connection is ready; the getter is untyped.
    await connected((this.queue as unknown as { bclient: Redis }).bclient);
    await this.queue.pause(true).catch((error: unknown) =>
      // Shutdown goes on; Bull's stalled-job recovery takes over any job cut short.
      this.logger.warn(`Could not wait for running jobs: ${String(error)}`),
    );
  }

  private ended(error: unknown): void {
    if (this.stopping) {
      this.logger.debug(
        `${this.jobName} loop ended during shutdown: ${String(error)}`,
      );
    } else {
      this.logger.error(
        `${this.jobName} loop stopped; this process takes no more ${this.jobName} jobs: ${String(error)}`,
      );
    }
  }
}

/** Resolves once `client` is ready (or has given up), after at most 5 s. */
export function connected(client: Redis): Promise<void> {
  if (!CONNECTING.has(client.status)) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off('ready', done).off('end', done);
      resolve();
    };
    const timer = setTimeout(done, CONNECT_WAIT_MS);
    client.once('ready', done).once('end', done);
  });
}

/**
 * Puts `admit` in front of the `jobName` jobs of `queue`. Bull offers no way for a handler to send its
 * job back to wait without failing an attempt: whatever the handler returns, Bull then completes or
 * fails the job. So the decision is made before the handler, in Bull's per-job step: a job that may
 * not run yet is moved from active to delayed under this worker's lock (`Job#moveToDelayed`, the
 * move Bull itself makes for a retry with backoff), keeping its id, attempts and data; the worker
 * slot then takes the next job. Re-adding the job instead would do nothing: Bull ignores an add
 * whose id it still holds, and the running job holds it.
 */
function admitFirst(queue: Queue, jobName: string, admit: Admit): void {
  const step = queue as unknown as JobStep;
  const run = step.processJob;
  step.processJob = async (job, notFetch) => {
    if (!job || job.name !== jobName) {
      return run(job, notFetch);
    }
    const admission = await admit(job);
    if (!admission.run) {
      await (job as unknown as DelayableJob).moveToDelayed(admission.until);
      // Like a missing job: the worker slot asks the queue for its next one.
      return null;
    }
    try {
      return await run(job, notFetch);
    } finally {
      await admission.done();
    }
  };
}
