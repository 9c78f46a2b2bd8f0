/**
 * How long one pass of a periodic task keeps taking batches. A backlog (150,000 expired uploads,
 * 50,000 stale PROCESSING items) is worked through over a few passes, in minutes; a stopping
 * worker waits for at most one batch beyond it.
 */
export const PASS_BUDGET_MS = 10_000;
/** Storage or Redis round trips of a batch in flight at once. */
const IN_FLIGHT = 16;

/**
 * Runs `batch` until it reports that nothing is left (returns false) or the pass budget is spent.
 * Each batch continues from where the last one ended (a keyset), so a pass never re-reads what it
 * has handled.
 */
export async function inBatchesFor(
  budgetMs: number,
  batch: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + budgetMs;
  let more = true;
  while (more && Date.now() < deadline) {
    more = await batch();
  }
}

/** `work` for every item, IN_FLIGHT at a time, results in the items' order. */
export async function eachInFlight<T, R>(
  items: T[],
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += IN_FLIGHT) {
    results.push(
      ...(await Promise.all(items.slice(start, start + IN_FLIGHT).map(work))),
    );
  }
  return results;
}
