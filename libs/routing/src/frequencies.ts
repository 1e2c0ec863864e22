/**
 * How many routed reports carry a feature. Profiles and queries hold the `FeatureStat` object
 * itself, so scoring reads current counts without a lookup per feature.
 */
export interface FeatureStat {
  count: number;
  /** ln(count + 0.5), kept with the count: IDF is then one subtraction and a root per read. */
  logCount: number;
}

export class FeatureFrequencies {
  private readonly stats = new Map<string, FeatureStat>();
  private seen = 0;

  /** The stat of `key`, created at count 0 when unseen (count-0 stats are not serialised). */
  stat(key: string): FeatureStat {
    let stat = this.stats.get(key);
    if (!stat) {
      stat = { count: 0, logCount: Math.log(0.5) };
      this.stats.set(key, stat);
    }
    return stat;
  }

  /** How many routed reports carry `key` (0 when unseen); creates nothing. */
  count(key: string): number {
    return this.stats.get(key)?.count ?? 0;
  }

  bump(key: string): void {
    const stat = this.stat(key);
    if (stat.count === 0) this.seen += 1;
    stat.count += 1;
    stat.logCount = Math.log(stat.count + 0.5);
  }

  set(key: string, count: number): void {
    const stat = this.stat(key);
    if (stat.count === 0 && count > 0) this.seen += 1;
    stat.count = count;
    stat.logCount = Math.log(count + 0.5);
  }

  /** Features seen at least once, with their counts. */
  counted(): Array<[string, number]> {
    return [...this.stats.entries()].filter(([, stat]) => stat.count > 0).map(([key, stat]) => [key, stat.count]);
  }

  /** Features seen at least once (stats created by lookups alone do not count). */
  get size(): number {
    return this.seen;
  }

  /** Forgets the features of `keys` (vocabulary pruning); callers must drop stats they hold. */
  forget(keys: Iterable<string>): void {
    for (const key of keys) {
      if ((this.stats.get(key)?.count ?? 0) > 0) this.seen -= 1;
      this.stats.delete(key);
    }
  }
}
