import { parseReport } from '../request';
import { emptyInboxState, evolveInbox, type InboxState, type InboxStreamEvent } from '../../../command-handling/inbox-state';
import { decideSendToInbox } from './decide';
import { parseInboxName } from '../../../http/inbox-ref';

const ids = () => {
  let next = 0;
  return { idempotencyKey: null, newId: () => `id-${++next}` };
};
const given = (...events: InboxStreamEvent[]): InboxState => events.reduce((state, event, index) => evolveInbox(state, event, { position: BigInt(index + 1), metadata: { actor: 'a', correlationId: 'c', causationId: null } }), emptyInboxState());
const report = parseReport({ outlet: 'Daily Example', publishedAt: '2025-11-20', text: 'An envoy met an official.', facts: [{ statement: 'An envoy met an official', evidence: { start: 0, end: 24 } }] });

describe('sending a report to an inbox', () => {
  it('stores the report and its facts under the inbox id, waiting to be routed', () => {
    const { events, outcome } = decideSendToInbox(emptyInboxState(), { inboxId: 'inbox-1', report, fingerprint: 'fp' }, ids());
    expect(events.map((event) => [event.type, (event.data as { storyId: string }).storyId])).toEqual([['ReportIngested', 'inbox-1'], ['FactReported', 'inbox-1']]);
    expect(outcome).toEqual({ reportId: 'id-1', factIds: ['id-2'], created: true });
    const state = given(...events);
    expect(state.routing.get('id-1')).toMatchObject({ status: 'unrouted' });
  });

  it('recognises the same report sent again: nothing appended, the first answer', () => {
    const first = decideSendToInbox(emptyInboxState(), { inboxId: 'inbox-1', report, fingerprint: 'fp' }, ids());
    const again = decideSendToInbox(given(...first.events), { inboxId: 'inbox-1', report, fingerprint: 'fp' }, { idempotencyKey: null, newId: () => 'other' });
    expect(again).toEqual({ events: [], outcome: { reportId: 'id-1', factIds: ['id-2'], created: false, position: 2n } });
  });

  it('names the inbox from its name, the default one when none is given, and refuses a bad name', () => {
    expect(parseInboxName(undefined).name).toBe('default');
    expect(parseInboxName('wires').inboxId).not.toBe(parseInboxName('desk').inboxId);
    expect(() => parseInboxName('Bad Name')).toThrow(expect.objectContaining({ code: 'VALIDATION.INVALID', field: 'inbox' }));
  });
});
