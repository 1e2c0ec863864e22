import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { StoriesReader } from '../stories/stories.reader';
import { resolveStory } from '../stories/resolve-story';
import { DiffReader, type DiffQuery, type StoryDiff } from './diff.reader';

/** What changed in a story (by id or slug) between two instants on one clock. */
export class GetStoryDiffQuery extends Query<StoryDiff> {
  constructor(
    readonly ref: string,
    readonly query: DiffQuery,
  ) {
    super();
  }
}

@QueryHandler(GetStoryDiffQuery)
export class GetStoryDiffHandler implements IQueryHandler<GetStoryDiffQuery, StoryDiff> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly diffs: DiffReader,
  ) {}

  async execute({ ref, query }: GetStoryDiffQuery): Promise<StoryDiff> {
    const story = await resolveStory(this.stories, ref);
    return this.diffs.diff(story.id, query);
  }
}
