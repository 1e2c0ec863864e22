import { expectAgreement } from '@storyline/api-contract/testing/agreement';
import { hashParam, instantFilter, limitParam, positionParam, storyFilter, textFilter, typeFilter } from './params';
import { auditLogQuery, verifyQuery } from './schema';

/* The audit document's query schemas accept exactly what params.ts (which words the errors) accepts. */

describe('audit query schemas agree with the parameter readers', () => {
  it('verify: expectHead and expectHeadPosition', () => {
    expectAgreement(verifyQuery, 'expectHead', (expectHead) => hashParam({ expectHead }, 'expectHead'));
    expectAgreement(verifyQuery, 'expectHeadPosition', (expectHeadPosition) => positionParam({ expectHeadPosition }, 'expectHeadPosition'));
  });

  it('log: story, actor, type, from, to, after, limit', () => {
    expectAgreement(auditLogQuery, 'story', (story) => storyFilter({ story }));
    expectAgreement(auditLogQuery, 'actor', (actor) => textFilter({ actor }, 'actor', 200));
    expectAgreement(auditLogQuery, 'type', (type) => typeFilter({ type }));
    expectAgreement(auditLogQuery, 'from', (from) => instantFilter({ from }, 'from'));
    expectAgreement(auditLogQuery, 'to', (to) => instantFilter({ to }, 'to'));
    expectAgreement(auditLogQuery, 'after', (after) => positionParam({ after }, 'after'));
    expectAgreement(auditLogQuery, 'limit', (limit) => limitParam({ limit }));
  });
});
