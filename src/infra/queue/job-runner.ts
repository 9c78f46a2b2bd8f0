import { getQueueToken } from '@nestjs/bull';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModuleRef } from '@nestjs/core';
import type { Job, Queue } from 'bull';
import { AppConfig } from '../../config/app-config.js';
import { AdvisoryLocks } from '../database/advisory-locks.js';
import { AppMetrics } from '../metrics/app-metrics.js';
import {
  JOB_HANDLER,
  PERIODIC_TASK,
  type JobHandler,
  type JobHandlerMetadata,
  type JobReport,
  type PeriodicTaskMetadata,
} from './job.js';
import { runInTrace } from '../tracing/trace-context.js';
import type { TracedJobOptions } from './job-port.js';
import { PeriodicTask } from './periodic-task.js';
import { admitUnderCap } from './job-caps.js';
import { ProcessingLoop } from './processing-loop.js';
import { WorkSlots } from './work-slots.js';

interface Discovered<M> {
  metadata: M;
  method: (...args: never[]) => Promise<unknown>;
  instance: object;
  logger: Logger;
}

/**
 * The one place that decides whether this process runs background work (APP_ROLE `all` or
 * `worker`): it finds every `@OnJob` handler and `@Every` pass among the application's providers
 * and, in those roles only, consumes the jobs and schedules the passes. In the `api` role nothing
 * is started.
 *
 * Each attempt runs in a span that continues the trace which queued the job (JobPort), so an
 * upload's processing, validation, renditions and webhook deliveries join the request behind them.
 *
 * A finished job is logged as one line with structured `jobId`, `mediaId` and `workspaceId`
 * fields (from the handler's report), under the handler's class, so an item's or a tenant's jobs
 * can be found without parsing messages; every attempt is timed by its outcome.
 *
 * Everything started here stops in `onModuleDestroy`, letting running jobs and passes finish.
 * Nest calls every `onModuleDestroy` before any `onApplicationShutdown`, where the connections
 * those jobs use (database, Redis, S3) are released.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly started: Array<{ stop(): Promise<void> }> = [];

  constructor(
    private readonly config: AppConfig,
    private readonly locks: AdvisoryLocks,
    private readonly metrics: AppMetrics,
    private readonly slots: WorkSlots,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly moduleRef: ModuleRef,
  ) {}

  get runsWorkers(): boolean {
    return this.config.runsWorkers;
  }

  onApplicationBootstrap(): void {
    if (!this.runsWorkers) {
      return;
    }
    for (const handler of this.find<JobHandlerMetadata>(JOB_HANDLER)) {
      this.consume(handler);
    }
    for (const task of this.find<PeriodicTaskMetadata>(PERIODIC_TASK)) {
      this.schedule(task);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.started.map((work) => work.stop()));
  }

  private consume({
    metadata,
    method,
    instance,
    logger,
  }: Discovered<JobHandlerMetadata>): void {
    const { job: definition } = metadata;
    if (metadata.enabled && !metadata.enabled(this.config)) {
      return;
    }
    const queue = this.moduleRef.get<Queue>(getQueueToken(definition.queue), {
      strict: false,
    });
    const handler = method as unknown as JobHandler<unknown>;
    queue.on('failed', (job: Job, error: Error) => {
      if (job.name === definition.name) {
        logger.warn(
          { jobId: job.id, ...idsOf(job.data) },
          `Job ${job.id} attempt ${job.attemptsMade} failed: ${error.message}`,
        );
      }
    });
    this.started.push(
      ProcessingLoop.start(
        queue,
        definition.name,
        metadata.concurrency(this.config),
        (job: Job) =>
          runInTrace(
            `process ${queue.name}`,
            (job.opts as TracedJobOptions).traceContext,
            {
              'messaging.system': 'bull',
              'messaging.operation.type': 'process',
              'messaging.destination.name': queue.name,
              'messaging.message.id': String(job.id),
              'bull.job.name': definition.name,
            },
            async () => {
              const finish = this.metrics.startJob(queue.name, definition.name);
              let report: JobReport;
              try {
                report = await handler(job.data, {
                  id: String(job.id),
                  lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
                });
                finish('completed');
              } catch (error) {
                finish('failed');
                throw error;
              }
              logger.log(
                {
                  jobId: job.id,
                  mediaId: report.mediaId,
                  workspaceId: report.workspaceId,
                },
                `Job ${job.id}: ${report.summary}`,
              );
            },
          ),
        logger,
        metadata.cap &&
          admitUnderCap({
            queue,
            slots: this.slots,
            cap: metadata.cap.name,
            limit: metadata.cap.limit(this.config),
            place: (data) => metadata.cap!.place(instance as never, data),
            onWait: () =>
              this.metrics.countCapWait(
                queue.name,
                definition.name,
                metadata.cap!.name,
              ),
            logger,
          }),
      ),
    );
  }

  private schedule({
    metadata,
    method,
    logger,
  }: Discovered<PeriodicTaskMetadata>): void {
    const intervalMs = metadata.intervalMs(this.config);
    if (
      intervalMs <= 0 ||
      (metadata.enabled && !metadata.enabled(this.config))
    ) {
      return;
    }
    this.started.push(
      PeriodicTask.start(
        this.locks,
        {
          name: metadata.name,
          lockId: metadata.lockId,
          intervalMs,
          run: method,
        },
        logger,
        { runNow: metadata.runAtStart },
      ),
    );
    logger.log(`${metadata.name} runs every ${intervalMs / 1000} s`);
  }

  /** Every provider method carrying `key`, bound to its instance. */
  private find<M>(key: string): Array<Discovered<M>> {
    const found: Array<Discovered<M>> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') {
        continue;
      }
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[name] as (...args: never[]) => Promise<unknown>;
        const metadata = Reflect.getMetadata(key, method) as M | undefined;
        if (metadata) {
          found.push({
            metadata,
            method: method.bind(instance),
            instance,
            logger: new Logger(instance.constructor.name),
          });
        }
      }
    }
    return found;
  }
}

function idsOf(data: unknown): Record<string, unknown> {
  const { mediaId } = (data ?? {}) as { mediaId?: unknown };
  return typeof mediaId === 'string' ? { mediaId } : {};
}
