import { expectAgreement } from '@storyline/api-contract/testing/agreement';
import { readLimit, readPosition, readTypes } from './feed/feed-input';
import { feedQuery } from './http-schema';

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
