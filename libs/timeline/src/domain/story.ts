import { DomainError, invalid, read, SLUG, type FactReported, type ReportIngested, type StoryEvent } from '@storyline/story-events';
import type { ReportSubmission } from './report';
import { contentKey, type StoryState } from './story-state';

export * from './story-state';

export { SLUG };

export interface OpenStory {
  readonly storyId: string;
  readonly slug: string;
  readonly title: string;
}

/** Reads `{slug, title}` from untrusted input. */
export function parseOpenStory(body: unknown): { slug: string; title: string } {
  const input = read.object(body, '');
  read.rejectUnknownKeys(input, ['slug', 'title'], '');
  return {
    slug: read.text(input.slug, 'slug', { max: 80, pattern: SLUG, patternHint: 'must be lowercase letters, digits and single hyphens (like "witkoff-back-channel")' }),
    title: read.text(input.title, 'title', { max: 200 }).trim(),
  };
}

export function decideOpenStory(state: StoryState, command: OpenStory): StoryEvent[] {
  if (state.opened) throw new DomainError('STORY.SLUG_TAKEN', `the slug "${command.slug}" is taken`, 'slug');
  return [{ type: 'StoryOpened', data: { storyId: command.storyId, slug: command.slug, title: command.title } }];
}

export interface IngestReport {
  readonly storyId: string;
  readonly reportId: string;
  /** One id per submitted fact, in order (chosen outside so that deciding stays pure). */
  readonly factIds: readonly string[];
  readonly report: ReportSubmission;
  readonly idempotencyKey: string | null;
  /** Same key and same fingerprint: a retry. Same key, other fingerprint: a mistake. */
  readonly fingerprint: string;
}

export type IngestDecision =
  | { readonly kind: 'append'; readonly events: StoryEvent[] }
  | { readonly kind: 'duplicate'; readonly reportId: string; readonly factIds: readonly string[]; readonly position: bigint };

function duplicateOf(state: StoryState, reportId: string): IngestDecision {
  const report = state.reports.get(reportId);
  return { kind: 'duplicate', reportId, factIds: [...(report?.factIds ?? [])], position: report?.position ?? 0n };
}

export function decideIngestReport(state: StoryState, command: IngestReport): IngestDecision {
  if (!state.opened) throw new DomainError('STORY.NOT_FOUND', `story ${command.storyId} does not exist`);
  if (state.mergedInto) throw new DomainError('STORY.MERGED', `story ${state.slug ?? command.storyId} was merged into ${state.mergedInto}; send reports there`, 'story');
  const { report } = command;
  const request = command.idempotencyKey === null ? undefined : state.requests.get(command.idempotencyKey);
  if (request) {
    if (request.fingerprint !== null && request.fingerprint !== command.fingerprint) {
      throw new DomainError(
        'REPORT.IDEMPOTENCY_KEY_REUSED',
        `the Idempotency-Key "${command.idempotencyKey}" was already used for a different report`,
        'Idempotency-Key',
      );
    }
    return duplicateOf(state, request.reportId);
  }
  const earlier = state.reportsByContent.get(contentKey(report.outlet, report.textSha256));
  if (earlier) return duplicateOf(state, earlier);
  if (command.factIds.length !== report.facts.length) throw invalid('facts', 'internal: one fact id per fact is required');
  const ingested: ReportIngested = {
    type: 'ReportIngested',
    data: {
      storyId: command.storyId,
      reportId: command.reportId,
      outlet: report.outlet,
      publishedAt: report.publishedAt,
      headline: report.headline,
      byline: report.byline,
      dateline: report.dateline,
      url: report.url,
      text: report.text,
      textSha256: report.textSha256,
      language: report.language,
    },
  };
  const facts = report.facts.map(
    (fact, index): FactReported => ({
      type: 'FactReported',
      data: { storyId: command.storyId, factId: command.factIds[index], reportId: command.reportId, ...fact },
    }),
  );
  return { kind: 'append', events: [ingested, ...facts] };
}
