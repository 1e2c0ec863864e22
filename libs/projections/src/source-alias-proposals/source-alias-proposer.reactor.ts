import type { EventStore, NewEvent } from '@storyline/event-store';
import { SOURCE_ALIAS_RULES, sourceAliasCandidates, sourceNameKey, sourceNameShape, type KnownSourceName, type SourceAliasCandidate, type SourceNameShape } from '@storyline/extraction';
import { nameBasedId, SCHEMA_VERSIONS, storyStream, type SourceAliasProposed, type StorylineEventType } from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, Projection } from '../runtime/projection';

const HANDLES = ['FactReported', 'FactAmended', 'FactCorrected', 'SourceAliasProposed', 'SourceAliasProposalResolved'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];
/** The event that credits a fact to a name: as reported, or as amended or corrected. */
type CausingEvent = HandledEvent<'FactReported' | 'FactAmended' | 'FactCorrected'>;

export const SOURCE_ALIAS_RULES_NAME = `${SOURCE_ALIAS_RULES.name} ${SOURCE_ALIAS_RULES.version}`;

/** One proposal per story and pair of names, however often the pair comes up again. */
export const sourceAliasProposalId = (storyId: string, aliasKey: string, canonicalKey: string): string =>
  nameBasedId(`source-alias-proposal:${storyId}:${aliasKey}:${canonicalKey}`);

/** What a name is matched by: the surname of a person's name, the group of an anonymous one. */
function matchKeyOf(shape: SourceNameShape): string | null {
  switch (shape.kind) {
    case 'full-name':
    case 'surname':
      return `person:${shape.surname}`;
    case 'anonymous':
      return `anonymous:${shape.group}`;
    default:
      return null;
  }
}

/**
 * Proposes source aliases across a story's reports off the write path. It follows the log
 * like a projection (its names and checkpoint commit together); for each fact credited (when
 * reported, or by an amendment or correction) to a name the story has not credited before (titles, case and punctuation set aside: those are
 * the same source already), it compares that name with the story's earlier names of the same
 * surname or anonymous group, by the rules of `sourceAliasCandidates` (libs/extraction), and
 * appends a `SourceAliasProposed` to the story's stream for each pair not proposed before,
 * with the crediting event as its causation and an event id derived from it: replaying
 * after a crash appends nothing twice.
 */
export class SourceAliasProposer implements Projection<Handled> {
  readonly name = 'source-alias-proposer';
  readonly tables = ['source_alias_names', 'source_alias_proposals'];
  readonly handles = HANDLES;

