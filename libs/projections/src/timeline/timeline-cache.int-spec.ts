import { storylineProjections } from '../index';
import { Rebuilds } from '../rebuild/rebuilds';
import { writeBulkStories } from '../testing/bulk-stories';
import { tellFirstInstalment, tellSecondInstalment, type FoundingStory } from '../testing/founding-story';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';
import { TimelineReader, type Timeline, type TimelineQuery } from './timeline.reader';

/** What a view shows, without the position it was read at. */
const content = ({ entries, links }: Timeline): unknown => ({ entries, links });

describe('TimelineReader view cache', () => {
  let harness: ProjectionHarness;
  let story: FoundingStory;
  const query: TimelineQuery = { order: 'reported' };

  beforeAll(async () => {
    harness = await projectionHarness();
    await harness.runner.start();
    story = await tellFirstInstalment(harness.store);
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 5000)).toBe(true);
  });

  afterAll(() => harness.close());

  const caughtUp = async (): Promise<void> => {
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 10_000)).toBe(true);
  };

  it('answers exactly what an uncached reader answers, while other stories and this one move on', async () => {
    const cached = new TimelineReader(harness.dataSource);
    const fresh = new TimelineReader(harness.dataSource, { cacheSize: 0 });
    const first = await cached.timeline(story.storyId, query);
    expect(await cached.timeline(story.storyId, query)).toEqual(first);
    expect(cached.cacheStats).toMatchObject({ hits: 1, misses: 1 });

    await writeBulkStories(harness.store, { stories: 1, reportsPerStory: 2, factsPerReport: 4 });
    await caughtUp();
    const afterOtherStory = await cached.timeline(story.storyId, query);
    expect(afterOtherStory.position).toBeGreaterThan(first.position);
    expect(content(afterOtherStory)).toEqual(content(first));
    expect(afterOtherStory).toEqual(await fresh.timeline(story.storyId, query));
    expect(cached.cacheStats.hits).toBe(2);

    await tellSecondInstalment(harness.store, story);
    await caughtUp();
    const afterThisStory = await cached.timeline(story.storyId, query);
    expect(afterThisStory.entries.length).toBeGreaterThan(first.entries.length);
    expect(afterThisStory).toEqual(await fresh.timeline(story.storyId, query));

    const replayed = await cached.timeline(story.storyId, { ...query, atPosition: BigInt(first.position) });
    expect(replayed).toEqual(first);
    const asOf = { order: 'occurred', asOf: new Date('2025-11-21T00:00:00Z'), clock: 'reported' } as const;
    expect(await cached.timeline(story.storyId, asOf)).toEqual(await fresh.timeline(story.storyId, asOf));
  });

  it('hands out views nobody can change', async () => {
    const reader = new TimelineReader(harness.dataSource);
    await reader.timeline(story.storyId, query);
    const view = await reader.timeline(story.storyId, query);
    expect(() => (view.entries as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(view.entries[0], { source: 'someone else' })).toThrow(TypeError);
  });

  it('reads afresh after a rebuild swaps in new tables', async () => {
    const reader = new TimelineReader(harness.dataSource);
    const before = await reader.timeline(story.storyId, query);
    const misses = reader.cacheStats.misses;
    const rebuilds = new Rebuilds({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections, logger: harness.logger });
    try {
      await (await rebuilds.start(['timeline'])).finished;
    } finally {
      await rebuilds.close();
    }
    const after = await reader.timeline(story.storyId, query);
    expect(reader.cacheStats.misses).toBe(misses + 1);
    expect(content(after)).toEqual(content(before));
  });
});
