import { Query } from '@nestjs/cqrs';
import type { StorySummary } from '@storyline/story-events';

/** Every story; a merged one names the story it went into. */
export class ListStoriesQuery extends Query<(StorySummary & { mergedInto?: string })[]> {}

export class GetStoryQuery extends Query<StorySummary & { revision: bigint; mergedFrom?: { id: string; slug: string } }> {
  constructor(readonly ref: string) {
    super();
  }
}
