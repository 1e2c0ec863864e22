import type { InboxStreamEvent } from '../../command-handling/inbox-state';
import { emptyInboxState, evolveInbox } from '../../command-handling/inbox-state';
import { decideResolveRouting } from './decide';
import type { ResolveRouting } from './request';

const ingested = (reportId: string): InboxStreamEvent => ({
  type: 'ReportIngested',
  data: { storyId: 'in', reportId, outlet: null, publishedAt: null, headline: 'Talks', byline: null, dateline: null, url: null, text: 't', textSha256: reportId, language: null },
});
const routed = (reportId: string, decision: 'waiting' | 'joined', proposals: { storyId: string | null; score: number }[]): InboxStreamEvent => ({
  type: 'ReportRouted',
  data: { inboxId: 'in', reportId, proposals: proposals.map((proposal) => ({ ...proposal, reasons: null })), decision, storyId: decision === 'joined' ? proposals[0].storyId : null, autoJoinAt: 0.2, routedBy: 'test/1' },
});
const given = (...events: InboxStreamEvent[]) => events.reduce((state, event) => evolveInbox(state, event), emptyInboxState());
const newStory = { storyId: 'new-story', slug: 'in-r1', title: 'Talks' };
const accept = (storyId: string | null = null): ResolveRouting => ({ kind: 'accept', inboxId: 'in', reportId: 'r1', storyId, newStory, reason: null });
const reject: ResolveRouting = { kind: 'reject', inboxId: 'in', reportId: 'r1', reason: 'off topic' };

describe("an analyst's answer to a routed report", () => {
  it("accepts the router's first proposal when no story is named", () => {
    const state = given(ingested('r1'), routed('r1', 'waiting', [{ storyId: 's2', score: 0.15 }, { storyId: 's1', score: 0.1 }]));
    expect(decideResolveRouting(state, accept()).events).toEqual([
      { type: 'RoutingAccepted', data: { inboxId: 'in', reportId: 'r1', storyId: 's2', opened: false, reason: null } },
      { type: 'ReportMoved', data: { storyId: 'in', reportId: 'r1', toStoryId: 's2', reason: 'accepted from the inbox' } },
    ]);
    expect(decideResolveRouting(state, accept('s1')).outcome).toEqual({ storyId: 's1', opened: false, changed: true });
  });

  it('opens the new story when the first proposal is a new one', () => {
    const state = given(ingested('r1'), routed('r1', 'waiting', [{ storyId: null, score: 0.95 }]));
    expect(decideResolveRouting(state, accept()).outcome).toEqual({ storyId: 'new-story', opened: true, changed: true });
  });

  it('answering the same way twice changes nothing; answering otherwise is refused', () => {
    const waiting = given(ingested('r1'), routed('r1', 'waiting', [{ storyId: 's2', score: 0.15 }]));
    const accepted = evolveInbox(waiting, decideResolveRouting(waiting, accept()).events[0]);
    expect(decideResolveRouting(accepted, accept()).events).toEqual([]);
    expect(decideResolveRouting(accepted, accept('s2')).events).toEqual([]);
    expect(() => decideResolveRouting(accepted, reject)).toThrow(expect.objectContaining({ code: 'INBOX.ALREADY_RESOLVED', field: 'report' }));
    expect(() => decideResolveRouting(accepted, accept('s9'))).toThrow(expect.objectContaining({ code: 'INBOX.ALREADY_RESOLVED' }));
    const stillWaiting = given(ingested('r1'), routed('r1', 'waiting', [{ storyId: 's2', score: 0.15 }]));
    const rejected = evolveInbox(stillWaiting, decideResolveRouting(stillWaiting, reject).events[0]);
    expect(decideResolveRouting(rejected, reject).events).toEqual([]);
  });

  it('refuses an answer to a report the router placed at once, an unknown report, and one not routed yet', () => {
    expect(() => decideResolveRouting(given(ingested('r1'), routed('r1', 'joined', [{ storyId: 's2', score: 0.5 }])), reject)).toThrow(expect.objectContaining({ code: 'INBOX.ALREADY_RESOLVED' }));
    expect(() => decideResolveRouting(given(), reject)).toThrow(expect.objectContaining({ code: 'INBOX.REPORT_NOT_FOUND', field: 'report' }));
    expect(() => decideResolveRouting(given(ingested('r1')), accept())).toThrow(expect.objectContaining({ code: 'INBOX.NOT_ROUTED' }));
  });

  it('a second routing of the same report is ignored: the first decision stands', () => {
    const state = given(ingested('r1'), routed('r1', 'waiting', [{ storyId: 's2', score: 0.15 }]), routed('r1', 'joined', [{ storyId: 's3', score: 0.9 }]));
    expect(state.routing.get('r1')).toMatchObject({ status: 'waiting', storyId: null });
  });
});
