import { positionToJson } from '@storyline/story-events';
import { GENESIS_HASH } from '@storyline/event-store';
import { positionOf, verifiesAt } from './chain-row';
import type { ChainSource } from './verify-chain';

/** What the last tail check found; `GET /health` shows it. */
export interface TailIntegrity {
  /** `ok`: the tail links up; `broken`: it does not (run a full verify); `unknown`: not checked yet. */
  readonly status: 'ok' | 'broken' | 'unknown';
  /** The position the checked stretch starts after (its hash was taken as known good). */
  readonly since: number;
  /** The last position that verified. */
  readonly checkedUpTo: number;
  readonly firstBadPosition?: number;
  readonly checkedAt: string | null;
}

export interface TailCheckOptions {
  /** How far back from the head the first check starts; default 1000 events. */
  readonly window?: number;
  /** Events checked at most per call, so a call stays cheap; default 2000. */
  readonly maxPerCheck?: number;
}

/**
 * A cheap, incremental look at the hash chain for health checks: the first call checks the
 * last `window` events, later ones only what was appended since (up to `maxPerCheck` each).
 * It trusts the hash it started from; `storyline verify` checks the whole log.
 */
export class LogTailCheck {
  private anchor: { position: bigint; hash: string } | null = null;
  private since = 0n;
  private last: TailIntegrity = { status: 'unknown', since: 0, checkedUpTo: 0, checkedAt: null };
  private running: Promise<TailIntegrity> | null = null;
  private readonly window: bigint;
  private readonly maxPerCheck: number;

  constructor(
    private readonly source: ChainSource,
    options: TailCheckOptions = {},
  ) {
    this.window = BigInt(options.window ?? 1000);
    this.maxPerCheck = options.maxPerCheck ?? 2000;
  }

  /** The result of the last check, without reading anything. */
  get lastKnown(): TailIntegrity {
    return this.last;
  }

  /** Checks what was appended since the last call; one check at a time. */
  check(): Promise<TailIntegrity> {
    this.running ??= this.advance().finally(() => (this.running = null));
    return this.running;
  }

  private async advance(): Promise<TailIntegrity> {
    if (this.last.status === 'broken') return this.last;
    const head = await this.source.head();
    const anchor = this.anchor ?? (await this.startingPoint(head.position));
    const rows = head.position > anchor.position ? await this.source.batch(anchor.position, head.position, this.maxPerCheck) : [];
    let { position, hash } = anchor;
    for (const row of rows) {
      const expected = position + 1n;
      if (positionOf(row) !== expected || row.prevHash !== hash || !verifiesAt(row, expected)) {
        this.last = { status: 'broken', since: positionToJson(this.since), checkedUpTo: positionToJson(position), firstBadPosition: positionToJson(expected), checkedAt: new Date().toISOString() };
        return this.last;
      }
      position = expected;
      hash = row.hash;
    }
    this.anchor = { position, hash };
    this.last = { status: 'ok', since: positionToJson(this.since), checkedUpTo: positionToJson(position), checkedAt: new Date().toISOString() };
    return this.last;
  }

  private async startingPoint(head: bigint): Promise<{ position: bigint; hash: string }> {
    const from = head > this.window ? head - this.window : 0n;
    this.since = from;
    if (from === 0n) return { position: 0n, hash: GENESIS_HASH };
    const [row] = await this.source.batch(from - 1n, from, 1);
    if (!row) throw new Error(`the log has no event at position ${from}`);
    return { position: from, hash: row.hash };
  }
}
