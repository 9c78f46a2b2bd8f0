/**
 * Runs work on one key strictly after the work on that key queued before it, within this process.
 * The local driver commits an object and its metadata in two renames; taking the key's lock for
 * commits, deletes and reads is what keeps a reader from seeing one without the other.
 */
export class KeyLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
