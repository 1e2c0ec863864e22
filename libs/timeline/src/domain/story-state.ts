import { assertNever, type ProposedLinkKind, type StoryEvent } from '@storyline/story-events';
import { normaliseSourceName } from '@storyline/story-events';

/** What a story's decisions need to know of its past, folded from its stream (evolve only; the decisions are in story.ts). */
export interface StoryState {
  readonly opened: boolean;
  readonly storyId: string | null;
  readonly slug: string | null;
  readonly title: string | null;
  /** "outletKey|textSha256" → the report first ingested with that outlet and text. */
  readonly reportsByContent: ReadonlyMap<string, string>;
  readonly reports: ReadonlyMap<string, StoredReport>;
  readonly facts: ReadonlyMap<string, StoredFact>;
  /** "from|to|kind" → the link's id: one link of a kind between two facts. */
  readonly links: ReadonlyMap<string, string>;
  readonly proposals: ReadonlyMap<string, StoredProposal>;
  /** Idempotency key → the report it created and a fingerprint of the request. */
  readonly requests: ReadonlyMap<string, { readonly reportId: string; readonly fingerprint: string | null }>;
}

export interface StoredFact {
  readonly reportId: string;
  readonly retracted: boolean;
  /** What link proposals compare: the fact as it now stands. */
  readonly statement: string;
  readonly entities: readonly string[];
  readonly modality: string;
}

export interface StoredProposal {
  readonly fromFactId: string;
  readonly toFactId: string;
  readonly kind: ProposedLinkKind;
  readonly reason: string;
  readonly status: 'proposed' | 'accepted' | 'rejected';
}

export interface StoredReport {
  readonly publishedAt: string | null;
  readonly textLength: number;
  readonly factIds: readonly string[];
  /** The global position of the report's append's last event (its facts', or the proposals after them): the answer's `position`. */
  readonly position: bigint;
}

/** Where and how an event was stored, for the parts of the state that come from metadata. */
export interface Recorded {
  readonly position: bigint;
  readonly idempotencyKey?: string | null;
  readonly requestFingerprint?: string | null;
}

export const initialStoryState: StoryState = {
  opened: false,
  storyId: null,
  slug: null,
  title: null,
  reportsByContent: new Map(),
  reports: new Map(),
  facts: new Map(),
  links: new Map(),
  proposals: new Map(),
  requests: new Map(),
};

export const linkKey = (fromFactId: string, toFactId: string, kind: string): string => `${fromFactId}|${toFactId}|${kind}`;

export const contentKey = (outlet: string | null, textSha256: string): string =>
  `${outlet === null ? '' : normaliseSourceName(outlet)}|${textSha256}`;

/**
 * Proposals are appended with the report whose fact they start from, after its facts: the
 * report's answer reflects them too, so a repeated ingestion answers the first position.
 */
function withProposalPosition(state: StoryState, fromFactId: string, position: bigint): StoryState['reports'] {
  const reportId = state.facts.get(fromFactId)?.reportId;
  const report = reportId === undefined ? undefined : state.reports.get(reportId);
  if (reportId === undefined || !report || position <= report.position) return state.reports;
  return new Map(state.reports).set(reportId, { ...report, position });
}

export function evolveStory(state: StoryState, event: StoryEvent, recorded: Recorded = { position: 0n }): StoryState {
  switch (event.type) {
    case 'StoryOpened':
      return { ...state, opened: true, storyId: event.data.storyId, slug: event.data.slug, title: event.data.title };
    case 'ReportIngested': {
      const reports = new Map(state.reports).set(event.data.reportId, {
        publishedAt: event.data.publishedAt,
        textLength: event.data.text.length,
        factIds: [],
        position: recorded.position,
      });
      const byContent = new Map(state.reportsByContent);
      const key = contentKey(event.data.outlet, event.data.textSha256);
      if (!byContent.has(key)) byContent.set(key, event.data.reportId);
      const requests = new Map(state.requests);
      if (recorded.idempotencyKey && !requests.has(recorded.idempotencyKey)) {
        requests.set(recorded.idempotencyKey, { reportId: event.data.reportId, fingerprint: recorded.requestFingerprint ?? null });
      }
      return { ...state, reports, reportsByContent: byContent, requests };
    }
    case 'FactReported': {
      const report = state.reports.get(event.data.reportId);
      if (!report) return state;
      const reports = new Map(state.reports).set(event.data.reportId, {
        ...report,
        factIds: [...report.factIds, event.data.factId],
        position: recorded.position > report.position ? recorded.position : report.position,
      });
      const { factId, reportId, statement, modality } = event.data;
      const entities = event.data.entities.map((entity) => entity.name);
      const facts = new Map(state.facts).set(factId, { reportId, retracted: false, statement, entities, modality });
      return { ...state, reports, facts };
    }
    case 'FactAmended':
    case 'FactCorrected': {
      const fact = state.facts.get(event.data.factId);
      const { statement, modality } = event.data.changes;
      if (!fact || (statement === undefined && modality === undefined)) return state;
      const changed = { ...fact, statement: statement ?? fact.statement, modality: modality ?? fact.modality };
      return { ...state, facts: new Map(state.facts).set(event.data.factId, changed) };
    }
    case 'VerdictRecorded':
      return state;
    case 'LinkProposed': {
      const { linkId, fromFactId, toFactId, kind, reason } = event.data;
      const proposals = new Map(state.proposals).set(linkId, { fromFactId, toFactId, kind, reason, status: 'proposed' });
      return { ...state, proposals, reports: withProposalPosition(state, fromFactId, recorded.position) };
    }
    case 'LinkProposalResolved': {
      const proposal = state.proposals.get(event.data.linkId);
      if (!proposal) return state;
      return { ...state, proposals: new Map(state.proposals).set(event.data.linkId, { ...proposal, status: event.data.decision }) };
    }
    case 'FactRetracted': {
      const fact = state.facts.get(event.data.factId);
      return fact ? { ...state, facts: new Map(state.facts).set(event.data.factId, { ...fact, retracted: true }) } : state;
    }
    case 'FactsLinked': {
      const key = linkKey(event.data.fromFactId, event.data.toFactId, event.data.kind);
      return { ...state, links: new Map(state.links).set(key, event.data.linkId) };
    }
    default:
      return assertNever(event);
  }
}

