import fc from 'fast-check';
import { expectAgreement, interestingValues } from '@storyline/api-contract/testing/agreement';
import { parseInboxList } from './request';
import { inboxQuery } from './schema';

describe("GET /inbox's query schema agrees with its parser", () => {
  const names = fc.oneof(interestingValues, fc.constantFrom('wires', 'default', 'Wires', 'a--b', 'x'.repeat(80), 'x'.repeat(81)));

  it('inbox, status and after', () => {
    expectAgreement(inboxQuery, 'inbox', (inbox) => parseInboxList({ inbox }), names);
    expectAgreement(inboxQuery, 'status', (status) => parseInboxList({ status }), fc.oneof(interestingValues, fc.constantFrom('waiting', 'joined', 'opened', 'accepted', 'rejected', 'all', 'Waiting')));
    expectAgreement(inboxQuery, 'after', (after) => parseInboxList({ after }), fc.oneof(interestingValues, fc.constantFrom('1'.repeat(18), '1'.repeat(19))));
  });

  it('limit, read as a number (a repeated parameter arrives as an array of two or more, refused by both)', () => {
    const limits = fc.oneof(interestingValues, fc.constantFrom('200', '201', '050', '5e1', 'Infinity')).filter((value) => !Array.isArray(value) || value.length !== 1);
    expectAgreement(inboxQuery, 'limit', (limit) => parseInboxList({ limit }), limits);
  });
});
