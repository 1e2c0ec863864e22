import type { Verdict } from '@storyline/story-events';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AsOf, Clock } from '@storyline/story-events';
import { FactLinkRow, FactVerdictRow } from '../schema/fact-link.entity';
import { FactVersionRow } from '../schema/fact-version.entity';
import { foldFact, type FactState } from './fact-state';

/** Which facts a read concerns: a whole story's, or a few by id. Story first keeps its cost with the story. */
/** One story's facts, the facts of several stories (a story's homes, see membership.reader.ts), or some facts. */
export type FactScope = { readonly storyId: string } | { readonly storyIds: readonly string[] } | { readonly factIds: readonly string[] };

/** A fact as a view shows it, with the latest verdict the view may see. */
export interface FactView extends FactState {
  readonly verdict?: Verdict;
}

/** The versions, links and verdicts of the scope that a view may see, each in log order. */
export interface FactHistory {
  readonly versions: FactVersionRow[];
  readonly links: FactLinkRow[];
  readonly verdicts: FactVerdictRow[];
}

export const clockOf = (view: AsOf): Clock => view.clock ?? 'reported';

/**
 * Reads what the view may see. Versions count on the view's clock (on the reported clock,
 * from their effective time); links and verdicts exist on the recorded clock only, so an
 * `asOf` on either clock admits only those recorded by then: no later knowledge leaks in.
 */
export async function readFactHistory(manager: EntityManager, scope: FactScope, view: AsOf, position: bigint): Promise<FactHistory> {
  const versions = manager.getRepository(FactVersionRow).createQueryBuilder('version');
  scoped(versions, 'version', scope, 'factId');
  const links = manager.getRepository(FactLinkRow).createQueryBuilder('link');
  if ('storyId' in scope) links.where('link.storyId = :storyId', { storyId: scope.storyId });
  else if ('storyIds' in scope) links.where('link.storyId IN (:...storyIds)', { storyIds: nonEmpty(scope.storyIds) });
  else links.where('(link.fromFactId IN (:...factIds) OR link.toFactId IN (:...factIds))', { factIds: nonEmpty(scope.factIds) });
  const verdicts = manager.getRepository(FactVerdictRow).createQueryBuilder('verdict');
  scoped(verdicts, 'verdict', scope, 'factId');
  return {
    versions: await versionsInView(versions, view, position).orderBy('version.position', 'ASC').getMany(),
    links: await recordedInView(links, 'link', view, position).orderBy('link.position', 'ASC').getMany(),
    verdicts: await recordedInView(verdicts, 'verdict', view, position).orderBy('verdict.position', 'ASC').getMany(),
  };
}

/** Each fact the history shows, folded on the view's clock, with its latest verdict. */
export function factViews(history: FactHistory, clock: Clock): Map<string, FactView> {
  const byFact = new Map<string, FactVersionRow[]>();
  for (const version of history.versions) {
    const versions = byFact.get(version.factId);
    if (versions) versions.push(version);
    else byFact.set(version.factId, [version]);
  }
  const verdicts = new Map(history.verdicts.map((row) => [row.factId, row.verdict]));
  const views = new Map<string, FactView>();
  for (const [factId, versions] of byFact) {
    const state = foldFact(versions, clock);
    if (!state) continue;
    const verdict = verdicts.get(factId);
    views.set(factId, verdict === undefined ? state : { ...state, verdict });
  }
  return views;
}

function scoped<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, scope: FactScope, factColumn: string): void {
  if ('storyId' in scope) query.where(`${alias}.storyId = :storyId`, { storyId: scope.storyId });
  else if ('storyIds' in scope) query.where(`${alias}.storyId IN (:...storyIds)`, { storyIds: nonEmpty(scope.storyIds) });
  else query.where(`${alias}.${factColumn} IN (:...factIds)`, { factIds: nonEmpty(scope.factIds) });
}

/** `IN ()` is not SQL; an id no fact has matches nothing instead. */
const nonEmpty = (ids: readonly string[]): readonly string[] => (ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);

function versionsInView(query: SelectQueryBuilder<FactVersionRow>, view: AsOf, position: bigint): SelectQueryBuilder<FactVersionRow> {
  query.andWhere('version.position <= :position', { position: position.toString() });
  if (view.asOf === undefined) return query;
  const column = clockOf(view) === 'reported' ? 'effectiveAt' : 'recordedAt';
  return query.andWhere(`version.${column} <= :asOf`, { asOf: view.asOf });
}

function recordedInView<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, view: AsOf, position: bigint): SelectQueryBuilder<T> {
  query.andWhere(`${alias}.position <= :position`, { position: position.toString() });
  if (view.asOf === undefined) return query;
  return query.andWhere(`${alias}.recordedAt <= :asOf`, { asOf: view.asOf });
}
