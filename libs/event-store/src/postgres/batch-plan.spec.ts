import { randomUUID } from 'node:crypto';
import { ConcurrencyError, DuplicateEventError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';
import { prepareAppend } from '../shared/append-validation';
import { planBatch, type LogState, type QueuedAppend } from './batch-plan';

function append(streamId: string, expected: ExpectedRevision, count = 1): QueuedAppend {
  const events = Array.from({ length: count }, () => ({
    eventId: randomUUID(),
    type: 'FactReported',
    schemaVersion: 1,
    data: {},
    metadata: { actor: 'test', correlationId: 'c', causationId: null },
  }));
  return { streamId, events: prepareAppend(streamId, events), expected };
}

const emptyLog: LogState = { head: 0n, revisions: new Map(), places: new Map() };

describe('planBatch', () => {
  it('gives accepted appends consecutive positions after the head, in queue order', () => {
    const state: LogState = { head: 41n, revisions: new Map([['story-a', 3n]]), places: new Map() };
    const plan = planBatch([append('story-a', 3n, 2), append('story-b', 'no_stream', 1)], state);
    expect(plan.outcomes).toEqual([
      { result: { nextExpectedRevision: 5n, position: 43n, positions: [42n, 43n], alreadyAppended: false } },
      { result: { nextExpectedRevision: 0n, position: 44n, positions: [44n], alreadyAppended: false } },
    ]);
    expect(plan.rows.positions).toEqual(['42', '43', '44']);
    expect(plan.rows.streamRevisions).toEqual(['4', '5', '0']);
    expect(plan.head).toBe(44n);
  });

  it('checks each append against the ones accepted before it in the batch; a refused one fails alone', () => {
    const plan = planBatch([append('story-a', 'no_stream'), append('story-a', 'no_stream'), append('story-a', 0n)], emptyLog);
    expect(plan.outcomes[0]).toHaveProperty('result.positions', [1n]);
    expect(plan.outcomes[1]).toEqual({ error: expect.any(ConcurrencyError) });
    expect(plan.outcomes[2]).toHaveProperty('result.positions', [2n]);
    expect(plan.rows.positions).toEqual(['1', '2']);
  });

  it('recognises a retry of an append made earlier in the same batch, and refuses a partial reuse', () => {
    const first = append('story-a', 'no_stream', 2);
    const partial: QueuedAppend = { ...append('story-a', 'any', 1), events: [first.events[1], ...append('story-a', 'any').events] };
    const plan = planBatch([first, first, partial], emptyLog);
    expect(plan.outcomes[1]).toEqual({ result: { nextExpectedRevision: 1n, position: 2n, positions: [1n, 2n], alreadyAppended: true } });
    expect(plan.outcomes[2]).toEqual({ error: expect.any(DuplicateEventError) });
    expect(plan.rows.positions).toEqual(['1', '2']);
  });

  it('writes nothing when every append is refused', () => {
    const plan = planBatch([append('story-a', 'stream_exists')], emptyLog);
    expect(plan.rows.positions).toEqual([]);
    expect(plan.head).toBe(0n);
  });
});
