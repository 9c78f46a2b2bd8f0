import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { defineJob } from '../../infra/queue/job.js';
import { JobPort } from '../../infra/queue/job-port.js';
import { QUEUES } from '../../infra/registry.js';

export interface ProcessMediaJob {
  mediaId: string;
}

/**
 * Processing of one item (its handler: MediaProcessingService). One job id per item, so duplicate
 * "bytes received" triggers collapse into one job while it is queued or running.
 */
export const PROCESS_MEDIA = defineJob<ProcessMediaJob>({
  queue: QUEUES.processing,
  name: 'process-media',
  options: ({ mediaId }) => ({
    jobId: `process:${mediaId}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: true,
    removeOnFail: 1_000,
  }),
});

/** Queues items for processing. */
@Injectable()
export class ProcessingJobs extends JobPort<ProcessMediaJob> {
  constructor(@InjectQueue(QUEUES.processing) queue: Queue<ProcessMediaJob>) {
    super(queue, PROCESS_MEDIA);
  }

  /** Queues the item, or retries its job if that one exhausted its attempts. */
  enqueue(mediaId: string): Promise<void> {
    return this.addOrRetry({ mediaId });
  }

  /** True while the item's job is waiting, delayed or running. */
  hasLiveJob(mediaId: string): Promise<boolean> {
    return this.isLive({ mediaId });
  }
}
