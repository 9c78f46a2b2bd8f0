import type { JobOptions } from 'bull';

/** Every queue, job name and job option of the application, in one place. */
export const QUEUES = {
  processing: 'media-processing',
  maintenance: 'maintenance',
} as const;

export const JOBS = {
  processMedia: 'process-media',
  reconcileUploads: 'reconcile-uploads',
} as const;

export interface ProcessMediaJob {
  mediaId: string;
}

/**
 * One job id per media item, so duplicate "bytes received" triggers collapse into one job while it
 * is queued or running.
 */
export function processMediaJobOptions(mediaId: string): JobOptions {
  return {
    jobId: `process:${mediaId}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: true,
    removeOnFail: 1_000,
  };
}

export function reconcileUploadsJobOptions(
  intervalSeconds: number,
): JobOptions {
  return {
    jobId: JOBS.reconcileUploads,
    repeat: { every: intervalSeconds * 1_000 },
    removeOnComplete: true,
    removeOnFail: 100,
  };
}
