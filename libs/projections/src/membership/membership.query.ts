import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AsOf, Position } from '@storyline/story-events';
import { DataSource } from 'typeorm';
import { lowestCheckpoint } from '../runtime/checkpoints';
import { resolveStoryAsNamed } from '../stories/resolve-story';
import { StoriesReader, type ResolvedStory } from '../stories/stories.reader';
import { MEMBERSHIP_PROJECTION, MembershipReader, type MembershipChange } from './membership.reader';

export interface MembershipView {
  /** The story as named (a merged story answers as itself here, with `mergedInto`). */
  readonly story: ResolvedStory & { readonly mergedInto: string | null };
  readonly position: Position;
  /** The reports the story holds in the view, in id order. */
  readonly reports: readonly string[];
  /** The membership changes it took part in up to the view, oldest first. */
  readonly changes: readonly MembershipChange[];
}

export class GetMembershipQuery extends Query<MembershipView> {
  constructor(
    readonly ref: string,
    readonly view: AsOf,
  ) {
    super();
  }
}

@QueryHandler(GetMembershipQuery)
export class GetMembershipHandler implements IQueryHandler<GetMembershipQuery, MembershipView> {
  constructor(
    private readonly stories: StoriesReader,
    private readonly memberships: MembershipReader,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ ref, view }: GetMembershipQuery): Promise<MembershipView> {
    const story = await resolveStoryAsNamed(this.stories, ref);
    const checkpoint = await lowestCheckpoint(this.dataSource.manager, [MEMBERSHIP_PROJECTION, 'stories']);
    const position = view.atPosition !== undefined && view.atPosition < checkpoint ? view.atPosition : checkpoint;
    const [members, history, standing] = await Promise.all([
      this.memberships.members(story.id, view, position),
      this.memberships.history(story.id),
      this.memberships.story(story.id),
    ]);
    const recordedBy = view.asOf !== undefined && view.clock === 'recorded' ? view.asOf.getTime() : Infinity;
    const changes = history.filter((change) => change.position <= position && Date.parse(change.recordedAt) <= recordedBy);
    const merged = changes.find((change) => change.kind === 'merged' && change.storyId === story.id);
    return {
      story: { ...story, mergedInto: merged ? (standing?.mergedInto ?? merged.toStoryId) : null },
      position,
      reports: members.reports ?? (await this.memberships.ownReports(story.id, view, position)),
      changes,
    };
  }
}
