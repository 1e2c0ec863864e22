import { assertNever, type LinkKind, type StoryEvent, type Verdict } from '@storyline/story-events';

/** A fact as it stands at one step of a replay. */
export interface ReplayFact {
  readonly id: string;
  readonly reportId: string;
  readonly statement: string;
  readonly attributedTo: string | null;
  readonly status: 'active' | 'retracted';
  readonly corrected: boolean;
  readonly verdict: Verdict | null;
}

/** The whole story after a step (`state=full`). */
export interface FullReplayState {
  readonly title: string | null;
  readonly reports: readonly { readonly id: string; readonly outlet: string | null; readonly publishedAt: string | null }[];
  readonly facts: readonly ReplayFact[];
  readonly links: readonly { readonly id: string; readonly kind: LinkKind; readonly fromFactId: string; readonly toFactId: string }[];
}

/** What a person watching playback needs at each step (`state=summary`, the default). */
export interface ReplaySummary {
  readonly title: string | null;
  readonly reports: number;
  readonly facts: number;
  readonly retracted: number;
  readonly corrected: number;
  readonly links: Partial<Record<LinkKind, number>>;
  readonly verdicts: Partial<Record<Verdict, number>>;
  readonly outlets: readonly string[];
}

export const emptyReplayState: FullReplayState = { title: null, reports: [], facts: [], links: [] };

function updateFact(state: FullReplayState, factId: string, change: (fact: ReplayFact) => ReplayFact): FullReplayState {
  return { ...state, facts: state.facts.map((fact) => (fact.id === factId ? change(fact) : fact)) };
}

export function evolveReplayState(state: FullReplayState, event: StoryEvent): FullReplayState {
  switch (event.type) {
    case 'StoryOpened':
    case 'ReportsSplit':
    case 'StoryRenamed':
      return { ...state, title: event.data.title };
    case 'ReportMoved':
    case 'StoryMerged':
      return state;
    case 'ReportIngested':
      return { ...state, reports: [...state.reports, { id: event.data.reportId, outlet: event.data.outlet, publishedAt: event.data.publishedAt }] };
    case 'FactReported': {
      const { factId: id, reportId, statement, attributedTo } = event.data;
      return { ...state, facts: [...state.facts, { id, reportId, statement, attributedTo, status: 'active', corrected: false, verdict: null }] };
    }
    case 'FactAmended':
    case 'FactCorrected': {
      const { changes } = event.data;
      const corrected = event.type === 'FactCorrected';
      return updateFact(state, event.data.factId, (fact) => ({
        ...fact,
        statement: changes.statement ?? fact.statement,
        attributedTo: changes.attributedTo === undefined ? fact.attributedTo : changes.attributedTo,
        corrected: fact.corrected || corrected,
      }));
    }
    case 'FactRetracted':
      return updateFact(state, event.data.factId, (fact) => ({ ...fact, status: 'retracted' }));
    case 'VerdictRecorded':
      return updateFact(state, event.data.factId, (fact) => ({ ...fact, verdict: event.data.verdict }));
    case 'LinkProposed':
    case 'LinkProposalResolved':
    case 'SourceAliasProposed':
    case 'SourceAliasProposalResolved':
      return state;
    case 'FactsLinked': {
      const { linkId: id, kind, fromFactId, toFactId } = event.data;
      return { ...state, links: [...state.links, { id, kind, fromFactId, toFactId }] };
    }
    default:
      return assertNever(event);
  }
}

function count<K extends string>(keys: readonly (K | null)[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const key of keys) if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

export function summarise(state: FullReplayState): ReplaySummary {
  return {
    title: state.title,
    reports: state.reports.length,
    facts: state.facts.length,
    retracted: state.facts.filter((fact) => fact.status === 'retracted').length,
    corrected: state.facts.filter((fact) => fact.corrected).length,
    links: count(state.links.map((link) => link.kind)),
    verdicts: count(state.facts.map((fact) => fact.verdict)),
    outlets: [...new Set(state.reports.map((report) => report.outlet ?? 'unknown outlet'))],
  };
}
