import { Injectable, type Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ProcessPromiseFunction, Queue } from 'bull';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { PeriodicTask, type PeriodicTaskDefinition } from './periodic-task.js';
import { ProcessingLoop } from './processing-loop.js';

/**
 * The one place that decides whether this process runs background work (APP_ROLE `all` or
 * `worker`): feature modules declare their job consumers and periodic tasks through it, and in
 * the `api` role they are simply not started.
 *
 * Everything started here stops in `onModuleDestroy`, letting running jobs and passes finish.
 * Nest calls every `onModuleDestroy` before any `onApplicationShutdown`, where the connections
 * those jobs use (database, Redis, S3) are released.
 */
@Injectable()
export class JobRunner implements OnModuleDestroy {
  private readonly started: Array<{ stop(): Promise<void> }> = [];

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  get runsWorkers(): boolean {
    return this.config.runsWorkers;
  }

  consume<T>(
    queue: Queue<T>,
    jobName: string,
    concurrency: number,
    handler: ProcessPromiseFunction<T>,
    logger: Logger,
  ): void {
    if (this.runsWorkers) {
      this.started.push(
        ProcessingLoop.start(queue, jobName, concurrency, handler, logger),
      );
    }
  }

  /** Runs `task` every interval, at most once at a time across all worker processes. */
  every(task: PeriodicTaskDefinition, logger: Logger): void {
    if (this.runsWorkers && task.intervalMs > 0) {
      this.started.push(PeriodicTask.start(this.dataSource, task, logger));
      logger.log(`${task.name} runs every ${task.intervalMs / 1000} s`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.started.map((work) => work.stop()));
  }
}
