interface PendingWrite<Item, Tag> {
  items: Item[];
  tag: Tag | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A submission's items with the tag it came with. */
export interface Tagged<Item, Tag> {
  tag: Tag;
  items: Item[];
}

function tagged<Item, Tag>(
  pending: PendingWrite<Item, Tag>,
): Tagged<Item, Tag>[] {
  return pending.tag === undefined
    ? []
    : [{ tag: pending.tag, items: pending.items }];
}

export interface WriteCoalescerOptions {
  /** Writes running at once; what arrives meanwhile waits and leaves together in the next one. */
  maxInFlight: number;
  /** Items in one write at most; a submission is never split, so one larger than this goes alone. */
  maxItems: number;
  /**
   * Whether a combined write failed because of one submission's own items (a constraint, a bad
   * value): each submission is then written again on its own, so only the faulty one fails.
   * Anything else (a lost connection) fails every submission in the write, as separate writes
   * would have.
   */
  isItemError: (error: unknown) => boolean;
}

/**
 * Group commit for concurrent writes of the same kind: while `maxInFlight` writes run, submissions
 * queue, and the next write takes all of them (up to `maxItems`) in one statement. An idle
 * system writes each submission at once, as it comes; a busy one pays one round trip, one
 * statement and one commit for many. Each submission stays all or nothing, and resolves only once
 * the write holding it has committed.
 *
 * Our own: DataLoader-style libraries batch per event-loop tick, which adds a tick to every write
 * and forms no batch when the database is the bottleneck; here the batch is whatever queued while
 * the database was busy, so its size follows the load.
 */
export class WriteCoalescer<Item, Tag = never> {
  private readonly queue: PendingWrite<Item, Tag>[] = [];
  private inFlight = 0;

  /**
   * `write` gets every item of the write and, apart, the submissions that came with a tag (what
   * else their write must do, such as an idempotency record's recovery point).
   */
  constructor(
    private readonly write: (
      items: Item[],
      tagged: Tagged<Item, Tag>[],
    ) => Promise<void>,
    private readonly options: WriteCoalescerOptions,
  ) {}

  /** Resolves once `items` are written, all of them together or none. */
  submit(items: Item[], tag?: Tag): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ items, tag, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = [this.queue.shift()!];
      let count = batch[0].items.length;
      while (
        this.queue.length > 0 &&
        count + this.queue[0].items.length <= this.options.maxItems
      ) {
        const next = this.queue.shift()!;
        count += next.items.length;
        batch.push(next);
      }
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async run(batch: PendingWrite<Item, Tag>[]): Promise<void> {
    try {
      await this.write(
        batch.flatMap((pending) => pending.items),
        batch.flatMap(tagged),
      );
    } catch (error) {
      if (batch.length === 1 || !this.options.isItemError(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      await Promise.all(
        batch.map((pending) =>
          this.write(pending.items, tagged(pending)).then(
            pending.resolve,
            pending.reject,
          ),
        ),
      );
      return;
    }
    for (const pending of batch) pending.resolve();
  }
}
