import type { SourceEvent, StoryEvent } from '@storyline/story-events';
import { givenSource, givenStory } from '../../command-handling/testing/given';
import { decideAliasFromProposal, decideResolveSourceAliasProposal, type ResolveSourceAliasProposal } from './decide';
import { aliasProposalIdFromParam, parseAliasResolution } from './request';

const opened: StoryEvent = { type: 'StoryOpened', data: { storyId: 's', slug: 's', title: 'S' } };
const proposed: StoryEvent = {
  type: 'SourceAliasProposed',
  data: { storyId: 's', proposalId: 'P', alias: 'Mitchell', canonical: 'Dr. Laura Mitchell', rule: 'surname-of-unique-full-name', rules: 'test 1', score: 0.8, evidenceFactIds: ['f2', 'f1'] },
};
const accept: ResolveSourceAliasProposal = { storyId: 's', proposalId: 'P', decision: 'accepted', reason: 'same expert', sourceId: 'm' };
const reject: ResolveSourceAliasProposal = { storyId: 's', proposalId: 'P', decision: 'rejected', reason: 'another Mitchell', sourceId: null };
const proposal = { alias: 'Mitchell', canonical: 'Dr. Laura Mitchell', rule: 'surname-of-unique-full-name', status: 'accepted' as const, sourceId: 'm' };

describe('answering a source-alias proposal', () => {
  it('accepting records the answer with the source, rejecting with the reason', () => {
    givenStory(opened, proposed)
      .when(decideResolveSourceAliasProposal, accept)
      .then([{ type: 'SourceAliasProposalResolved', data: { storyId: 's', proposalId: 'P', decision: 'accepted', reason: 'same expert', sourceId: 'm' } }])
      .thenOutcome({ alias: 'Mitchell', canonical: 'Dr. Laura Mitchell' });
    givenStory(opened, proposed)
      .when(decideResolveSourceAliasProposal, { ...reject, sourceId: 'ignored' })
      .then([{ type: 'SourceAliasProposalResolved', data: { storyId: 's', proposalId: 'P', decision: 'rejected', reason: 'another Mitchell', sourceId: null } }]);
  });

  it('the same answer twice changes nothing; the other answer is refused; unknown proposals and stories too', () => {
    const resolved: StoryEvent = { type: 'SourceAliasProposalResolved', data: { storyId: 's', proposalId: 'P', decision: 'rejected', reason: 'no', sourceId: null } };
    givenStory(opened, proposed, resolved).when(decideResolveSourceAliasProposal, reject).thenNothing();
    givenStory(opened, proposed, resolved).when(decideResolveSourceAliasProposal, accept).thenRefused({ code: 'PROPOSAL.RESOLVED', field: 'proposal' });
    givenStory(opened).when(decideResolveSourceAliasProposal, accept).thenRefused({ code: 'PROPOSAL.NOT_FOUND', field: 'proposal' });
    givenStory().when(decideResolveSourceAliasProposal, accept).thenRefused({ code: 'STORY.NOT_FOUND' });
  });
});

describe('adding an accepted alias to its source', () => {
  it('registers the canonical name as a person when it is not a source yet, then adds the alias', () => {
    givenSource()
      .when(decideAliasFromProposal, { sourceId: 'm', proposal, named: false })
      .then([
        { type: 'SourceRegistered', data: { sourceId: 'm', name: 'Dr. Laura Mitchell', kind: 'person' } },
        { type: 'SourceAliasAdded', data: { sourceId: 'm', alias: 'Mitchell' } },
      ]);
  });

  it('adds the alias to a registered source once, and refuses a named source that is not registered', () => {
    const registered: SourceEvent = { type: 'SourceRegistered', data: { sourceId: 'm', name: 'Laura Mitchell', kind: 'person' } };
    givenSource(registered).when(decideAliasFromProposal, { sourceId: 'm', proposal, named: true }).then([{ type: 'SourceAliasAdded', data: { sourceId: 'm', alias: 'Mitchell' } }]);
    givenSource(registered, { type: 'SourceAliasAdded', data: { sourceId: 'm', alias: 'mitchell' } }).when(decideAliasFromProposal, { sourceId: 'm', proposal, named: true }).thenNothing();
    givenSource().when(decideAliasFromProposal, { sourceId: 'x', proposal, named: true }).thenRefused({ code: 'SOURCE.NOT_FOUND', field: 'source' });
  });

  it('reads the answer: a reason to reject, an optional source to accept, and a proposal id', () => {
    expect(parseAliasResolution(undefined, 'accepted')).toEqual({ reason: null, sourceId: null });
    expect(parseAliasResolution({ source: 'Laura Mitchell' }, 'accepted').sourceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => parseAliasResolution({}, 'rejected')).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => parseAliasResolution({ reason: 'x', source: 'y' }, 'rejected')).toThrow(expect.objectContaining({ field: 'source' }));
    expect(() => aliasProposalIdFromParam('nope')).toThrow(expect.objectContaining({ field: 'proposalId' }));
  });
});
