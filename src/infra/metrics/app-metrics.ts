import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Histogram,
  Registry,
} from 'prom-client';

/** Seconds; HTTP answers are mostly milliseconds, uploads and URL imports run to minutes. */
const HTTP_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];
/** Seconds; a job is a database round trip at best and a large download or video probe at worst. */
const JOB_BUCKETS = [
  0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900,
];

export type IngestSource = 'upload' | 'import';

/**
 * Every metric of one application, in that application's own prom-client Registry.
 *
 * prom-client is used directly rather than through @willsoto/nestjs-prometheus: that module's
 * metric providers, default metrics and controller all use prom-client's global registry, so two
 * applications in one process (the tests start many) would share, and mix, one set of metrics.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();

  private readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to the end of its response',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  private readonly jobDuration = new Histogram({
    name: 'media_api_job_duration_seconds',
    help: 'Time a worker spent on one job attempt, by queue, job type and outcome',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });

  private readonly authInvalidations = new Counter({
    name: 'media_api_auth_cache_invalidations_total',
    help: 'Announcements of a revoked API key or a changed subscription this process applied to its authentication cache',
    registers: [this.registry],
  });

  private readonly capWaits = new Counter({
    name: 'media_api_job_cap_waits_total',
    help: 'Jobs sent back to wait because their workspace or endpoint had its cap of jobs running, by queue, job type and cap',
    labelNames: ['queue', 'job', 'cap'] as const,
    registers: [this.registry],
  });

  private readonly normalisations = new Counter({
    name: 'media_api_image_normalisations_total',
    help: 'Images through the normalisation pipeline, by outcome (metadata.normalization.outcome)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly ingestBytes = new Counter({
    name: 'media_api_ingest_bytes_total',
    help: 'Bytes stored from local upload PUTs and from URL/Drive imports',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observeHttpRequest(
    method: string,
    route: string,
    status: number,
    seconds: number,
  ): void {
    const labels = { method, route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  /** Starts timing a job attempt; call the returned function with how it ended. */
  startJob(
    queue: string,
    job: string,
  ): (outcome: 'completed' | 'failed') => void {
    const end = this.jobDuration.startTimer({ queue, job });
    return (outcome) => end({ outcome });
  }

  /** A job found its group's cap full and went back to wait (JobCap). */
  countAuthInvalidation(): void {
    this.authInvalidations.inc();
  }

  countCapWait(queue: string, job: string, cap: string): void {
    this.capWaits.inc({ queue, job, cap });
  }

  countNormalisation(outcome: string): void {
    this.normalisations.inc({ outcome });
  }

  countIngestedBytes(source: IngestSource, bytes: number): void {
    this.ingestBytes.inc({ source }, bytes);
  }

  /** The Prometheus text exposition of every metric, collecting the scrape-time ones first. */
  async render(): Promise<{ contentType: string; body: string }> {
    return {
      contentType: this.registry.contentType,
      body: await this.registry.metrics(),
    };
  }
}
