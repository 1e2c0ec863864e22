import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { storyStream, toDomainEvent, type ProposedLinkKind } from '@storyline/story-events';
import { StoriesReader } from '../stories/stories.reader';
import { resolveStory } from '../stories/resolve-story';

export type ProposalStatus = 'proposed' | 'accepted' | 'rejected';

export interface LinkProposalView {
  readonly linkId: string;
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly kind: ProposedLinkKind;
  readonly reason: string;
  readonly status: ProposalStatus;
}

/** The analyst's queue of proposed links in a story, optionally of one status. */
export class ListLinkProposalsQuery extends Query<{ proposals: LinkProposalView[] }> {
  constructor(
    readonly ref: string,
    readonly status: ProposalStatus | undefined,
  ) {
    super();
  }
}

/**
 * Reads the proposals and their answers from the story's log through the port, in the read
 * side's own terms (it shares no fold with the write side's decisions).
 */
@QueryHandler(ListLinkProposalsQuery)
export class ListLinkProposalsHandler implements IQueryHandler<ListLinkProposalsQuery, { proposals: LinkProposalView[] }> {
  constructor(
    private readonly stories: StoriesReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ ref, status }: ListLinkProposalsQuery): Promise<{ proposals: LinkProposalView[] }> {
    const story = await resolveStory(this.stories, ref);
    const proposals = new Map<string, LinkProposalView>();
    for (const stored of await this.store.readStream(storyStream(story.id))) {
      if (stored.type !== 'LinkProposed' && stored.type !== 'LinkProposalResolved') continue;
      const event = toDomainEvent(stored);
      if (event.type === 'LinkProposed') {
        const { linkId, fromFactId, toFactId, kind, reason } = event.data;
        proposals.set(linkId, { linkId, fromFactId, toFactId, kind, reason, status: 'proposed' });
      } else if (event.type === 'LinkProposalResolved') {
        const proposal = proposals.get(event.data.linkId);
        if (proposal) proposals.set(event.data.linkId, { ...proposal, status: event.data.decision });
      }
    }
    return { proposals: [...proposals.values()].filter((proposal) => status === undefined || proposal.status === status) };
  }
}
