import type { Queue } from 'bull';
import { newId } from '../../common/ids.js';
import {
  JOBS,
  validateMediaJobOptions,
  withQueue,
  type ValidateMediaJob,
} from '../../infra/queue/queues.js';
import type { Media } from '../media/media.entity.js';

/** Queues a validation job for the item; returns its `job_…` id. 503 while Redis is away. */
export async function enqueueValidation(
  queue: Queue<ValidateMediaJob>,
  mediaId: string,
): Promise<string> {
  const jobId = newId('job');
  await withQueue(queue, () =>
    queue.add(JOBS.validateMedia, { mediaId }, validateMediaJobOptions(jobId)),
  );
  return jobId;
}

/** Whether a job has platforms to check on the item: requested ones, or upload targets not yet checked. */
export function hasValidationToRun(media: Media): boolean {
  return platformsToValidate(media).length > 0;
}

/**
 * The platforms a validation job checks: those requested and not yet run, and the item's
 * `targetPlatforms` (bulk video uploads) that have no result yet. Derived from the row, so any
 * number of jobs for the item agree on what is left.
 */
export function platformsToValidate(media: Media): string[] {
  const results = media.validationResults ?? {};
  const targets = (media.targetPlatforms ?? []).filter(
    (platform) => !(platform in results),
  );
  return [...new Set([...(media.validationPlatforms ?? []), ...targets])];
}
