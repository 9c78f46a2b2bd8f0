import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { defineJob } from '../../infra/queue/job.js';
import { JobPort, RETRY_AFTER_BACKOFF } from '../../infra/queue/job-port.js';
import { QUEUES } from '../../infra/registry.js';

export interface ImportMediaJob {
  importJobId: string;
}

/**
 * One import (its handler: ImportJobsService), by the import's id. Transient failures (timeouts,
 * 5xx, 429) are retried, after the source's own Retry-After when it sent one; permanent ones
 * (401, 403, 404, blocked address, wrong type) are recorded at once without a retry.
 */
export const IMPORT_MEDIA = defineJob<ImportMediaJob>({
  queue: QUEUES.imports,
  name: 'import-media',
  options: ({ importJobId }) => ({
    jobId: `import:${importJobId}`,
    attempts: 5,
    backoff: { type: RETRY_AFTER_BACKOFF },
    removeOnComplete: true,
    removeOnFail: 1_000,
  }),
});

/** Queues imports. */
@Injectable()
export class ImportJobs extends JobPort<ImportMediaJob> {
  constructor(@InjectQueue(QUEUES.imports) queue: Queue<ImportMediaJob>) {
    super(queue, IMPORT_MEDIA);
  }

  /** Queues the import, or retries its job if Bull still holds that one as failed. */
  enqueue(importJobId: string): Promise<void> {
    return this.addOrRetry({ importJobId });
  }

  hasLiveJob(importJobId: string): Promise<boolean> {
    return this.isLive({ importJobId });
  }
}
