const UNITS = {
  binary: [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ],
  decimal: [
    [1_000_000_000, 'GB'],
    [1_000_000, 'MB'],
    [1_000, 'KB'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [number, string]>>;

/**
 * A size for people: "5 GB", "1.5 MB", "12 KB", "900 bytes", to one decimal. Limits of our own are
 * binary (a 5 GB upload limit is 5 × 1024³ bytes); platforms state theirs in decimal units, so the
 * validator formats with `decimal` to quote them as the platform does.
 */
export function formatBytes(
  bytes: number,
  base: keyof typeof UNITS = 'binary',
): string {
  const unit = UNITS[base].find(([size]) => bytes >= size);
  return unit
    ? `${Math.round((bytes / unit[0]) * 10) / 10} ${unit[1]}`
    : `${bytes} bytes`;
}
