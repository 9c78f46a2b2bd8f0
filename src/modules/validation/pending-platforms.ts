import type { Media } from '../media/media.entity.js';

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
