import { sha256Hex, type AttributionSpans, type EntityMention, type Evidence, type Modality, type OccurredInterval } from '@storyline/story-events';

/** A report as a user submits it, checked and normalised; evidence resolved to offsets. */
export interface ReportSubmission {
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly headline: string | null;
  readonly byline: string | null;
  readonly dateline: string | null;
  readonly url: string | null;
  readonly text: string;
  readonly textSha256: string;
  readonly language: string | null;
  readonly facts: readonly FactSubmission[];
}

export interface FactSubmission {
  readonly statement: string;
  readonly evidence: Evidence;
  readonly attributedTo: string | null;
  readonly modality: Modality;
  readonly occurred: OccurredInterval | null;
  readonly entities: readonly EntityMention[];
  readonly attribution: AttributionSpans | null;
}

/** What makes two submissions "the same request" for an idempotency key. */
export function submissionFingerprint(report: ReportSubmission): string {
  return sha256Hex(JSON.stringify(report));
}
