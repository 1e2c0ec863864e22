import { resolveStory } from '../stories/resolve-story';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { StoriesReader } from '../stories/stories.reader';
import { TimelineReader } from './timeline.reader';
import { GetTimelineQuery, type TimelineView } from './get-timeline.query';
import { encodeCursor, pageOfView } from './timeline-page';

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery, TimelineView> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly timelines: TimelineReader,
  ) {}

  async execute({ ref, order, view, paging }: GetTimelineQuery): Promise<TimelineView> {
    const story = await resolveStory(this.stories, ref, view);
    const timeline = await this.timelines.timeline(story.id, { order, ...view });
    const page = pageOfView(timeline, paging);
    const next = page.more
      ? encodeCursor({ position: BigInt(timeline.position), offset: paging.offset + paging.limit, order, asOf: view.asOf?.toISOString(), clock: view.clock })
      : null;
    return { story, position: timeline.position, entries: page.entries, links: page.links, total: timeline.entries.length, next };
  }
}
