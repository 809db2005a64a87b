/**
 * A least-recently-used map bounded both by entry count and by total
 * weight, so that neither many small entries nor a few huge ones grow the
 * process without limit. A JavaScript Map keeps insertion order, so the
 * first key is always the least recently used one.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; weight: number }>();
  private totalWeight = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxWeight: number,
    private readonly weigh: (key: string, value: V) => number,
  ) {}

  /** Number of entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** Sum of the weights of the entries held. */
  get weight(): number {
    return this.totalWeight;
  }

  /** Returns the value of a key and marks it as the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * Stores a value, then evicts the least recently used entries until both
   * bounds hold. A value heavier than the whole budget is not stored.
   */
  set(key: string, value: V): void {
    const weight = this.weigh(key, value);
    this.delete(key);
    if (weight > this.maxWeight || this.maxEntries < 1) return;

    this.entries.set(key, { value, weight });
    this.totalWeight += weight;
    this.evictOverflow();
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.totalWeight -= entry.weight;
  }

  private evictOverflow(): void {
    while (this.entries.size > this.maxEntries || this.totalWeight > this.maxWeight) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) return;
      this.delete(oldest.value);
    }
  }
}
