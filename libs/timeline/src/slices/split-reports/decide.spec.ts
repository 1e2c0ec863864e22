import type { StoryEvent } from '@storyline/story-events';
import type { DecisionContext } from '../../command-handling/decider';
import { emptyStoryState, evolveStory } from '../../domain/story-state';
import { givenStory as given } from '../../domain/testing/given';
import type { StoryStanding } from '../../membership-locator';
import { decideSplitReports, type SplitReports } from './decide';

const context: DecisionContext = { idempotencyKey: null, newId: () => 'new-id' };
const alpha: StoryStanding = { id: 'a', slug: 'alpha', title: 'Alpha', mergedInto: null };
const split = (overrides: Partial<SplitReports> = {}): SplitReports => ({
  storyId: 'n',
  slug: 'strand',
  title: 'Strand',
  from: alpha,
  reports: [{ reportId: 'r1', storyId: 'a' }, { reportId: 'r2', storyId: 'a' }],
  slugHeldBy: null,
  reason: 'its own story',
  ...overrides,
});

describe('splitting reports into a new story', () => {
  it('opens the new story with the reports, and the new stream then reads as an opened story', () => {
    const decision = decideSplitReports(emptyStoryState(), split(), context);
    expect(decision.events).toEqual([
      { type: 'ReportsSplit', data: { storyId: 'n', slug: 'strand', title: 'Strand', fromStoryId: 'a', reportIds: ['r1', 'r2'], reason: 'its own story' } },
    ]);
    const state = evolveStory(emptyStoryState(), decision.events[0]);
    expect([state.opened, state.slug, state.title]).toEqual([true, 'strand', 'Strand']);
  });

  it('refuses a slug taken by a stream or held by a renamed story', () => {
    const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 'n', slug: 'strand', title: 'Other' } };
    expect(() => decideSplitReports(given(opened), split(), context)).toThrow(expect.objectContaining({ code: 'STORY.SLUG_TAKEN', field: 'slug' }));
    expect(() => decideSplitReports(emptyStoryState(), split({ slugHeldBy: 'x' }), context)).toThrow(expect.objectContaining({ code: 'STORY.SLUG_TAKEN' }));
  });

  it('names the report that is unknown or in another story', () => {
    expect(() => decideSplitReports(emptyStoryState(), split({ reports: [{ reportId: 'r1', storyId: 'a' }, { reportId: 'r9', storyId: null }] }), context)).toThrow(
      expect.objectContaining({ code: 'REPORT.NOT_FOUND', field: 'reports[1]' }),
    );
    expect(() => decideSplitReports(emptyStoryState(), split({ reports: [{ reportId: 'r1', storyId: 'b' }] }), context)).toThrow(
      expect.objectContaining({ code: 'REPORT.NOT_IN_STORY', field: 'reports[0]' }),
    );
  });

  it('refuses to split a merged story', () => {
    expect(() => decideSplitReports(emptyStoryState(), split({ from: { ...alpha, mergedInto: 'b' } }), context)).toThrow(expect.objectContaining({ code: 'STORY.MERGED' }));
  });
});
