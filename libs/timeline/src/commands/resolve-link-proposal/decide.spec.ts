import type { StoryEvent } from '@storyline/story-events';
import { givenStory } from '../../command-handling/testing/given';
import { decideResolveLinkProposal, type ResolveLinkProposal } from './decide';
import { parseResolution, proposalIdFromParam } from './request';

const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 's', slug: 's', title: 'S' } };
const proposed: StoryEvent = {
  type: 'LinkProposed',
  data: { storyId: 's', linkId: 'L', fromFactId: 'f2', toFactId: 'f1', kind: 'contradicts', score: 0.9, reason: 'different counterpart', proposedBy: 'test 1' },
};
const accept: ResolveLinkProposal = { storyId: 's', linkId: 'L', decision: 'accepted', reason: null };
const reject: ResolveLinkProposal = { storyId: 's', linkId: 'L', decision: 'rejected', reason: 'no' };

describe('answering a link proposal', () => {
  it('accepting records the answer and the link itself', () => {
    givenStory(opened, proposed)
      .when(decideResolveLinkProposal, accept)
      .then([
        { type: 'LinkProposalResolved', data: { storyId: 's', linkId: 'L', decision: 'accepted', reason: null } },
        { type: 'FactsLinked', data: { storyId: 's', linkId: 'L', fromFactId: 'f2', toFactId: 'f1', kind: 'contradicts', reason: 'different counterpart' } },
      ]);
  });

  it('accepting a link an analyst already made records only the answer', () => {
    const linked: StoryEvent = { type: 'FactsLinked', data: { storyId: 's', linkId: 'M', fromFactId: 'f2', toFactId: 'f1', kind: 'contradicts', reason: null } };
    const when = givenStory(opened, proposed, linked).when(decideResolveLinkProposal, accept);
    expect(when.events.map((event) => event.type)).toEqual(['LinkProposalResolved']);
  });

  it('the same answer twice changes nothing; the other answer is refused; unknown proposals and stories too', () => {
    const resolved: StoryEvent = { type: 'LinkProposalResolved', data: { storyId: 's', linkId: 'L', decision: 'rejected', reason: 'no' } };
    givenStory(opened, proposed, resolved).when(decideResolveLinkProposal, reject).thenNothing();
    givenStory(opened, proposed, resolved).when(decideResolveLinkProposal, accept).thenRefused({ code: 'PROPOSAL.RESOLVED' });
    givenStory(opened).when(decideResolveLinkProposal, accept).thenRefused({ code: 'PROPOSAL.NOT_FOUND', field: 'proposal' });
    givenStory().when(decideResolveLinkProposal, accept).thenRefused({ code: 'STORY.NOT_FOUND' });
  });

  it('requires a reason to reject, not to accept, and a proposal id', () => {
    expect(parseResolution(undefined, 'accepted')).toEqual({ reason: null });
    expect(() => parseResolution({}, 'rejected')).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => proposalIdFromParam('nope')).toThrow(expect.objectContaining({ field: 'linkId' }));
  });
});
