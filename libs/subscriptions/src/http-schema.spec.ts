import { expectAgreement } from '@storyline/api-contract/testing/agreement';
import { readLimit, readPosition, readTypes } from './feed/feed-input';
import { feedQuery } from './http-schema';
import { checkId } from './webhooks/subscription-view';

/* The feed's query schema accepts exactly what feed-input.ts (which words the errors) accepts. */

describe('feed query schema agrees with the readers', () => {
  it('after and limit', () => {
    // The controller hands over what Express parsed; `limit[]=5` (an array) is left to readLimit's regex.
    expectAgreement(feedQuery, 'limit', (limit) => {
      if (typeof limit !== 'string') throw new Error('given twice');
      return readLimit(limit);
    });
    expectAgreement(feedQuery, 'after', (after) => {
      if (typeof after !== 'string') throw new Error('given twice');
      return readPosition(after, 'after');
    });
  });

  it('types', () => {
    expectAgreement(feedQuery, 'types', (types) => {
      if (typeof types !== 'string') throw new Error('given twice');
      return readTypes(types, 'types');
    });
  });
});

describe('a subscription id, checked by its schema', () => {
  it('keeps the hand-written message and field, and answers the id in lower case', () => {
    const long = 'x'.repeat(70);
    for (const [bad, shown] of [['nope', 'nope'], [long, long.slice(0, 60)], ['', '']]) {
      let error: { code?: string; message?: string; field?: string } = {};
      try {
        checkId(bad);
      } catch (thrown) {
        error = thrown as typeof error;
      }
      expect({ code: error.code, message: error.message, field: error.field }).toEqual({ code: 'VALIDATION.INVALID', message: `id: must be a subscription id (a UUID), got "${shown}"`, field: 'id' });
    }
    expect(checkId('2B0C6F5E-8D5A-4C1E-9A55-3F1F7D2F0B11')).toBe('2b0c6f5e-8d5a-4c1e-9a55-3f1f7d2f0b11');
  });
});
