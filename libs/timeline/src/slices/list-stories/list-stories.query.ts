import { Query } from '@nestjs/cqrs';

export interface StorySummary {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
}

export class ListStoriesQuery extends Query<StorySummary[]> {}

export class GetStoryQuery extends Query<StorySummary & { revision: number }> {
  constructor(readonly ref: string) {
    super();
  }
}
