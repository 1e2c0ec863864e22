import { assertNever, type ProposedLinkKind, type StoryEvent } from '@storyline/story-events';
import { normaliseSourceName } from '@storyline/story-events';

/**
 * What a story's decisions need to know of its past, folded from its stream (evolve only;
 * each command decides in commands/<command>/decide.ts). Deliberately small: ids, fingerprints and statuses, never
 * a statement's text, so that holding and extending it costs the same on a long story as on
 * a short one. Link proposals are found on the read side, which keeps the statements.
 *
 * `evolveStory` changes the state it is given in place (a fold per event used to copy every
 * map). Only the fold may do so: deciders read it, and the command runner folds a cached
 * state only while it holds the stream's lock (command-handling/stream-decider.ts).
 */
export interface StoryState {
  opened: boolean;
  storyId: string | null;
  slug: string | null;
  title: string | null;
  /** The story this one was merged into: it takes no more writes. */
  mergedInto: string | null;
  /** "outletKey|textSha256" → the report first ingested with that outlet and text. */
  readonly reportsByContent: Map<string, string>;
  readonly reports: Map<string, StoredReport>;
  readonly facts: Map<string, StoredFact>;
  /** "from|to|kind" → the link's id: one link of a kind between two facts. */
  readonly links: Map<string, string>;
  readonly proposals: Map<string, StoredProposal>;
  readonly aliasProposals: Map<string, StoredAliasProposal>;
  /** Idempotency key → the report it created and a fingerprint of the request. */
  readonly requests: Map<string, { readonly reportId: string; readonly fingerprint: string | null }>;
}

export interface StoredFact {
  readonly reportId: string;
  retracted: boolean;
  /** 1 when reported, one more for each amendment or correction. */
  version: number;
}

export interface StoredProposal {
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly kind: ProposedLinkKind;
  readonly reason: string;
  status: 'proposed' | 'accepted' | 'rejected';
}

export interface StoredAliasProposal {
  readonly alias: string;
  readonly canonical: string;
  readonly rule: string;
  status: 'proposed' | 'accepted' | 'rejected';
  /** Accepted: the source the alias was added to. */
  sourceId: string | null;
}

export interface StoredReport {
  readonly publishedAt: string | null;
  readonly textLength: number;
  readonly factIds: string[];
  /** The global position of the report's append's last event (its last fact's): the answer's `position`. */
  position: bigint;
}

/** Where and how an event was stored, for the parts of the state that come from metadata. */
export interface Recorded {
  readonly position: bigint;
  readonly idempotencyKey?: string | null;
  readonly requestFingerprint?: string | null;
}

/** A fresh, empty state (each fold needs its own: evolve changes it in place). */
export const emptyStoryState = (): StoryState => ({
  opened: false,
  storyId: null,
  slug: null,
  title: null,
  mergedInto: null,
  reportsByContent: new Map(),
  reports: new Map(),
  facts: new Map(),
  links: new Map(),
  proposals: new Map(),
  aliasProposals: new Map(),
  requests: new Map(),
});

export const linkKey = (fromFactId: string, toFactId: string, kind: string): string => `${fromFactId}|${toFactId}|${kind}`;

export const contentKey = (outlet: string | null, textSha256: string): string =>
  `${outlet === null ? '' : normaliseSourceName(outlet)}|${textSha256}`;

/** Folds one event into `state`, in place, and returns it. */
export function evolveStory(state: StoryState, event: StoryEvent, recorded: Recorded = { position: 0n }): StoryState {
  switch (event.type) {
    case 'StoryOpened':
      state.opened = true;
      state.storyId = event.data.storyId;
      state.slug = event.data.slug;
      state.title = event.data.title;
      return state;
    case 'ReportIngested': {
      const { reportId } = event.data;
      state.reports.set(reportId, { publishedAt: event.data.publishedAt, textLength: event.data.text.length, factIds: [], position: recorded.position });
      const key = contentKey(event.data.outlet, event.data.textSha256);
      if (!state.reportsByContent.has(key)) state.reportsByContent.set(key, reportId);
      if (recorded.idempotencyKey && !state.requests.has(recorded.idempotencyKey)) {
        state.requests.set(recorded.idempotencyKey, { reportId, fingerprint: recorded.requestFingerprint ?? null });
      }
      return state;
    }
    case 'FactReported': {
      const report = state.reports.get(event.data.reportId);
      if (!report) return state;
      report.factIds.push(event.data.factId);
      if (recorded.position > report.position) report.position = recorded.position;
      state.facts.set(event.data.factId, { reportId: event.data.reportId, retracted: false, version: 1 });
      return state;
    }
    case 'FactAmended':
    case 'FactCorrected': {
      const fact = state.facts.get(event.data.factId);
      if (fact) fact.version += 1;
      return state;
    }
    case 'VerdictRecorded':
      return state;
    case 'LinkProposed': {
      const { linkId, fromFactId, toFactId, kind, reason } = event.data;
      if (!state.proposals.has(linkId)) state.proposals.set(linkId, { fromFactId, toFactId, kind, reason, status: 'proposed' });
      return state;
    }
    case 'LinkProposalResolved': {
      const proposal = state.proposals.get(event.data.linkId);
      if (proposal) proposal.status = event.data.decision;
      return state;
    }
    case 'SourceAliasProposed': {
      const { proposalId, alias, canonical, rule } = event.data;
      if (!state.aliasProposals.has(proposalId)) state.aliasProposals.set(proposalId, { alias, canonical, rule, status: 'proposed', sourceId: null });
      return state;
    }
    case 'SourceAliasProposalResolved': {
      const proposal = state.aliasProposals.get(event.data.proposalId);
      if (proposal) {
        proposal.status = event.data.decision;
        proposal.sourceId = event.data.sourceId;
      }
      return state;
    }
    case 'FactRetracted': {
      const fact = state.facts.get(event.data.factId);
      if (fact) fact.retracted = true;
      return state;
    }
    case 'FactsLinked':
      state.links.set(linkKey(event.data.fromFactId, event.data.toFactId, event.data.kind), event.data.linkId);
      return state;
    case 'ReportsSplit':
      state.opened = true;
      state.storyId = event.data.storyId;
      state.slug = event.data.slug;
      state.title = event.data.title;
      return state;
    case 'ReportMoved':
      return state;
    case 'StoryMerged':
      state.mergedInto = event.data.intoStoryId;
      return state;
    case 'StoryRenamed':
      state.slug = event.data.slug;
      state.title = event.data.title;
      return state;
    default:
      return assertNever(event);
  }
}
