import { positionToJson } from '@storyline/story-events';
import { GENESIS_HASH } from '@storyline/event-store';
import { positionOf, verifiesAt, type ChainHead, type ChainRow } from './chain-row';
import { diagnose, type ChainLookup, type ChainProblem, type ChainProblemKind } from './diagnose';

/** Where a verification reads the log from. */
export interface ChainSource extends ChainLookup {
  /** The newest stored event's position and stored hash. */
  head(): Promise<ChainHead>;
  /** Up to `limit` rows after position `after` and at most `upTo`, in position order. */
  batch(after: bigint, upTo: bigint, limit: number): Promise<ChainRow[]>;
}

export interface VerifyOptions {
  /** A head hash kept elsewhere: the log must still contain the event with this hash. */
  readonly expectHead?: string;
  /** The position that head hash was kept with, to tell events removed from the end from a rewritten chain. */
  readonly expectHeadPosition?: bigint;
  readonly batchSize?: number;
  /** Called after each batch with the events checked so far and how many there are. */
  readonly onProgress?: (checked: number, total: number) => void;
}

/** The answer of `GET /audit/verify` and `storyline verify`. */
export interface VerifyReport {
  readonly ok: boolean;
  /** Events that verified, from position 1 on, before the first bad one. */
  readonly checked: number;
  /** The newest event as stored when the verification began (0 and the genesis hash when empty). */
  readonly headPosition: number;
  readonly headHash: string;
  readonly firstBadPosition?: number;
  readonly problem?: ChainProblemKind;
  /** What is wrong, for a person. */
  readonly detail?: string;
}

/**
 * Verifies the whole log from position 1 to the head it finds at the start, in batches:
 * positions gap-free, each event's stored hash recomputed from its content and its
 * predecessor's hash. Stops at the first bad position and names what is wrong there.
 */
export async function verifyChain(source: ChainSource, options: VerifyOptions = {}): Promise<VerifyReport> {
  const head = await source.head();
  const base = { headPosition: positionToJson(head.position), headHash: head.hash };
  const batchSize = options.batchSize ?? 2000;
  let lastHash = GENESIS_HASH;
  let expected = 1n;
  let sawExpectedHead = options.expectHead === GENESIS_HASH && (options.expectHeadPosition ?? 0n) === 0n;
  let next: Promise<ChainRow[]> | null = head.position > 0n ? source.batch(0n, head.position, batchSize) : null;
  while (next) {
    const rows: ChainRow[] = await next;
    // Read the next batch while this one is hashed.
    next = rows.length > 0 && positionOf(rows[rows.length - 1]) < head.position ? source.batch(positionOf(rows[rows.length - 1]), head.position, batchSize) : null;
    next?.catch(() => undefined);
    for (const row of rows) {
      if (positionOf(row) !== expected || row.prevHash !== lastHash || !verifiesAt(row, expected)) {
        return failed(base, await diagnose(expected, lastHash, row, source));
      }
      if (row.hash === options.expectHead && (options.expectHeadPosition ?? expected) === expected) sawExpectedHead = true;
      lastHash = row.hash;
      expected += 1n;
    }
    options.onProgress?.(positionToJson(expected - 1n), base.headPosition);
  }
  if (expected <= head.position) return failed(base, await diagnose(expected, lastHash, undefined, source));
  if (options.expectHead !== undefined && !sawExpectedHead) return failed(base, headMismatch(head, options));
  return { ok: true, checked: base.headPosition, ...base };
}

function failed(base: Pick<VerifyReport, 'headPosition' | 'headHash'>, problem: ChainProblem): VerifyReport {
  const firstBad = problem.position === null ? null : positionToJson(problem.position);
  return {
    ok: false,
    checked: firstBad === null ? base.headPosition : firstBad - 1,
    ...base,
    ...(firstBad === null ? {} : { firstBadPosition: firstBad }),
    problem: problem.kind,
    detail: problem.detail,
  };
}

/** The chain verifies, but not up to the head hash kept elsewhere. */
function headMismatch(head: ChainHead, options: VerifyOptions): ChainProblem {
  const kept = options.expectHeadPosition;
  if (kept !== undefined && kept > head.position) {
    return { kind: 'missing', position: head.position + 1n, detail: `the kept head is at position ${kept}, but the log ends at ${head.position}: events ${head.position + 1n}..${kept} are missing` };
  }
  return {
    kind: 'head-mismatch',
    position: null,
    detail: `no event${kept === undefined ? '' : ` at position ${kept}`} has the kept head hash ${options.expectHead}: the chain was rewritten (hashes recomputed) or events were removed from its end`,
  };
}
