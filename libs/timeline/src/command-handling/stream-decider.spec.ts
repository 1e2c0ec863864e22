import { InMemoryEventStore, type EventStore, type ReadStreamOptions, type StoredEvent } from '@storyline/event-store';
import { newId, storyStream } from '@storyline/story-events';
import { decideIngestReport } from '../commands/ingest-report/decide';
import { parseReport } from '../commands/ingest-report/request';
import { submissionFingerprint } from '../commands/ingest-report/submission';
import { decideOpenStory } from '../commands/open-story/decide';
import type { CommandContext } from './command-context';
import { storyFold } from './folds';
import { decisionStep } from './run-command';
import type { StoryState } from './story-state';
import { StreamDecider } from './stream-decider';

/** The in-memory store, counting what commands read from it. */
class CountingStore extends InMemoryEventStore {
  eventsRead = 0;
  override async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const events = await super.readStream(streamId, options);
    this.eventsRead += events.length;
    return events;
  }
}

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  actor: 'test',
  correlationId: newId(),
  commandId: newId(),
  idempotencyKey: null,
  expectedRevision: null,
  ...overrides,
});

const storyId = newId();
const stream = storyStream(storyId);

function open(decider: StreamDecider) {
  return decider.decide(stream, storyFold, context(), decisionStep(decideOpenStory, { storyId, slug: 'long', title: 'Long' }, context()));
}

function ingest(decider: StreamDecider, n: number, overrides: Partial<CommandContext> = {}) {
  const text = `Report number ${n} says an envoy met an official.`;
  const report = parseReport({ outlet: `Outlet ${n}`, publishedAt: '2025-11-20', text, facts: [{ statement: `An envoy met official ${n}`, evidence: { start: 0, end: 10 } }] });
  const command = { storyId, report, fingerprint: submissionFingerprint(report) };
  const commandContext = context(overrides);
  return decider.decide(stream, storyFold, commandContext, decisionStep(decideIngestReport, command, commandContext));
}

describe('deciding commands on a stream', () => {
  it('reads only the tail of a long story for the next command', async () => {
    const store = new CountingStore();
    const decider = new StreamDecider(store);
    await open(decider);
    for (let n = 0; n < 300; n++) await ingest(decider, n);
    const stored = (await store.readStream(stream)).length;
    expect(stored).toBe(1 + 300 * 2);

    const before = store.eventsRead;
    await ingest(decider, 1_000);
    // Of 601 stored events it reads the two the previous command appended, not the story.
    expect(store.eventsRead - before).toBe(2);

    // Another writer (another process) appends behind the decider's back: it reads those too, and no more.
    await ingest(new StreamDecider(store), 2_000);
    const beforeTail = store.eventsRead;
    await ingest(decider, 3_000);
    expect(store.eventsRead - beforeTail).toBe(2 + 2);
  });

  it('a fresh decider folds the stream once, then the tail', async () => {
    const store = new CountingStore();
    const writer = new StreamDecider(store);
    await open(writer);
    for (let n = 0; n < 50; n++) await ingest(writer, n);
    const decider = new StreamDecider(store);
    const before = store.eventsRead;
    await ingest(decider, 100);
    expect(store.eventsRead - before).toBe(101);
    await ingest(decider, 101);
    expect(store.eventsRead - before).toBe(101 + 2);
  });

  it('lets 16 concurrent writers on one story all succeed', async () => {
    const store = new InMemoryEventStore();
    const decider = new StreamDecider(store);
    await open(decider);
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, (_, n) => ingest(decider, n)));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect((await store.readStream(stream)).length).toBe(1 + 16 * 2);
  });

  it('retries a conflict with another process, but not one the client pinned with If-Match', async () => {
    const store = new InMemoryEventStore();
    const mine = new StreamDecider(store);
    const theirs = new StreamDecider(store);
    await open(mine);
    await ingest(mine, 1);
    await Promise.all(Array.from({ length: 8 }, (_, n) => (n % 2 === 0 ? ingest(mine, 10 + n) : ingest(theirs, 10 + n))));
    expect((await store.readStream(stream)).length).toBe(1 + 9 * 2);
    await expect(ingest(mine, 99, { expectedRevision: 0n })).rejects.toMatchObject({ code: 'STORY.VERSION_STALE', field: 'If-Match' });
  });

  it('refuses with STORY.BUSY once too many commands wait for one stream, storing nothing for them', async () => {
    const store = new InMemoryEventStore();
    const decider = new StreamDecider(store, { maxQueued: 4 });
    await open(decider);
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, n) => ingest(decider, n)));
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refused.length).toBe(6);
    for (const outcome of refused) expect(outcome.reason).toMatchObject({ code: 'STORY.BUSY' });
    expect((await store.readStream(stream)).length).toBe(1 + 4 * 2);
  });

  it('keeps no half-folded state when a fold fails', async () => {
    const store: EventStore = new InMemoryEventStore();
    const decider = new StreamDecider(store);
    await open(decider);
    let failing = true;
    const fragile = { ...storyFold, evolve: (state: StoryState, event: Parameters<typeof storyFold.evolve>[1], stored: StoredEvent) => {
      if (failing && event.type === 'ReportIngested') throw new Error('cannot fold');
      return storyFold.evolve(state, event, stored);
    } };
    await ingest(new StreamDecider(store), 1);
    await expect(decider.decide(stream, fragile, context(), () => ({ events: [], result: () => null }))).rejects.toThrow('cannot fold');
    failing = false;
    const state = await decider.decide(stream, fragile, context(), (current: StoryState) => ({ events: [], result: () => current.reports.size }));
    expect(state.result).toBe(1);
  });
});
