import { invalid, isUuid, read } from '@storyline/story-events';

/** An analyst's answer to a report waiting in an inbox. */
export type ResolveRouting =
  | {
      readonly kind: 'accept';
      readonly inboxId: string;
      readonly reportId: string;
      /** The story to send it to; null takes the router's first proposal. */
      readonly storyId: string | null;
      /** The story opened when the answer (or the first proposal) is a new story. */
      readonly newStory: { readonly storyId: string; readonly slug: string; readonly title: string };
      readonly reason: string | null;
    }
  | { readonly kind: 'reject'; readonly inboxId: string; readonly reportId: string; readonly reason: string };

export interface RoutingResolved {
  readonly storyId: string | null;
  /** True when the accepted story is opened for this report. */
  readonly opened: boolean;
  readonly changed: boolean;
}

/** A report id in a path. */
export function parseReportId(value: string): string {
  if (!isUuid(value)) throw invalid('report', `must be a report id, got "${value.slice(0, 60)}"`);
  return value.toLowerCase();
}

/** `{story?, reason?}` for accept (story: an id, a slug, or "new"), `{reason}` for reject. */
export function parseRoutingAnswer(body: unknown, kind: 'accept' | 'reject'): { story: string | null; reason: string | null } {
  const input = body === undefined || body === null ? {} : read.object(body, '');
  read.rejectUnknownKeys(input, kind === 'accept' ? ['story', 'reason'] : ['reason'], '');
  const reason = kind === 'reject' ? read.text(input.reason, 'reason', { max: 2_000 }).trim() : (read.optionalText(input.reason, 'reason', { max: 2_000 })?.trim() ?? null);
  const story = kind === 'accept' ? read.optionalText(input.story, 'story', { max: 80 }) : null;
  return { story, reason };
}
