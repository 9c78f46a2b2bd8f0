import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long one pass of a periodic task keeps taking batches before it lets go of its lock. A pass
 * that stops here with work left is followed by the next one after CATCH_UP_PAUSE_MS rather than
 * a whole interval (PeriodicTask), so a backlog (150,000 expired uploads, 50,000 stale PROCESSING
 * items) is worked through in minutes, in passes any replica may take, each bounded; a stopping
 * worker waits for at most one batch beyond it.
 */
export const PASS_BUDGET_MS = 10_000;
export const CATCH_UP_PAUSE_MS = 1_000;
/** Storage or Redis round trips of a batch in flight at once. */
const IN_FLIGHT = 16;

/** What a running pass tells its scheduler: that it stopped at its budget with work left. */
interface PassState {
  workLeft: boolean;
}

const passes = new AsyncLocalStorage<PassState>();

/** Runs one pass; true when it stopped at its budget with work left (`inBatchesFor`). */
export async function runPass(pass: () => Promise<unknown>): Promise<boolean> {
  const state: PassState = { workLeft: false };
  await passes.run(state, pass);
  return state.workLeft;
}

/**
 * Runs `batch` (once at least) until it reports that nothing is left (returns false) or the pass
 * budget is spent.
 * Each batch continues from where the last one ended (a keyset), so a pass never re-reads what it
 * has handled.
 */
export async function inBatchesFor(
  budgetMs: number,
  batch: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + budgetMs;
  let more: boolean;
  do {
    more = await batch();
  } while (more && Date.now() < deadline);
  const state = passes.getStore();
  if (more && state) {
    state.workLeft = true;
  }
}

/**
 * Deletes `size` rows at a time with `deleteUpTo` (which says how many it deleted) until fewer come
 * back or the budget is spent (`inBatchesFor`); how many in all.
 */
export async function deleteInBatchesFor(
  budgetMs: number,
  size: number,
  deleteUpTo: (limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  await inBatchesFor(budgetMs, async () => {
    const deleted = await deleteUpTo(size);
    total += deleted;
    return deleted === size;
  });
  return total;
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
