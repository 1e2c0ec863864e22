import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Ranking } from '@storyline/claims';
import type { AsOf, Position, StorySummary } from '@storyline/story-events';
import { resolveStory } from '../stories/resolve-story';
import { StoriesReader } from '../stories/stories.reader';
import { ClaimsReader, type ClaimsRulesView, type ClaimView, type DevelopmentDayView, type DevelopmentView } from './claims.reader';

export interface ClaimsView extends ClaimsRulesView {
  readonly story: StorySummary;
  readonly position: Position;
  readonly claims: readonly ClaimView[];
}

export interface DevelopmentsView extends ClaimsRulesView {
  readonly story: StorySummary;
  readonly position: Position;
  readonly ranking: Ranking;
  readonly days: readonly DevelopmentDayView[];
  readonly developments: readonly DevelopmentView[];
  readonly background: readonly string[];
  readonly templates: readonly string[];
}

/** A story's claims as of a view (STORY.NOT_FOUND for an unknown story). */
export class GetClaimsQuery extends Query<ClaimsView> {
  constructor(
    readonly ref: string,
    readonly view: AsOf,
  ) {
    super();
  }
}

/** A story's key developments as of a view: one entry per claim on its day, ranked. */
export class GetKeyDevelopmentsQuery extends Query<DevelopmentsView> {
  constructor(
    readonly ref: string,
    readonly view: AsOf,
  ) {
    super();
  }
}

@QueryHandler(GetClaimsQuery)
export class GetClaimsHandler implements IQueryHandler<GetClaimsQuery, ClaimsView> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly claims: ClaimsReader,
  ) {}

  async execute({ ref, view }: GetClaimsQuery): Promise<ClaimsView> {
    const story = await resolveStory(this.stories, ref, view);
    return { story, ...(await this.claims.claims(story.id, view)) };
  }
}

@QueryHandler(GetKeyDevelopmentsQuery)
export class GetKeyDevelopmentsHandler implements IQueryHandler<GetKeyDevelopmentsQuery, DevelopmentsView> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly claims: ClaimsReader,
  ) {}

  async execute({ ref, view }: GetKeyDevelopmentsQuery): Promise<DevelopmentsView> {
    const story = await resolveStory(this.stories, ref, view);
    return { story, ...(await this.claims.developments(story.id, view)) };
  }
}
