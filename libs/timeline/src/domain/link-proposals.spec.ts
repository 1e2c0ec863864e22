import type { StoryEvent } from '@storyline/story-events';
import { decideResolveProposal } from './link-proposals';
import { givenStory } from './testing/given';

const proposed: StoryEvent = {
  type: 'LinkProposed',
  data: { storyId: 's', linkId: 'L', fromFactId: 'f2', toFactId: 'f1', kind: 'contradicts', score: 0.9, reason: 'different counterpart', proposedBy: 'test 1' },
};
const given = givenStory;

describe('answering a link proposal', () => {
  it('accepting records the answer and the link itself', () => {
    expect(decideResolveProposal(given(proposed), 's', 'L', 'accepted', null)).toEqual([
      { type: 'LinkProposalResolved', data: { storyId: 's', linkId: 'L', decision: 'accepted', reason: null } },
      { type: 'FactsLinked', data: { storyId: 's', linkId: 'L', fromFactId: 'f2', toFactId: 'f1', kind: 'contradicts', reason: 'different counterpart' } },
    ]);
  });

  it('accepting a link an analyst already made records only the answer', () => {
    const linked: StoryEvent = { type: 'FactsLinked', data: { storyId: 's', linkId: 'M', fromFactId: 'f2', toFactId: 'f1', kind: 'contradicts', reason: null } };
    expect(decideResolveProposal(given(proposed, linked), 's', 'L', 'accepted', null).map((event) => event.type)).toEqual(['LinkProposalResolved']);
  });

  it('the same answer twice changes nothing; the other answer is refused; unknown proposals too', () => {
    const resolved: StoryEvent = { type: 'LinkProposalResolved', data: { storyId: 's', linkId: 'L', decision: 'rejected', reason: 'no' } };
    expect(decideResolveProposal(given(proposed, resolved), 's', 'L', 'rejected', 'no')).toEqual([]);
    expect(() => decideResolveProposal(given(proposed, resolved), 's', 'L', 'accepted', null)).toThrow(expect.objectContaining({ code: 'PROPOSAL.RESOLVED' }));
    expect(() => decideResolveProposal(given(), 's', 'L', 'accepted', null)).toThrow(expect.objectContaining({ code: 'PROPOSAL.NOT_FOUND' }));
  });
});
