import { BullModule, getQueueToken } from '@nestjs/bull';
import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { AppConfig } from '../../config/app-config.js';
import { reconnectDelayMs } from '../redis/redis.js';
import { RedisStatus } from '../redis/redis-status.js';
import { QUEUES } from '../registry.js';
import { RETRY_AFTER_BACKOFF, retryAfterBackoffMs } from './job-port.js';
import { JobRunner } from './job-runner.js';
import { connected } from './processing-loop.js';
import { QueueMetrics } from './queue-metrics.js';
import { WorkSlots } from './work-slots.js';

const queues = BullModule.registerQueue(
  ...Object.values(QUEUES).map((name) => ({ name })),
);

/**
 * Bull on the configured Redis, under the configured key prefix. Feature modules hold a queue only
 * through their job port (a `JobPort` subclass) and handle jobs with `@OnJob`.
 *
 * A worker holds a lock on each job it runs and renews it every `lockDuration / 2`. When a worker
 * dies (crash, OOM kill, SIGKILL) its lock lapses after at most `lockDuration`, and the next stalled
 * check (every `stalledInterval`, by any live worker) puts the job back in the queue; handlers are
 * idempotent, so the re-run is safe. A dead worker's item is therefore back in work within about
 * lockDuration + stalledInterval (≈ 20 s here; Bull's defaults, 30 s + 30 s, left an item sitting in
 * PROCESSING for up to a minute).
 *
 * The cost of a shorter lock: a worker whose event loop stalls for longer than `lockDuration` loses
 * its lock, and its job may run twice. Nothing in a handler blocks the loop for long (sharp runs
 * on libuv's thread pool, ffprobe is a child process, storage I/O is streamed), and a double run is
 * harmless. The stalled check is one small Lua script per interval per worker; `maxStalledCount`
 * fails a job that keeps killing its workers instead of re-running it forever.
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        url: config.redisUrl,
        prefix: `${config.redisKeyPrefix}:bull`,
        redis: { retryStrategy: reconnectDelayMs },
        settings: {
          backoffStrategies: { [RETRY_AFTER_BACKOFF]: retryAfterBackoffMs },
          lockDuration: 15_000,
          stalledInterval: 5_000,
          maxStalledCount: 3,
        },
      }),
    }),
    queues,
  ],
  providers: [JobRunner, QueueMetrics, WorkSlots],
  exports: [queues, JobRunner, WorkSlots],
})
export class QueueModule implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly redisStatus: RedisStatus,
  ) {}

  /**
   * Connects every queue before the application takes requests or jobs (Bull connects lazily, so
   * the first request would otherwise find its connection still opening), and follows their
   * connection state: Bull re-emits its clients' errors on the queue.
   */
  async onModuleInit(): Promise<void> {
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), {
        strict: false,
      });
      this.redisStatus.watch(`queue ${name}`, queue, queue.client);
      await connected(queue.client);
    }
  }
}
