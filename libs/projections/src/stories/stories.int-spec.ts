import { StoriesReader } from './stories.reader';
import { projectionHarness, type ProjectionHarness } from '../testing/projection-harness';
import { openStory } from '../testing/story-events';

describe('StoriesReader', () => {
  let harness: ProjectionHarness;
  let reader: StoriesReader;
  let witkoff: string;
  let ceasefire: string;

  beforeAll(async () => {
    harness = await projectionHarness();
    reader = new StoriesReader(harness.dataSource);
    await harness.runner.start();
    witkoff = await openStory(harness.store, 'witkoff-talks', 'Witkoff back-channel talks');
    ceasefire = await openStory(harness.store, 'ceasefire', 'Ceasefire plan');
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 5000)).toBe(true);
  });

  afterAll(() => harness.close());

  it('lists stories in the order they were opened', async () => {
    expect(await reader.list()).toEqual([
      { id: witkoff, slug: 'witkoff-talks', title: 'Witkoff back-channel talks' },
      { id: ceasefire, slug: 'ceasefire', title: 'Ceasefire plan' },
    ]);
  });

  it('resolves a story by slug or by id, and nothing else', async () => {
    expect(await reader.resolve('ceasefire')).toEqual({ id: ceasefire, slug: 'ceasefire', title: 'Ceasefire plan' });
    expect(await reader.resolve(witkoff.toUpperCase())).toMatchObject({ slug: 'witkoff-talks' });
    expect(await reader.resolve('nope')).toBeNull();
    expect(await reader.resolve('00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
