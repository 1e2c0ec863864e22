import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { ExpectedRevision } from '../event-store.port';
import { prepareAppend } from '../shared/append-validation';
import { appendInOneStatement } from './append-statement';
import type { QueuedAppend } from './batch-plan';
import { canonicalBody, canonicalEvent, type ChainedEventContent } from './hash-chain';

const metadata = { actor: 'test', correlationId: 'c', causationId: null };
const event = (eventId = randomUUID()) => ({ eventId, type: 'FactReported', schemaVersion: 1, data: { n: 1 }, metadata });
const queued = (streamId: string, events: ReturnType<typeof event>[], expected: ExpectedRevision): QueuedAppend => ({ streamId, events: prepareAppend(streamId, events), expected });

describe('appendInOneStatement', () => {
  it('leaves to the transaction path, without asking the database, appends sharing an event id or expecting an impossible revision', async () => {
    const query = jest.fn();
    const client = { query } as unknown as PoolClient;
    const shared = randomUUID();
    expect(await appendInOneStatement(client, [queued('story-a', [event(shared)], 'any'), queued('story-b', [event(shared)], 'any')])).toBeNull();
    expect(await appendInOneStatement(client, [queued('story-a', [event()], 2n ** 63n)])).toBeNull();
    expect(await appendInOneStatement(client, [queued('story-a', [event()], -1n)])).toBeNull();
    expect(query).not.toHaveBeenCalled();
  });

  it('answers each append with its revisions and positions, in batch order', async () => {
    const query = jest.fn().mockResolvedValue({ rows: [{ first_position: '41', first_revisions: ['0', '7', '1'] }] });
    const client = { query } as unknown as PoolClient;
    const outcomes = await appendInOneStatement(client, [queued('story-a', [event(), event()], 'no_stream'), queued('story-b', [event()], 6n), queued('story-a', [event()], 1n)]);
    expect(outcomes).toEqual([
      { result: { nextExpectedRevision: 1n, position: 42n, positions: [41n, 42n], alreadyAppended: false } },
      { result: { nextExpectedRevision: 7n, position: 43n, positions: [43n], alreadyAppended: false } },
      { result: { nextExpectedRevision: 1n, position: 44n, positions: [44n], alreadyAppended: false } },
    ]);
    const [streams, quotedStreams, slots, expectations, sizes] = query.mock.calls[0][0].values;
    expect({ streams, quotedStreams, slots, expectations, sizes }).toEqual({
      streams: ['story-a', 'story-b', 'story-a'],
      quotedStreams: ['"story-a"', '"story-b"', '"story-a"'],
      slots: [1, 2, 1],
      expectations: ['no_stream', '6', '1'],
      sizes: [2, 1, 1],
    });
  });
});

describe('the canonical text append_event_batch assembles', () => {
  // The function's concatenation, written out in TypeScript: if canonicalEventFrom changes, this fails.
  const asTheFunctionWritesIt = (event: ChainedEventContent): string => {
    const body = canonicalBody(JSON.stringify(event.data), JSON.stringify(event.metadata));
    return (
      `{"data":${body.data},"eventId":"${event.eventId}","metadata":${body.metadata},"position":"${event.position}","recordedAt":"${event.recordedAt}",` +
      `"schemaVersion":${event.schemaVersion},"streamId":${JSON.stringify(event.streamId)},"streamRevision":"${event.streamRevision}","type":${JSON.stringify(event.type)}}`
    );
  };

  it('is canonicalEvent, for plain and awkward events', () => {
    const events: ChainedEventContent[] = [
      { position: '1', eventId: randomUUID(), streamId: 'story-a', streamRevision: '0', type: 'StoryOpened', schemaVersion: 1, recordedAt: '2026-11-22T09:30:00.123456Z', data: { b: 1, a: [1e21, -0] }, metadata },
      { position: '9007199254740993', eventId: randomUUID(), streamId: 'story-"quoted"\\é', type: 'Typé\n', streamRevision: '12', schemaVersion: 2147483647, recordedAt: '0999-01-01T00:00:00.000000Z', data: 'text \u2028 \u0007', metadata: {} },
    ];
    for (const event of events) expect(asTheFunctionWritesIt(event)).toBe(canonicalEvent(event));
  });
});
