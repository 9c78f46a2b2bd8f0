/** The platforms media can be validated against (SPEC §4 Validation). */
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
