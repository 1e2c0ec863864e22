/**
 * A bounded cache of views, least recently used out first. Views are immutable once the
 * log position they are keyed by has been applied, so an entry never needs invalidating;
 * keys must name everything the view depends on (the story, the query, the story's newest
 * position in the view, the read model's generation).
 */
export class ViewCache<V> {
  private readonly entries = new Map<string, V>();
  private hits = 0;
  private misses = 0;

  /** @param capacity the most views kept; 0 turns the cache off. */
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Re-inserting moves the key to the young end of the Map's insertion order.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get stats(): { readonly size: number; readonly hits: number; readonly misses: number } {
    return { size: this.entries.size, hits: this.hits, misses: this.misses };
  }
}
