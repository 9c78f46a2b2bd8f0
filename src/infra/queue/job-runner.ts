import { Injectable, type Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Job, ProcessPromiseFunction, Queue } from 'bull';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { AppMetrics } from '../metrics/app-metrics.js';
import { PeriodicTask, type PeriodicTaskDefinition } from './periodic-task.js';
import { ProcessingLoop } from './processing-loop.js';

/** What a job did: a sentence for the log, and the ids its log line is found by. */
export interface JobReport {
  summary: string;
  mediaId?: string;
  workspaceId?: string;
}

/**
 * Logs a finished job as one line with structured `jobId`, `mediaId` and `workspaceId` fields, so
 * an item's or a tenant's jobs can be found in the logs without parsing messages.
 */
export function logJobReport(
  logger: Logger,
  job: Job,
  report: JobReport,
): void {
  logger.log(
    {
      jobId: job.id,
      mediaId: report.mediaId,
      workspaceId: report.workspaceId,
    },
    `Job ${job.id}: ${report.summary}`,
  );
}

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
    private readonly metrics: AppMetrics,
  ) {}

  get runsWorkers(): boolean {
    return this.config.runsWorkers;
  }

  /** Runs `handler` for each `jobName` job of `queue`, timing every attempt by its outcome. */
  consume<T>(
    queue: Queue<T>,
    jobName: string,
    concurrency: number,
    handler: ProcessPromiseFunction<T>,
    logger: Logger,
  ): void {
    if (this.runsWorkers) {
      this.started.push(
        ProcessingLoop.start(
          queue,
          jobName,
          concurrency,
          async (job) => {
            const finish = this.metrics.startJob(queue.name, jobName);
            try {
              await handler(job);
              finish('completed');
            } catch (error) {
              finish('failed');
              throw error;
            }
          },
          logger,
        ),
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
