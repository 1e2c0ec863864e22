import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { StoriesReader } from '../stories/stories.reader';
import { storyStream } from '@storyline/story-events';
import { resolveStory } from '../stories/resolve-story';
import { StoryReplayer, type ReplayStep } from './replay';
import { ReplayStoryQuery, type ReplayPage } from './replay-story.query';

/**
 * Replays from the write side's own stream, so a replay shows exactly what was stored,
 * whatever any read model makes of it. Steps before `after` are folded but not sent.
 */
@QueryHandler(ReplayStoryQuery)
export class ReplayStoryHandler implements IQueryHandler<ReplayStoryQuery, ReplayPage> {
  constructor(
    private readonly stories: StoriesReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ ref, after, limit, detail }: ReplayStoryQuery): Promise<ReplayPage> {
    const story = await resolveStory(this.stories, ref);
    const stored = await this.store.readStream(storyStream(story.id));
    const replayer = new StoryReplayer(detail);
    const events: ReplayStep[] = [];
    let more = false;
    for (const event of stored) {
      if (events.length === limit) {
        more = true;
        break;
      }
      const step = replayer.step(event);
      if (event.position > after) events.push(step);
    }
    const head = stored[stored.length - 1]?.position ?? 0n;
    return { story, events, next: more ? events[events.length - 1].position : null, head };
  }
}
