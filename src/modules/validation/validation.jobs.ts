import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { newId } from '../../common/ids.js';
import { defineJob } from '../../infra/queue/job.js';
import { JobPort } from '../../infra/queue/job-port.js';
import { QUEUES } from '../../infra/registry.js';

export interface ValidateMediaJob {
  mediaId: string;
}

/**
 * Validation of one item (its handler: ValidationService). The job evaluates whatever platforms
 * the item still has pending, so extra or repeated jobs find nothing left to do.
 */
export const VALIDATE_MEDIA = defineJob<ValidateMediaJob>({
  queue: QUEUES.validation,
  name: 'validate-media',
  options: () => ({
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: true,
    removeOnFail: 1_000,
  }),
});

/** Queues validation jobs; each request gets its own job id (`job_…`, shown to the client). */
@Injectable()
export class ValidationJobs extends JobPort<ValidateMediaJob> {
  constructor(@InjectQueue(QUEUES.validation) queue: Queue<ValidateMediaJob>) {
    super(queue, VALIDATE_MEDIA);
  }

  /** Queues a validation of the item; returns the job's id. */
  enqueue(mediaId: string): Promise<string> {
    return this.add({ mediaId }, { jobId: newId('job') });
  }
}
