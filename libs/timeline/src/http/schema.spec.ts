import fc from 'fast-check';
import type { z } from '@storyline/api-contract';
import { parseAlias } from '../commands/add-source-alias/request';
import { parseOpenStory } from '../commands/open-story/request';
import { parseVerdict } from '../commands/record-verdict/request';
import { parseResolution } from '../commands/resolve-link-proposal/request';
import { acceptProposalBody, addAliasBody, openStoryBody, rejectProposalBody, verdictBody } from './schema';

/*
 * The write side's bodies are read by the commands' parsers (one set of rules and messages
 * for API, CLI and loader); the document shows the zod schemas. They must accept the same bodies.
 */

const texts = fc.oneof(
  fc.string({ maxLength: 90 }),
  fc.constantFrom('', '   ', 'a\u0000b', 'witkoff-back-channel', 'Witkoff--back', '-x', 'x-', 'UPPER', 'x'.repeat(80), 'x'.repeat(81), 'x'.repeat(200), 'x'.repeat(201), ' '.repeat(150) + 'x'),
  fc.integer(),
  fc.constant(null),
);

function bodiesOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record(fields, { requiredKeys: [] }),
    fc.record({ ...fields, extra: fc.string() }),
    fc.constantFrom(null, [], 'text', 7),
  );
}

function expectSameBodies(schema: z.ZodType, parse: (body: unknown) => unknown, bodies: fc.Arbitrary<unknown>): void {
  fc.assert(
    fc.property(bodies, (body) => {
      let byParser = true;
      try {
        parse(body);
      } catch {
        byParser = false;
      }
      expect({ body, accepted: schema.safeParse(body).success }).toEqual({ body, accepted: byParser });
    }),
    { numRuns: 400 },
  );
}

describe('write-side body schemas agree with the command parsers', () => {
  it('open a story', () => expectSameBodies(openStoryBody, parseOpenStory, bodiesOf({ slug: texts, title: texts })));

  it('add a source alias', () => expectSameBodies(addAliasBody, parseAlias, bodiesOf({ alias: texts })));

  it('record a verdict', () => expectSameBodies(verdictBody, parseVerdict, bodiesOf({ verdict: fc.constantFrom('confirmed', 'disputed', 'unverified', 'maybe', ''), reason: texts })));

  it('accept and reject a link proposal', () => {
    const objects = fc.oneof(fc.record({ reason: texts }, { requiredKeys: [] }), fc.record({ reason: texts, other: fc.string() }), fc.constantFrom([], 'text'));
    expectSameBodies(rejectProposalBody, (body) => parseResolution(body, 'rejected'), objects);
    expectSameBodies(acceptProposalBody, (body) => parseResolution(body, 'accepted'), objects);
  });
});
