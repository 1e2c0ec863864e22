import type { StoredEvent } from '@storyline/event-store';

/** Reads the page of the log after a position (at most one page size; empty at the end). */
export type ReadPage = (after: bigint) => Promise<StoredEvent[]>;

/**
 * The log after a position, page by page up to `until`, reading the next page while the
 * caller applies the current one: the database reads while Node builds rows. At most one
 * page is read ahead, so memory stays at two pages. Each page starts right after the last
 * position of the one before, so none is skipped or repeated.
 */
export class LogPages {
  private ahead: Promise<StoredEvent[]> | null = null;
  private done = false;

  constructor(
    private readonly read: ReadPage,
    private after: bigint,
    private readonly until: bigint,
  ) {}

  /** The next page, or null once `until` is reached or the log ends before it. */
  async next(): Promise<StoredEvent[] | null> {
    if (this.done || this.after >= this.until) return null;
    const page = await (this.ahead ?? this.read(this.after));
    this.ahead = null;
    if (page.length === 0) {
      this.done = true;
      return null;
    }
    this.after = page[page.length - 1].position;
    if (this.after < this.until) this.ahead = this.prefetch(this.after);
    return page;
  }

  /** Waits out a read still under way (its result is dropped), so nothing is left running. */
  async close(): Promise<void> {
    this.done = true;
    const ahead = this.ahead;
    this.ahead = null;
    await ahead?.catch(() => undefined);
  }

  private prefetch(after: bigint): Promise<StoredEvent[]> {
    const reading = this.read(after);
    // Its failure is the next call's to report; until then it must not count as unhandled.
    reading.catch(() => undefined);
    return reading;
  }
}
