/** Spreads the retries of many deliveries that failed together (an endpoint down) over time. */
const JITTER = 0.2;

/**
 * How long to wait after failed attempt number `attempt` (1-based): the configured delay for it,
 * ±20 %, or null when it was the last attempt and the delivery is given up.
 */
export function retryDelayMs(
  attempt: number,
  delaysSeconds: readonly number[],
  random: () => number = Math.random,
): number | null {
  const seconds = delaysSeconds[attempt - 1];
  if (seconds === undefined) {
    return null;
  }
  return Math.round(seconds * 1_000 * (1 - JITTER + 2 * JITTER * random()));
}
