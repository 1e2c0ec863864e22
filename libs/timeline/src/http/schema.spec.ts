import fc from 'fast-check';
import type { z } from '@storyline/api-contract';
import { parseAlias } from '../commands/add-source-alias/request';
import { parseOpenStory } from '../commands/open-story/request';
import { parseVerdict } from '../commands/record-verdict/request';
import { parseResolution } from '../commands/resolve-link-proposal/request';
import { parseMergeStories } from '../commands/merge-stories/request';
import { parseMoveReport } from '../commands/move-report/request';
import { parseRenameStory } from '../commands/rename-story/request';
import { parseSplitReports } from '../commands/split-reports/request';
import { parseInboxPolicy } from '../commands/set-inbox-policy/request';
import { parseRoutingAnswer } from '../commands/resolve-routing/request';
import { parseAliasResolution } from '../commands/resolve-source-alias-proposal/request';
import {
  acceptAliasBody,
  acceptProposalBody,
  acceptRoutingBody,
  addAliasBody,
  inboxPolicyBody,
  mergeStoriesBody,
  moveReportBody,
  openStoryBody,
  rejectAliasBody,
  rejectProposalBody,
  rejectRoutingBody,
  renameStoryBody,
  splitReportsBody,
  verdictBody,
} from './schema';

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

  const ids = fc.oneof(fc.uuid(), fc.constantFrom('2B0C6F5E-8D5A-4C1E-9A55-3F1F7D2F0B11', 'not-an-id', '', 7, null));
  const objectsOf = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.oneof(fc.record(fields, { requiredKeys: [] }), fc.record({ ...fields, other: fc.string() }), fc.constantFrom([], 'text'));

  it('merge stories, move a report, rename a story', () => {
    expectSameBodies(mergeStoriesBody, parseMergeStories, bodiesOf({ into: fc.oneof(texts, ids), reason: texts }));
    expectSameBodies(moveReportBody, parseMoveReport, bodiesOf({ to: fc.oneof(texts, ids), reason: texts }));
    expectSameBodies(renameStoryBody, parseRenameStory, bodiesOf({ slug: texts, title: texts, reason: texts }));
  });

  it('split reports', () => {
    const reports = fc.oneof(fc.array(ids, { maxLength: 3 }), fc.uuid().map((id) => [id, id.toUpperCase()]), texts);
    expectSameBodies(splitReportsBody, parseSplitReports, bodiesOf({ reports, slug: texts, title: texts, reason: texts }));
  });

  it('set an inbox policy', () => {
    const thresholds = fc.oneof(fc.double(), fc.constantFrom(0, 1, 0.5, null, '0.5'));
    expectSameBodies(inboxPolicyBody, parseInboxPolicy, bodiesOf({ inbox: fc.oneof(texts, fc.constantFrom('wires', 'Wires')), threshold: thresholds, autoOpen: fc.constantFrom(true, false, null, 'yes') }));
  });

  it('accept and reject a routing, accept and reject a source-alias proposal', () => {
    expectSameBodies(acceptRoutingBody, (body) => parseRoutingAnswer(body, 'accept'), objectsOf({ story: texts, reason: texts }));
    expectSameBodies(rejectRoutingBody, (body) => parseRoutingAnswer(body, 'reject'), objectsOf({ reason: texts }));
    expectSameBodies(acceptAliasBody, (body) => parseAliasResolution(body, 'accepted'), objectsOf({ reason: texts, source: texts }));
    expectSameBodies(rejectAliasBody, (body) => parseAliasResolution(body, 'rejected'), objectsOf({ reason: texts }));
  });
});
