import fc from 'fast-check';
import type { z } from '@storyline/api-contract';
import { expectAgreement } from '@storyline/api-contract/testing/agreement';
import { replayQuery } from '../replay/schema';
import { timelineQuery } from '../timeline/schema';
import { parseTimelinePage } from '../timeline/timeline-page';
import { parseAsOf, parseOrder } from './as-of';
import { asOfQuery } from './schema';

/*
 * The document's query schemas and the hand-written parsers (which keep the API's error
 * messages) must accept and refuse the same values, or the contract would promise one thing
 * and the API do another.
 */

const accepts = (parse: () => unknown): boolean => {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
};

const schemaAccepts = (schema: z.ZodObject, name: string, value: unknown): boolean => schema.safeParse({ [name]: value }).success;
const agree = (name: string, schema: z.ZodObject, parse: (value: unknown) => unknown): void => expectAgreement(schema, name, parse);

describe('read-side query schemas agree with the parsers', () => {
  it('asOf, clock (with asOf) and atPosition', () => {
    agree('asOf', asOfQuery, (asOf) => parseAsOf({ asOf }));
    agree('atPosition', asOfQuery, (atPosition) => parseAsOf({ atPosition }));
    agree('clock', asOfQuery, (clock) => parseAsOf({ asOf: '2025-11-27', clock }));
  });

  it('the timeline order and limit', () => {
    agree('order', timelineQuery, (order) => parseOrder({ order }));
    agree('limit', timelineQuery, (limit) => parseTimelinePage({ limit }, 'reported', {}));
  });

  it('a cursor the schema refuses, the parser refuses too', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String()), (cursor) => {
        if (!schemaAccepts(timelineQuery, 'cursor', cursor)) expect(accepts(() => parseTimelinePage({ cursor }, 'reported', {}))).toBe(false);
      }),
    );
  });

  it('refuses what the parsers refuse, on examples', () => {
    expect(timelineQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(timelineQuery.safeParse({ limit: '5000' }).success).toBe(true);
    expect(replayQuery.safeParse({ state: 'full', limit: '1' }).success).toBe(true);
    expect(asOfQuery.safeParse({ asOf: '2025-02-30' }).success).toBe(false);
  });
});
