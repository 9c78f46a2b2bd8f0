import type { Logger } from '@nestjs/common';
import type { ProcessPromiseFunction, Queue } from 'bull';
import type { Redis } from 'ioredis';

/** Connection states from which ioredis is still on its way to `ready` (or `end`). */
const CONNECTING = new Set(['connecting', 'connect', 'reconnecting']);
const CONNECT_WAIT_MS = 5_000;

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
  ): ProcessingLoop {
    const loop = new ProcessingLoop(queue, jobName, logger);
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
