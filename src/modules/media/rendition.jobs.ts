import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { defineJob } from '../../infra/queue/job.js';
import { JobPort } from '../../infra/queue/job-port.js';
import { QUEUES } from '../../infra/registry.js';

export interface MakeRenditionJob {
  renditionId: string;
}

/**
 * Making one rendition (its handler: RenditionMaker in the renditions module), on its own queue so a transcode taking
 * every core of a worker never holds up image processing. One job id per rendition: asking again
 * while it is queued or running adds nothing. A worker killed mid-transcode leaves the job stalled;
 * Bull runs it again on a live worker, which starts the transcode over.
 */
export const MAKE_RENDITION = defineJob<MakeRenditionJob>({
  queue: QUEUES.renditions,
  name: 'make-rendition',
  options: ({ renditionId }) => ({
    jobId: `rendition:${renditionId}`,
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: 1_000,
  }),
});

/** Queues renditions to be made. */
@Injectable()
export class RenditionJobs extends JobPort<MakeRenditionJob> {
  constructor(@InjectQueue(QUEUES.renditions) queue: Queue<MakeRenditionJob>) {
    super(queue, MAKE_RENDITION);
  }

  /** Queues the rendition, or retries its job if that one exhausted its attempts. */
  enqueue(renditionId: string): Promise<void> {
    return this.addOrRetry({ renditionId });
  }
}
