import type { EventStore, GlobalPosition } from '../event-store.port';
import type { Doorbell } from '../shared/doorbell';

/**
 * One live subscription to the native log per store, started by the first follower, that
 * rings the doorbell whenever the native log grows, from whichever process appended: the
 * followers then read, and index what they read. If it fails, followers fall back to polling
 * and the next one to read starts it again.
 */
export class NativeWatch {
  private watching = false;

  constructor(
    private readonly native: EventStore,
    private readonly doorbell: Doorbell,
    /**
     * The native position to watch from: the index head's, so that no append a follower has
     * not yet read can pass unrung (the native head could be read after such an append).
     */
    private readonly from: () => Promise<GlobalPosition>,
    private readonly closing: AbortSignal,
  ) {}

  /** Starts the watch unless it runs; never throws. */
  ensure(): void {
    if (this.watching || this.closing.aborted) return;
    this.watching = true;
    void this.watch().finally(() => (this.watching = false));
  }

  private async watch(): Promise<void> {
    try {
      const after = await this.from();
      for await (const _event of this.native.subscribeToAll({ after, signal: this.closing })) this.doorbell.ring();
    } catch {
      // Polling covers the gap; the next follower's read starts the watch again.
    }
  }
}
