import { DomainError, invalid, type FactChanges } from '@storyline/story-events';
import type { StoredFact, StoryState } from './story-state';

/*
 * Checks more than one fact command makes on a story's state. Pure, like the deciders that
 * call them.
 */

/** Who a fact change is about: a fact command always names the story and the fact. */
export interface OnFact {
  readonly storyId: string;
  readonly factId: string;
}

export function requireOpened(state: StoryState, storyId: string): void {
  if (!state.opened) throw new DomainError('STORY.NOT_FOUND', `story ${storyId} does not exist`, 'story');
}

export function knownFact(state: StoryState, factId: string, field = 'fact'): StoredFact {
  const fact = state.facts.get(factId);
  if (!fact) throw new DomainError('FACT.NOT_FOUND', `fact ${factId} is not in this story`, field);
  return fact;
}

/** A fact that may still change: known, and not retracted. */
export function liveFact(state: StoryState, factId: string, field = 'fact'): StoredFact {
  const fact = knownFact(state, factId, field);
  if (fact.retracted) throw new DomainError('FACT.RETRACTED', `fact ${factId} was retracted; record a new fact instead`, field);
  return fact;
}

export function checkEvidence(state: StoryState, fact: StoredFact, changes: FactChanges): void {
  if (!changes.evidence) return;
  const length = state.reports.get(fact.reportId)?.textLength ?? 0;
  if (changes.evidence.end > length) throw invalid('changes.evidence.end', `must be at most ${length} (the report text's length), got ${changes.evidence.end}`);
  if (changes.evidence.end <= changes.evidence.start) throw invalid('changes.evidence.end', `must be greater than start (${changes.evidence.start})`);
}

export function checkReport(state: StoryState, reportId: string | null): void {
  if (reportId !== null && !state.reports.has(reportId)) throw new DomainError('REPORT.NOT_FOUND', `report ${reportId} is not in this story`, 'reportId');
}

export function notBeforeReport(state: StoryState, fact: StoredFact, at: string, field: string): void {
  const publishedAt = state.reports.get(fact.reportId)?.publishedAt;
  if (publishedAt && at < publishedAt) throw invalid(field, `must not be before the fact's report was published (${publishedAt})`);
}
