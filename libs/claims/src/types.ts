/** [from, to) of ISO-8601 UTC instants, as the extractor gives a fact's occurred time. */
export interface OccurredTime {
  readonly from: string | null;
  readonly to: string | null;
  readonly precision: string;
}

/** A fact as the claims lib reads it: only these fields are used. */
export interface ClaimFact {
  readonly id: string;
  readonly reportId: string;
  /** The outlet that published the report (its display name or id). */
  readonly outlet: string;
  /** When the report was published, ISO-8601. */
  readonly reportedAt: string;
  readonly statement: string;
  readonly occurred?: OccurredTime | null;
  /** Named entities of the statement; their normalised names are compared. */
  readonly entities?: readonly { readonly name: string }[];
  readonly modality?: string;
}

/** Which rule put a fact into a claim, with the score that rule computed (0..1). */
export type GroupingRule = 'founds-claim' | 'same-wording' | 'same-actors-close-wording';

export interface ClaimMember {
  readonly factId: string;
  readonly reportId: string;
  readonly outlet: string;
  readonly reportedAt: string;
  /** `first`: the earliest report; `repeats`: the same outlet again; `corroborates`: another outlet. */
  readonly role: 'first' | 'repeats' | 'corroborates';
  readonly rule: GroupingRule;
  readonly score: number;
  /** The fact's own occurred day (YYYY-MM-DD) when it names one, else null. */
  readonly occurredDay: string | null;
  /** Whether the fact names its occurred day as a calendar date ("March 17"), not relative to its report ("on Friday"). */
  readonly statesDate?: boolean;
}

/** How a claim's occurred day was decided. */
export type DayRule =
  /** The day most of its reports give as the occurred time (ties: the earliest). */
  | 'occurred-day'
  /** No report dates it to a day on or before its own publication. */
  | 'undated';

export interface Claim {
  /** The id of the fact that founded the claim: stable as facts arrive in log order. */
  readonly id: string;
  /** The founding fact's statement. */
  readonly statement: string;
  readonly first: { readonly factId: string; readonly reportId: string; readonly outlet: string; readonly reportedAt: string };
  /** Every fact of the claim, earliest report first. */
  readonly members: readonly ClaimMember[];
  readonly outlets: readonly string[];
  readonly reportCount: number;
  readonly occurredDay: string | null;
  readonly dayRule: DayRule;
  /** Ids of claims a `contradicts` link connects to this one. */
  readonly contradictedBy: readonly string[];
}

/** A typed link between two facts (from the log or proposed by the extractor). */
export interface FactLink {
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly kind: string;
}

/** What adding one fact did: the claim it joined (or founded), by which rule and score. */
export interface ClaimJoin {
  readonly claimId: string;
  readonly founded: boolean;
  readonly rule: GroupingRule;
  readonly score: number;
}

/**
 * A day a report names somewhere in its text (any sentence, not only its facts), with the
 * report's outlet and publication time: what the key-developments ranking counts.
 */
export interface ReportDay {
  readonly reportId: string;
  readonly outlet: string;
  /** When the report was published, ISO-8601. */
  readonly reportedAt: string;
  /** The day it names, YYYY-MM-DD. */
  readonly day: string;
}
