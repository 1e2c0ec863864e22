import type { StoryEvent } from '@storyline/story-events';
import { emptyStoryState, evolveStory } from '../../command-handling/story-state';
import { givenStory } from '../../command-handling/testing/given';
import type { StoryStanding } from '../../membership-locator';
import { decideSplitReports, type SplitReports } from './decide';
import { parseSplitReports } from './request';

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
  it('opens the new story with the reports, and its stream then reads as an opened story', () => {
    const [event] = givenStory()
      .when(decideSplitReports, split())
      .then([{ type: 'ReportsSplit', data: { storyId: 'n', slug: 'strand', title: 'Strand', fromStoryId: 'a', reportIds: ['r1', 'r2'], reason: 'its own story' } }]).events;
    const state = evolveStory(emptyStoryState(), event);
    expect([state.opened, state.slug, state.title]).toEqual([true, 'strand', 'Strand']);
  });

  it('refuses a slug taken by a stream or held by a renamed story', () => {
    const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 'n', slug: 'strand', title: 'Other' } };
    givenStory(opened).when(decideSplitReports, split()).thenRefused({ code: 'STORY.SLUG_TAKEN', field: 'slug' });
    givenStory().when(decideSplitReports, split({ slugHeldBy: 'x' })).thenRefused({ code: 'STORY.SLUG_TAKEN', field: 'slug' });
  });

  it('names the report that is unknown or in another story', () => {
    givenStory().when(decideSplitReports, split({ reports: [{ reportId: 'r1', storyId: 'a' }, { reportId: 'r9', storyId: null }] })).thenRefused({ code: 'REPORT.NOT_FOUND', field: 'reports[1]' });
    givenStory().when(decideSplitReports, split({ reports: [{ reportId: 'r1', storyId: 'b' }] })).thenRefused({ code: 'REPORT.NOT_IN_STORY', field: 'reports[0]' });
  });

  it('refuses to split a merged story', () => {
    givenStory().when(decideSplitReports, split({ from: { ...alpha, mergedInto: 'b' } })).thenRefused({ code: 'STORY.MERGED' });
  });

  it('reads the request, refusing no reports, a repeated one and a bad slug', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(parseSplitReports({ reports: [id.toUpperCase()], slug: 'strand', title: ' Strand ', reason: 'r' })).toEqual({ reportIds: [id], slug: 'strand', title: 'Strand', reason: 'r' });
    expect(() => parseSplitReports({ reports: [], slug: 'strand', title: 'S', reason: 'r' })).toThrow(expect.objectContaining({ field: 'reports' }));
    expect(() => parseSplitReports({ reports: [id, id], slug: 'strand', title: 'S', reason: 'r' })).toThrow(expect.objectContaining({ field: 'reports[1]' }));
    expect(() => parseSplitReports({ reports: ['r1'], slug: 'strand', title: 'S', reason: 'r' })).toThrow(expect.objectContaining({ field: 'reports[0]' }));
    expect(() => parseSplitReports({ reports: [id], slug: 'No Slug', title: 'S', reason: 'r' })).toThrow(expect.objectContaining({ field: 'slug' }));
  });
});
