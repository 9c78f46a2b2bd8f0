import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import { Gauge } from 'prom-client';
import { AppMetrics } from '../metrics/app-metrics.js';
import { QUEUES } from '../registry.js';
import { withQueue } from './job-port.js';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * Job counts of every queue, read from Bull when Prometheus scrapes rather than tracked from
 * events, so they are right whichever process added, ran or failed the jobs. A queue whose Redis
 * does not answer is left out of that scrape (its series go missing, which alerting sees) instead of
 * failing the whole scrape or reporting zeros.
 */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  private readonly logger = new Logger(QueueMetrics.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    const queues = Object.values(QUEUES).map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
    const logger = this.logger;
    new Gauge({
      name: 'media_api_queue_jobs',
      help: 'Jobs in each Bull queue by state, read at scrape time',
      labelNames: ['queue', 'state'] as const,
      registers: [this.metrics.registry],
      async collect() {
        this.reset();
        await Promise.all(
          queues.map(async (queue) => {
            try {
              const counts = await withQueue(queue, () => queue.getJobCounts());
              for (const state of STATES) {
                this.set({ queue: queue.name, state }, counts[state]);
              }
            } catch (error) {
              logger.warn(
                `Queue ${queue.name} left out of metrics: ${String(error)}`,
              );
            }
          }),
        );
      },
    });
  }
}
