/**
 * One queue per key: operations on the same key run one after another, in the order they were
 * asked for; operations on different keys run side by side. A key's queue is forgotten once it
 * is idle (nothing is kept for an article with no work in flight).
 */
export class KeyedSequencer {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `op` after every operation queued before it on `key`; a failure does not stop the queue. */
  run<T>(key: string, op: () => Promise<T> | T): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(op);
    this.setTail(key, result);
    return result;
  }

  /**
   * Runs `op` once every operation queued before it on each of `keys` is over; later operations
   * on any of them wait for it (a rename holds the old and the new name).
   */
  runAll<T>(keys: readonly string[], op: () => Promise<T> | T): Promise<T> {
    const unique = [...new Set(keys)];
    if (unique.length === 1) return this.run(unique[0]!, op);
    const arrivals: Promise<void>[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    for (const key of unique) {
      const before = this.tails.get(key) ?? Promise.resolve();
      arrivals.push(before);
      this.setTail(key, before.then(() => gate));
    }
    return Promise.all(arrivals).then(op).finally(release);
  }

  private setTail(key: string, work: Promise<unknown>): void {
    const tail = work.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
  }

  /** Resolves when every operation queued so far, on every key, is over. */
  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all(this.tails.values());
  }
}
