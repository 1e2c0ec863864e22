import type { EventStore, NewEvent } from '@storyline/event-store';
import { EXTRACTOR, linkMatchKeys, proposeLinks, type LinkableFact, type RelationCache } from '@storyline/extraction';
import { nameBasedId, SCHEMA_VERSIONS, storyStream, type LinkProposed, type StorylineEventType } from '@storyline/story-events';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, Projection } from '../runtime/projection';

/** Proposals below this score are noise to an analyst; above it, worth a look. */
export const PROPOSAL_MIN_SCORE = 0.5;
/** At most this many proposals for one new fact, the best first. */
export const PROPOSALS_PER_FACT = 3;
/** At most this many earlier facts are compared with one new fact: those sharing the most keys. */
export const CANDIDATES_PER_FACT = 200;
/**
 * Under each key, only the latest this many facts are counted: a name or a number is under few
 * facts and all of them count, a word common in the story under thousands, of which the latest
 * count. Keeps a fact's cost flat however long the story grows.
 */
export const LATEST_PER_KEY = 100;

const HANDLES = ['FactReported', 'FactAmended', 'FactCorrected', 'FactRetracted', 'LinkProposed', 'LinkProposalResolved'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

const proposalId = (fromFactId: string, toFactId: string, kind: string): string => nameBasedId(`link-proposal:${fromFactId}:${toFactId}:${kind}`);

interface CandidateRow {
  fact_id: string;
  report_id: string;
  statement: string;
  entities: string[];
  modality: string;
}

/**
 * Proposes links off the write path. It follows the log like a projection (its index and
 * checkpoint commit together), and for each reported fact compares it with the earlier facts
 * of its story that share an entity, actor or content word with it (at most
 * {@link CANDIDATES_PER_FACT}, the most shared first, counted over the latest
 * {@link LATEST_PER_KEY} facts under each key), never with every earlier fact. It
 * appends the proposals to the story's stream with the FactReported event as their
 * causation, under event ids derived from that event: replaying after a crash appends
 * nothing twice.
 */
export class LinkProposer implements Projection<Handled> {
  readonly name = 'link-proposer';
  readonly tables = ['link_candidates', 'link_candidate_keys', 'link_proposals'];
  readonly handles = HANDLES;
  private readonly relations: RelationCache = new LRUCache({ max: 20_000 });

  constructor(private readonly store: EventStore) {}

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    // Proposals further on in this batch (a log written before the reactor existed carries them
    // right after their facts) are not proposed again.
    const ahead = new Set(events.flatMap((event) => (event.type === 'LinkProposed' ? [event.data.linkId] : [])));
    for (const event of events) {
      switch (event.type) {
        case 'FactReported':
          await this.propose(event, manager, ahead);
          break;
        case 'LinkProposed':
          await this.record(manager, event.data, event.position);
          break;
        case 'LinkProposalResolved':
          await manager.query('UPDATE link_proposals SET status = $2 WHERE link_id = $1', [event.data.linkId, event.data.decision]);
          break;
        case 'FactAmended':
        case 'FactCorrected':
          await this.change(event.data.factId, event.data.changes, manager);
          break;
        case 'FactRetracted':
          await manager.query('UPDATE link_candidates SET retracted = true WHERE fact_id = $1', [event.data.factId]);
          break;
        default: {
          const unhandled: never = event;
          throw new Error(`link-proposer: unexpected ${(unhandled as { type: string }).type}`);
        }
      }
    }
  }

  private async propose(event: HandledEvent<'FactReported'>, manager: EntityManager, ahead: ReadonlySet<string>): Promise<void> {
    const { storyId, factId, reportId, statement, modality } = event.data;
    const fact: LinkableFact = { id: factId, reportId, statement, entities: event.data.entities.map((entity) => entity.name), modality };
    const keys = linkMatchKeys(fact, this.relations);
    const earlier = await this.candidates(manager, storyId, reportId, keys);
    const proposals = await this.unproposed(manager, this.choose(fact, earlier, storyId), ahead);
    if (proposals.length > 0) {
      const appended = await this.store.appendToStream(storyStream(storyId), proposals.map((proposal) => asNewEvent(proposal, event)), 'any');
      // In the queue as soon as this batch commits, rather than once the reactor reads them back.
      for (const [index, proposal] of proposals.entries()) await this.record(manager, proposal.data, appended.positions[index] ?? appended.position);
    }
    await manager.query(
      `INSERT INTO link_candidates (fact_id, story_id, report_id, statement, entities, modality, position)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) ON CONFLICT (fact_id) DO NOTHING`,
      [factId, storyId, reportId, statement, JSON.stringify(fact.entities), modality, event.position.toString()],
    );
    await this.index(manager, storyId, factId, keys, event.position);
  }

  private async candidates(manager: EntityManager, storyId: string, reportId: string, keys: readonly string[]): Promise<LinkableFact[]> {
    if (keys.length === 0) return [];
    const rows: CandidateRow[] = await manager.query(
      `SELECT c.fact_id, c.report_id, c.statement, c.entities, c.modality
         FROM (SELECT latest.fact_id, count(*) AS shared
                 FROM unnest($2::text[]) AS wanted(key)
                 CROSS JOIN LATERAL (SELECT fact_id FROM link_candidate_keys
                                      WHERE story_id = $1 AND key = wanted.key ORDER BY position DESC LIMIT ${LATEST_PER_KEY}) AS latest
                GROUP BY latest.fact_id) k
         JOIN link_candidates c ON c.fact_id = k.fact_id
        WHERE NOT c.retracted AND c.report_id <> $3
        ORDER BY k.shared DESC, c.position DESC
        LIMIT ${CANDIDATES_PER_FACT}`,
      [storyId, keys, reportId],
    );
    return rows.map((row) => ({ id: row.fact_id, reportId: row.report_id, statement: row.statement, entities: row.entities, modality: row.modality }));
  }

  private choose(fact: LinkableFact, earlier: readonly LinkableFact[], storyId: string): LinkProposed[] {
    if (earlier.length === 0) return [];
    return proposeLinks([fact], earlier, this.relations)
      .filter((candidate) => candidate.score >= PROPOSAL_MIN_SCORE)
      .sort((a, b) => b.score - a.score || a.toFactId.localeCompare(b.toFactId))
      .slice(0, PROPOSALS_PER_FACT)
      .map((candidate) => ({
        type: 'LinkProposed',
        data: {
          storyId,
          linkId: proposalId(candidate.fromFactId, candidate.toFactId, candidate.kind),
          fromFactId: candidate.fromFactId,
          toFactId: candidate.toFactId,
          kind: candidate.kind,
          score: Math.round(candidate.score * 1000) / 1000,
          reason: candidate.reason,
          proposedBy: `${EXTRACTOR.name} ${EXTRACTOR.version}`,
        },
      }));
  }

  /** Drops proposals already made (the same link id: the same facts and kind). */
  private async unproposed(manager: EntityManager, proposals: LinkProposed[], ahead: ReadonlySet<string>): Promise<LinkProposed[]> {
    const fresh = proposals.filter((proposal) => !ahead.has(proposal.data.linkId));
    if (fresh.length === 0) return fresh;
    const known: { link_id: string }[] = await manager.query('SELECT link_id FROM link_proposals WHERE link_id = ANY($1::uuid[])', [fresh.map((proposal) => proposal.data.linkId)]);
    const taken = new Set(known.map((row) => row.link_id));
    return fresh.filter((proposal) => !taken.has(proposal.data.linkId));
  }

  private async record(manager: EntityManager, data: LinkProposed['data'], position: bigint): Promise<void> {
    await manager.query(
      `INSERT INTO link_proposals (link_id, story_id, from_fact_id, to_fact_id, kind, score, reason, status, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8) ON CONFLICT (link_id) DO NOTHING`,
      [data.linkId, data.storyId, data.fromFactId, data.toFactId, data.kind, data.score, data.reason, position.toString()],
    );
  }

  /** An amendment or correction changes what the fact is matched and compared by from now on. */
  private async change(factId: string, changes: { statement?: string; modality?: string }, manager: EntityManager): Promise<void> {
    if (changes.statement === undefined && changes.modality === undefined) return;
    const [row]: (CandidateRow & { story_id: string; position: string })[] = await manager.query(
      'SELECT fact_id, story_id, report_id, statement, entities, modality, position::text AS position FROM link_candidates WHERE fact_id = $1',
      [factId],
    );
    if (!row) return;
    const statement = changes.statement ?? row.statement;
    const modality = changes.modality ?? row.modality;
    await manager.query('UPDATE link_candidates SET statement = $2, modality = $3 WHERE fact_id = $1', [factId, statement, modality]);
    if (changes.statement === undefined) return;
    await manager.query('DELETE FROM link_candidate_keys WHERE fact_id = $1', [factId]);
    // A changed fact keeps its place among the latest under each key: its position is the report's.
    await this.index(manager, row.story_id, factId, linkMatchKeys({ id: factId, reportId: row.report_id, statement, entities: row.entities }, this.relations), BigInt(row.position));
  }

  private async index(manager: EntityManager, storyId: string, factId: string, keys: readonly string[], position: bigint): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO link_candidate_keys (story_id, key, fact_id, position) SELECT $1, key, $3, $4 FROM unnest($2::text[]) AS key ON CONFLICT DO NOTHING`,
      [storyId, [...new Set(keys)], factId, position.toString()],
    );
  }
}

/** The proposal as an event to append: its id derived from the fact's event, so a replay appends it once. */
function asNewEvent(proposal: LinkProposed, cause: HandledEvent<'FactReported'>): NewEvent {
  return {
    eventId: nameBasedId(`link-proposed:${cause.eventId}:${proposal.data.linkId}`),
    type: proposal.type,
    schemaVersion: SCHEMA_VERSIONS[proposal.type],
    data: proposal.data,
    metadata: {
      actor: 'system:link-proposer',
      correlationId: cause.metadata.correlationId,
      causationId: cause.eventId,
      extractor: `${EXTRACTOR.name} ${EXTRACTOR.version}`,
    },
  };
}
