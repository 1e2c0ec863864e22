import { chainHash, GENESIS_HASH } from '@storyline/event-store';
import type { ChainHead, ChainRow } from '../chain/chain-row';
import type { ChainSource } from '../chain/verify-chain';

/** A chained log of `count` events over a few streams, as PostgreSQL would hold it. */
export function chainedRows(count: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let n = 1; n <= count; n++) {
    const content = {
      position: String(n),
      eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      streamId: `story-${n % 3}`,
      streamRevision: String(Math.floor((n - 1) / 3)),
      type: 'FactReported',
      schemaVersion: 1,
      recordedAt: `2026-11-22T09:30:${String(n % 60).padStart(2, '0')}.000001Z`,
      data: { n },
      metadata: { actor: 'test', correlationId: 'c', causationId: null },
    };
    const hash = chainHash(prevHash, content);
    rows.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

/** A {@link ChainSource} over rows held in memory, which tests tamper with as they like. */
export class MemoryChain implements ChainSource {
  constructor(public rows: ChainRow[]) {}

  private sorted(): ChainRow[] {
    return [...this.rows].sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
  }

  async head(): Promise<ChainHead> {
    const last = this.sorted().at(-1);
    return last ? { position: BigInt(last.position), hash: last.hash } : { position: 0n, hash: GENESIS_HASH };
  }

  async batch(after: bigint, upTo: bigint, limit: number): Promise<ChainRow[]> {
    return this.sorted()
      .filter((row) => BigInt(row.position) > after && BigInt(row.position) <= upTo)
      .slice(0, limit);
  }

  async successorsOf(hash: string): Promise<ChainRow[]> {
    return this.sorted().filter((row) => row.prevHash === hash);
  }

  async withHash(hash: string): Promise<ChainRow | null> {
    return this.rows.find((row) => row.hash === hash) ?? null;
  }

  /** Gives the row at `from` the position `to`, as an UPDATE of the position column would. */
  move(from: number, to: number): void {
    this.rows = this.rows.map((row) => (row.position === String(from) ? { ...row, position: String(to) } : row));
  }
}
