import { Query } from '@nestjs/cqrs';
import type { StorySummary } from '@storyline/story-events';

export class ListStoriesQuery extends Query<StorySummary[]> {}

export class GetStoryQuery extends Query<StorySummary & { revision: bigint }> {
  constructor(readonly ref: string) {
    super();
  }
}
