/** One page of a newest-first list: `limit` rows, and the cursor of the next page if there is one. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

/**
 * The page from `rows`, fetched with `limit + 1` so that one row more than the page says whether
 * another page follows; `cursorAfter` seals the position of the page's last row.
 */
export function pageOf<T>(
  rows: T[],
  limit: number,
  cursorAfter: (last: T) => string,
): Page<T> {
  const items = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return {
    items,
    hasMore,
    nextCursor: hasMore ? cursorAfter(items[items.length - 1]) : null,
  };
}
