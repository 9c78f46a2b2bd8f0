/** The platforms media can be validated against (docs/contracts.md#platform-validation). */
export const PLATFORMS = [
  'INSTAGRAM',
  'INSTAGRAM_STORY',
  'TIKTOK',
  'YOUTUBE',
  'YOUTUBE_SHORTS',
  'X',
  'LINKEDIN',
  'FACEBOOK',
  'PINTEREST',
  'THREADS',
  'BLUESKY',
] as const;

export type Platform = (typeof PLATFORMS)[number];
