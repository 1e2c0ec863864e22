import { Inject } from '@nestjs/common';
import { resolveStory } from './resolve-story';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { StoriesReader } from './stories.reader';
import { storyStream } from '@storyline/story-events';
import { GetStoryQuery, ListStoriesQuery } from './list-stories.query';
import { type StorySummary } from '@storyline/story-events';

@QueryHandler(ListStoriesQuery)
export class ListStoriesHandler implements IQueryHandler<ListStoriesQuery, StorySummary[]> {
  constructor(private readonly stories: StoriesReader) {}

  execute(): Promise<StorySummary[]> {
    return this.stories.list();
  }
}

@QueryHandler(GetStoryQuery)
export class GetStoryHandler implements IQueryHandler<GetStoryQuery, StorySummary & { revision: bigint }> {
  constructor(
    private readonly stories: StoriesReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ ref }: GetStoryQuery): Promise<StorySummary & { revision: bigint }> {
    const story = await resolveStory(this.stories, ref);
    // The ETag must be the write side's own revision, not a read model's idea of it: one
    // look-up of the stream's newest revision, never a read of the stream.
    const revision = (await this.store.streamRevision(storyStream(story.id))) ?? 0n;
    return { ...story, revision };
  }
}
