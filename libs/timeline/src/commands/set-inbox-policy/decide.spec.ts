import { emptyInboxState, evolveInbox } from '../../command-handling/inbox-state';
import { decideSetInboxPolicy, NEVER_JOIN } from './decide';
import { parseInboxPolicy } from './request';

describe("setting an inbox's policy", () => {
  it('records the threshold and whether new stories open at once; the same policy again changes nothing', () => {
    const policy = parseInboxPolicy({ inbox: 'wires', threshold: 0.35, autoOpen: false });
    const { events } = decideSetInboxPolicy(emptyInboxState(), policy);
    expect(events).toEqual([{ type: 'InboxPolicySet', data: { inboxId: policy.inboxId, name: 'wires', autoJoinAt: 0.35, autoOpen: false } }]);
    const state = evolveInbox(emptyInboxState(), events[0]);
    expect(decideSetInboxPolicy(state, policy)).toEqual({ events: [], outcome: { changed: false } });
    expect(decideSetInboxPolicy(state, { ...policy, threshold: 0.5 }).events).toHaveLength(1);
  });

  it('records "never join at once" as a threshold above any score', () => {
    const { events } = decideSetInboxPolicy(emptyInboxState(), parseInboxPolicy({ threshold: null }));
    expect(events[0].data).toMatchObject({ name: 'default', autoJoinAt: NEVER_JOIN, autoOpen: true });
  });

  it.each([[{ threshold: 1.5 }, 'threshold'], [{ threshold: '0.3' }, 'threshold'], [{}, 'threshold'], [{ threshold: 0.3, autoOpen: 'yes' }, 'autoOpen'], [{ threshold: 0.3, inbox: 'A B' }, 'inbox'], [{ threshold: 0.3, extra: 1 }, 'extra']])('refuses %j naming %s', (body, field) => {
    expect(() => parseInboxPolicy(body)).toThrow(expect.objectContaining({ code: 'VALIDATION.INVALID', field }));
  });
});
