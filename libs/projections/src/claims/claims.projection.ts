import { bestClaimFor, CLAIMS_RULES_VERSION, claimKeysOf, DEFAULT_GROUPING, occurredDayOf, signatureOf, type ClaimCandidate, type ClaimJoin } from '@storyline/claims';
import { assertNever, type FactReported, type FactsLinked, type ReportIngested, type StorylineEventType } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, ProjectedEvent, Projection } from '../runtime/projection';
import { timestampOrNull } from '../runtime/sql';
import { saveFactChange } from './claim-changes';
import { outletLabel } from './outlet-label';
import { saveReportDays } from './report-days';

const HANDLES = ['ReportIngested', 'FactReported', 'FactsLinked', 'FactAmended', 'FactCorrected', 'FactRetracted'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

interface ClaimReport {
  readonly outlet: string;
  readonly reportedAt: Date | null;
}

/**
 * Groups each story's facts into claims with libs/claims's rules, one fact at a time in log
 * order, as {@link ClaimIndex} would: a new fact is compared with the latest claims under each
 * of its index keys (`claim_keys`), read from the tables in the same transaction, so nothing
 * is kept in memory between batches and a restart or a rebuild continues exactly where the
 * checkpoint stands. Each member keeps the rule and score that placed it and the extractor
 * that found it; `contradicts` links are kept for the reader to show between claims, and
 * amendments, corrections and retractions for it to apply as of the view (`claim-changes.ts`).
 */
export class ClaimsProjection implements Projection<Handled> {
  readonly name = 'claims';
  readonly tables = ['claims', 'claim_keys', 'claim_members', 'claim_reports', 'claim_contradictions', 'claim_report_days', 'claim_fact_changes'];
  readonly handles = HANDLES;

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    const reports = new Map<string, ClaimReport>();
    for (const event of events) {
      switch (event.type) {
        case 'ReportIngested':
          reports.set(event.data.reportId, await saveReport(manager, event));
          break;
        case 'FactReported':
          await addFact(manager, event, reports.get(event.data.reportId) ?? (await storedReport(manager, event.data.reportId, event.data.factId)));
          break;
        case 'FactsLinked':
          if (event.data.kind === 'contradicts') await saveContradiction(manager, event);
          break;
        case 'FactAmended':
        case 'FactCorrected':
        case 'FactRetracted':
          await saveFactChange(manager, event);
          break;
        default:
          assertNever(event);
      }
    }
  }
}

async function saveReport(manager: EntityManager, event: ProjectedEvent<ReportIngested>): Promise<ClaimReport> {
  const { reportId, storyId, outlet, dateline, publishedAt } = event.data;
  const report = { outlet: outletLabel(outlet, dateline), reportedAt: timestampOrNull(publishedAt, 'publishedAt') };
  await manager.query(
    'INSERT INTO claim_reports (report_id, story_id, outlet, reported_at, position) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (report_id) DO NOTHING',
    [reportId, storyId, report.outlet, report.reportedAt, event.position.toString()],
  );
  await saveReportDays(manager, event, report.outlet, report.reportedAt);
  return report;
}

async function storedReport(manager: EntityManager, reportId: string, factId: string): Promise<ClaimReport> {
  const rows: { outlet: string; reported_at: Date | null }[] = await manager.query('SELECT outlet, reported_at FROM claim_reports WHERE report_id = $1', [reportId]);
  if (rows.length === 0) throw new Error(`fact ${factId} names report ${reportId}, which was never ingested`);
  return { outlet: rows[0].outlet, reportedAt: rows[0].reported_at };
}

async function addFact(manager: EntityManager, event: ProjectedEvent<FactReported>, report: ClaimReport): Promise<void> {
  const { factId, storyId, statement, entities } = event.data;
  const signature = signatureOf(statement, entities.map((entity) => entity.name));
  const day = occurredDayOf(event.data);
  const keys = claimKeysOf(signature);
  const join: ClaimJoin = bestClaimFor(signature, day, await candidates(manager, storyId, keys), DEFAULT_GROUPING) ?? {
    claimId: factId,
    founded: true,
    rule: 'founds-claim',
    score: 1,
  };
  const position = event.position.toString();
  if (join.founded) {
    await manager.query(
      'INSERT INTO claims (claim_id, story_id, statement, words, entities, occurred_day, position) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [factId, storyId, statement, [...signature.words], [...signature.entities], day, position],
    );
    if (keys.length > 0) {
      await manager.query(
        'INSERT INTO claim_keys (claim_id, key, story_id, position) SELECT $1, key, $2, $3 FROM unnest($4::text[]) AS key ON CONFLICT DO NOTHING',
        [factId, storyId, position, keys],
      );
    }
  }
  await manager.query(
    `INSERT INTO claim_members (fact_id, claim_id, story_id, report_id, outlet, statement, rule, score, occurred_day, extractor, reported_at, recorded_at, position, rules_name, rules_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      factId, join.claimId, storyId, event.data.reportId, report.outlet, statement, join.rule, join.score, day, extractorOf(event), report.reportedAt, event.recordedAt, position,
      CLAIMS_RULES_VERSION.name, CLAIMS_RULES_VERSION.version,
    ],
  );
}

/** The latest claims under each key (as many as the grouping compares), with what a fact is compared with. */
async function candidates(manager: EntityManager, storyId: string, keys: readonly string[]): Promise<ClaimCandidate[]> {
  if (keys.length === 0) return [];
  const rows: { claim_id: string; position: string; words: string[]; entities: string[]; occurred_day: string | null }[] = await manager.query(
    `SELECT claim_id, position::text AS position, words, entities, occurred_day FROM claims
      WHERE claim_id IN (
        SELECT latest.claim_id FROM unnest($2::text[]) AS wanted(key)
          CROSS JOIN LATERAL (SELECT claim_id FROM claim_keys WHERE story_id = $1 AND key = wanted.key ORDER BY position DESC LIMIT $3) AS latest)`,
    [storyId, keys, DEFAULT_GROUPING.candidatesPerKey],
  );
  return rows.map((row) => ({
    id: row.claim_id,
    sequence: BigInt(row.position),
    signature: { words: new Set(row.words), entities: new Set(row.entities) },
    day: row.occurred_day,
  }));
}

async function saveContradiction(manager: EntityManager, event: ProjectedEvent<FactsLinked>): Promise<void> {
  const { linkId, storyId, fromFactId, toFactId } = event.data;
  await manager.query(
    'INSERT INTO claim_contradictions (link_id, story_id, from_fact_id, to_fact_id, recorded_at, position) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (link_id) DO NOTHING',
    [linkId, storyId, fromFactId, toFactId, event.recordedAt, event.position.toString()],
  );
}

/** "name version" of the extractor that found the fact, as its event's metadata records it; null for facts sent with the report. */
function extractorOf(event: ProjectedEvent): string | null {
  const extractor = event.metadata.extractor as { name?: unknown; version?: unknown } | undefined;
  if (!extractor || typeof extractor.name !== 'string') return null;
  return typeof extractor.version === 'string' ? `${extractor.name} ${extractor.version}` : extractor.name;
}
