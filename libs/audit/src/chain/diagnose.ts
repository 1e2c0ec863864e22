import { positionOf, verifiesAt, type ChainRow } from './chain-row';

/** What is wrong at the first bad position of the log. */
export type ChainProblemKind = 'changed' | 'missing' | 'inserted' | 'reordered' | 'head-mismatch';

export interface ChainProblem {
  readonly kind: ChainProblemKind;
  /** The first position that is not what was appended there; null when the log cannot tell which. */
  readonly position: bigint | null;
  readonly detail: string;
}

/** Searches over the whole stored log, used only once something is already wrong. */
export interface ChainLookup {
  /** Rows that were chained to `hash` (their prev_hash is it). */
  successorsOf(hash: string): Promise<ChainRow[]>;
  /** The row whose own hash is `hash`, if any. */
  withHash(hash: string): Promise<ChainRow | null>;
}

const problem = (kind: ChainProblemKind, position: bigint | null, detail: string): ChainProblem => ({ kind, position, detail });

/**
 * Names what went wrong at position `p`, the first that fails, given that every event before
 * it verified and the last of them has hash `lastHash`. `row` is what the log holds from `p` on
 * (its first row; none when the log ends). A forger who controls the table can make any
 * change look like another, so the kind is the simplest explanation of the stored hashes;
 * the position is exact.
 */
export async function diagnose(p: bigint, lastHash: string, row: ChainRow | undefined, log: ChainLookup): Promise<ChainProblem> {
  if (!row || positionOf(row) !== p) {
    return problem('missing', p, `no event at position ${p}: the log goes from ${p - 1n} to ${row ? row.position : 'its end'}`);
  }
  const rightful = (await log.successorsOf(lastHash)).find((candidate) => candidate.position !== row.position && verifiesAt(candidate, p));
  if (rightful) {
    return (await belongsElsewhere(row, BigInt(rightful.position), log))
      ? problem('reordered', p, `the event at ${p} (${row.eventId}) was appended elsewhere in the log; the event appended at ${p} now sits at ${rightful.position}`)
      : problem('inserted', p, `the event at ${p} (${row.eventId}) was never appended there: the event appended at ${p} now sits at ${rightful.position}`);
  }
  if (row.prevHash === lastHash) return problem('changed', p, `the event at ${p} (${row.eventId}) no longer matches its hash: its content or hash was changed`);
  return brokenLink(p, row, log);
}

/** The row does not continue the chain from the event before it. */
async function brokenLink(p: bigint, row: ChainRow, log: ChainLookup): Promise<ChainProblem> {
  const predecessor = await log.withHash(row.prevHash);
  if (predecessor) {
    const home = positionOf(predecessor) + 1n;
    if (home < p && verifiesAt(row, home)) {
      return problem('inserted', home, `events at ${home}..${p - 1n} were never appended there: the event now at ${p} (${row.eventId}) was appended at ${home}`);
    }
    if (home > p && verifiesAt(row, home)) return problem('reordered', p, `the event at ${p} (${row.eventId}) was appended at ${home}`);
  }
  if (verifiesAt(row, p)) {
    return problem('changed', p - 1n, `the event at ${p - 1n} is not the one the event at ${p} was chained to: it was changed and its hash recomputed`);
  }
  if (!predecessor && verifiesAt(row, p + 1n)) {
    return problem('missing', p, `the event appended at ${p} is gone and the later ones moved down: the event now at ${p} (${row.eventId}) was appended at ${p + 1n}`);
  }
  return problem('changed', p, `the event at ${p} (${row.eventId}) matches neither its hash nor its place in the chain`);
}

/** True when the row is a genuine event of this log that was appended at another position. */
async function belongsElsewhere(row: ChainRow, rightfulPosition: bigint, log: ChainLookup): Promise<boolean> {
  if (verifiesAt(row, rightfulPosition)) return true;
  const predecessor = await log.withHash(row.prevHash);
  if (predecessor && verifiesAt(row, positionOf(predecessor) + 1n)) return true;
  const [successor] = await log.successorsOf(row.hash);
  return successor !== undefined && verifiesAt(row, positionOf(successor) - 1n);
}