  constructor(private readonly store: EventStore) {}

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    const ahead = new Set(events.flatMap((event) => (event.type === 'SourceAliasProposed' ? [event.data.proposalId] : [])));
    for (const event of events) {
      switch (event.type) {
        case 'FactReported':
          await this.propose(event, event.data.attributedTo, manager, ahead);
          break;
        case 'FactAmended':
        case 'FactCorrected':
          // A fact credited to someone else now brings that name into the story.
          if (event.data.changes.attributedTo) await this.propose(event, event.data.changes.attributedTo, manager, ahead);
          break;
        case 'SourceAliasProposed':
          await record(manager, event.data, event.position);
          break;
        case 'SourceAliasProposalResolved':
          await manager.query('UPDATE source_alias_proposals SET status = $2 WHERE proposal_id = $1', [event.data.proposalId, event.data.decision]);
          break;
        default: {
          const unhandled: never = event;
          throw new Error(`source-alias-proposer: unexpected ${(unhandled as { type: string }).type}`);
        }
      }
    }
  }

  private async propose(event: CausingEvent, credited: string | null, manager: EntityManager, ahead: ReadonlySet<string>): Promise<void> {
    const { storyId, factId } = event.data;
    const name = credited?.trim();
    if (!name) return;
    const shape = sourceNameShape(name, entityTypeOf(event, name));
    if (shape.key === '') return;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO source_alias_names (story_id, name_key, name, entity_type, match_key, fact_id, position) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (story_id, name_key) DO NOTHING RETURNING name_key`,
      [storyId, shape.key, name, entityTypeOf(event, name) ?? null, matchKeyOf(shape), factId, event.position.toString()],
    );
    const matchKey = matchKeyOf(shape);
    if (inserted.length === 0 || matchKey === null) return;
    const rows: { name: string; fact_id: string; entity_type: string | null }[] = await manager.query(
      'SELECT name, fact_id, entity_type FROM source_alias_names WHERE story_id = $1 AND match_key = $2 AND name_key <> $3 ORDER BY position',
      [storyId, matchKey, shape.key],
    );
    const known: KnownSourceName[] = rows.map((row) => ({ name: row.name, shape: sourceNameShape(row.name, row.entity_type ?? undefined), factId: row.fact_id }));
    const proposals = await fresh(manager, sourceAliasCandidates({ name, shape, factId }, known).map((found) => proposal(storyId, found)), ahead);
    if (proposals.length === 0) return;
    const appended = await this.store.appendToStream(storyStream(storyId), proposals.map((proposed) => asNewEvent(proposed, event)), 'any');
    // In the queue as soon as this batch commits, rather than once the reactor reads them back.
    for (const [index, proposed] of proposals.entries()) await record(manager, proposed.data, appended.positions[index] ?? appended.position);
  }
}

/** What the extractor took the credited name for, when the fact names it as an entity. */
function entityTypeOf(event: CausingEvent, name: string): string | undefined {
  if (event.type !== 'FactReported') return undefined;
  const key = sourceNameKey(name);
  return event.data.entities.find((entity) => sourceNameKey(entity.name) === key || sourceNameKey(entity.text) === key)?.type;
}

function proposal(storyId: string, found: SourceAliasCandidate): SourceAliasProposed {
  return {
    type: 'SourceAliasProposed',
    data: {
      storyId,
      proposalId: sourceAliasProposalId(storyId, found.alias.shape.key, found.canonical.shape.key),
      alias: found.alias.name,
      canonical: found.canonical.name,
      rule: found.rule,
      rules: SOURCE_ALIAS_RULES_NAME,
      score: found.score,
      evidenceFactIds: [...new Set([found.alias.factId, found.canonical.factId])],
    },
  };
}

/** Drops proposals already made (the same story and pair of names). */
async function fresh(manager: EntityManager, proposals: SourceAliasProposed[], ahead: ReadonlySet<string>): Promise<SourceAliasProposed[]> {
  const unseen = proposals.filter((proposed) => !ahead.has(proposed.data.proposalId));
  if (unseen.length === 0) return unseen;
  const known: { proposal_id: string }[] = await manager.query('SELECT proposal_id FROM source_alias_proposals WHERE proposal_id = ANY($1::uuid[])', [
    unseen.map((proposed) => proposed.data.proposalId),
  ]);
  const taken = new Set(known.map((row) => row.proposal_id));
  return unseen.filter((proposed) => !taken.has(proposed.data.proposalId));
}

async function record(manager: EntityManager, data: SourceAliasProposed['data'], position: bigint): Promise<void> {
  await manager.query(
    `INSERT INTO source_alias_proposals (proposal_id, story_id, alias, canonical, rule, rules, score, evidence_fact_ids, status, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], 'proposed', $9) ON CONFLICT (proposal_id) DO NOTHING`,
    [data.proposalId, data.storyId, data.alias, data.canonical, data.rule, data.rules, data.score, data.evidenceFactIds, position.toString()],
  );
}

/** The proposal as an event to append: its id derived from the fact's event, so a replay appends it once. */
function asNewEvent(proposed: SourceAliasProposed, cause: CausingEvent): NewEvent {
  return {
    eventId: nameBasedId(`source-alias-proposed:${cause.eventId}:${proposed.data.proposalId}`),
    type: proposed.type,
    schemaVersion: SCHEMA_VERSIONS[proposed.type],
    data: proposed.data,
    metadata: {
      actor: 'system:source-alias-proposer',
      correlationId: cause.metadata.correlationId,
      causationId: cause.eventId,
      rules: SOURCE_ALIAS_RULES_NAME,
    },
  };
}
