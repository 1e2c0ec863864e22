import { resolveStory } from '../stories/resolve-story';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { StoriesReader } from '../stories/stories.reader';
import { TimelineReader } from './timeline.reader';
import { GetTimelineQuery, type TimelineView } from './get-timeline.query';

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, TimelineView> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly timelines: TimelineReader,
  ) {}

  async execute({ ref, order, view }: GetTimelineQuery): Promise<TimelineView> {
    const story = await resolveStory(this.stories, ref);
    const timeline = await this.timelines.timeline(story.id, { order, ...view });
    return { story, position: timeline.position, entries: timeline.entries, links: timeline.links };
  }
}
