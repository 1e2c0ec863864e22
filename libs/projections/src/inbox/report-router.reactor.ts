import type { EventStore, NewEvent, StoredEvent } from '@storyline/event-store';
import { DEFAULT_INBOX_POLICY, ROUTER_VERSION, Router, type ExtractedReportLike, type InboxPolicy, type ReportFeatures, type RouterSnapshot, type StoryProfileSnapshot } from '@storyline/routing';
import {
  INBOX_STREAM_PREFIX,
  inboxStream,
  nameBasedId,
  SCHEMA_VERSIONS,
  storyForInboxReport,
  storyStream,
  toDomainEvent,
  type InboxEvent,
  type ReportMoved,
  type ReportRouted,
  type StoryEvent,
  type StorylineEventType,
} from '@storyline/story-events';
import type { EntityManager } from 'typeorm';
import type { HandledEvent, Projection } from '../runtime/projection';

const HANDLES = ['ReportIngested', 'FactReported', 'ReportRouted', 'RoutingAccepted', 'RoutingRejected', 'InboxPolicySet', 'ReportMoved', 'ReportsSplit', 'StoryMerged'] as const satisfies readonly StorylineEventType[];
type Handled = (typeof HANDLES)[number];

/** The actor of the events the router appends. */
export const ROUTER_ACTOR = 'system:router';
/** Merging stories is an analyst's call here: the router proposes none at once. */
const NO_AUTO_MERGE = 2;
/** The first read for a report's facts when its batch does not hold them all; doubled until they are found. */
const FACTS_FIRST_READ = 32;

/** The router and what changed in it during one batch, to be written back to its tables. */
interface Session {
  readonly router: Router;
  readonly generation: bigint;
  readonly before: ReturnType<Router['counters']>;
  readonly features: Set<string>;
  readonly stories: Set<string>;
  readonly policies: Map<string, InboxPolicy>;
  /** Appends owed for this batch, made together (the store commits them as a group) before it commits. */
  readonly appends: Array<() => Promise<unknown>>;
  /** Rows owed to `inbox_reports` and `routing_report_features`, written with one statement each. */
  readonly routed: unknown[];
  readonly pendingFeatures: Map<string, { report_id: string; story_id: string | null; features: ReportFeatures }>;
}

type FactEvent = HandledEvent<'FactReported'>;

/**
 * Routes the reports sent to inboxes, off the write path. It follows the log like a
 * projection (its tables and checkpoint commit together) and keeps the router's state in
 * tables: every report's features count in the document frequencies, and each report that
 * joins a story (routed, accepted, ingested into it directly, moved or split into it) adds to
 * that story's profile. For a report in an inbox it appends `ReportRouted` with the ranked
 * proposals, the decision under the inbox's policy and the router's version; a join moves the
 * report out of the inbox (`ReportMoved`), and a new story is opened first (`StoryOpened`).
 * Event ids derive from the report's event, its causation: replaying after a crash appends
 * nothing twice. Decisions are recorded, never recomputed on read.
 */
export class ReportRouter implements Projection<Handled> {
  readonly name = 'report-router';
  readonly tables = ['inbox_policies', 'inbox_reports', 'routing_frequencies', 'routing_profiles', 'routing_report_features', 'routing_state'];
  readonly handles = HANDLES;
  /** The router as its tables were at `generation`: reused while they still are (no other writer moved them). */
  private cached: { router: Router; generation: bigint } | null = null;

  constructor(private readonly store: EventStore) {}

  async apply(events: readonly HandledEvent<Handled>[], manager: EntityManager): Promise<void> {
    const session = await this.session(manager);
    // Until the tables are written and committed, the router in memory is ahead of them.
    this.cached = null;
    for (const [index, event] of events.entries()) {
      switch (event.type) {
        case 'ReportIngested': {
          const facts = await this.factsOf(event, events, index);
          if (event.streamId.startsWith(INBOX_STREAM_PREFIX)) await this.route(event, facts, session, manager);
          else await this.joinDirectly(event, facts, session, manager);
          break;
        }
        case 'FactReported':
          break;
        case 'ReportRouted':
          await this.flushRows(session, manager);
          await manager.query(`UPDATE inbox_reports SET status = $2, story_id = $3, proposals = $4::jsonb, routed_by = $5, auto_join_at = $6 WHERE report_id = $1 AND status = 'unrouted'`, [
            event.data.reportId, event.data.decision, event.data.storyId, JSON.stringify(event.data.proposals), event.data.routedBy, event.data.autoJoinAt,
          ]);
          break;
        case 'RoutingAccepted':
          await this.flushRows(session, manager);
          await manager.query(`UPDATE inbox_reports SET status = 'accepted', story_id = $2 WHERE report_id = $1`, [event.data.reportId, event.data.storyId]);
          break;
        case 'RoutingRejected':
          await this.flushRows(session, manager);
          await manager.query(`UPDATE inbox_reports SET status = 'rejected' WHERE report_id = $1`, [event.data.reportId]);
          break;
        case 'InboxPolicySet':
          session.policies.set(event.data.inboxId, { autoJoinAt: event.data.autoJoinAt, autoOpen: event.data.autoOpen, autoMergeAt: NO_AUTO_MERGE });
          await manager.query(
            `INSERT INTO inbox_policies (inbox_id, name, auto_join_at, auto_open, position) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (inbox_id) DO UPDATE SET name = EXCLUDED.name, auto_join_at = EXCLUDED.auto_join_at, auto_open = EXCLUDED.auto_open, position = EXCLUDED.position`,
            [event.data.inboxId, event.data.name, event.data.autoJoinAt, event.data.autoOpen, event.position.toString()],
          );
          break;
        case 'ReportMoved':
          // The router's own moves were folded when it routed the report.
          if (event.metadata.actor !== ROUTER_ACTOR) await this.move(session, manager, [event.data.reportId], event.data.storyId, event.data.toStoryId);
          break;
        case 'ReportsSplit':
          await this.move(session, manager, event.data.reportIds, event.data.fromStoryId, event.data.storyId);
          break;
        case 'StoryMerged':
          await this.merge(session, manager, event.data.storyId, event.data.intoStoryId);
          break;
        default: {
          const unhandled: never = event;
          throw new Error(`report-router: unexpected ${(unhandled as { type: string }).type}`);
        }
      }
    }
    await Promise.all(session.appends.map((append) => append()));
    await this.flushRows(session, manager);
    await this.save(session, manager);
    this.cached = { router: session.router, generation: session.generation + 1n };
  }

  private async route(event: HandledEvent<'ReportIngested'>, facts: readonly FactEvent[], session: Session, manager: EntityManager): Promise<void> {
    const { reportId, storyId: inboxId, headline, outlet, publishedAt } = event.data;
    const { router } = session;
    const features = this.features(event, facts, router);
    const policy = await this.policy(session, manager, inboxId);
    const decision = router.propose(features, policy);
    this.observe(session, features);
    const story = decision.outcome.kind === 'open' ? storyForInboxReport(reportId, headline) : null;
    const storyId = decision.outcome.kind === 'join' ? decision.outcome.storyId : (story?.storyId ?? null);
    if (storyId !== null) {
      router.join(storyId, features);
      session.stories.add(storyId);
    }
    const routed: ReportRouted = {
      type: 'ReportRouted',
      data: {
        inboxId,
        reportId,
        proposals: decision.proposals.map((proposal) => ({ storyId: proposal.storyId, score: proposal.score, reasons: proposal.reasons })),
        decision: decision.outcome.kind === 'join' ? 'joined' : decision.outcome.kind === 'open' ? 'opened' : 'waiting',
        storyId,
        autoJoinAt: policy.autoJoinAt,
        routedBy: ROUTER_VERSION,
      },
    };
    const moved: ReportMoved | null = storyId === null ? null : { type: 'ReportMoved', data: { storyId: inboxId, reportId, toStoryId: storyId, reason: `routed by ${ROUTER_VERSION}, score ${decision.proposals[0]?.score ?? 0}` } };
    // One append per report (a replay then recognises each), all of the batch's at once; a new story is opened before the report moves into it.
    session.appends.push(async () => {
      if (story) await this.store.appendToStream(storyStream(story.storyId), [caused(event, 'opened', { type: 'StoryOpened', data: story })], 'any');
      await this.store.appendToStream(inboxStream(inboxId), [caused(event, 'routed', routed), ...(moved ? [caused(event, 'moved', moved)] : [])], 'any');
    });
    session.routed.push({
      report_id: reportId,
      inbox_id: inboxId,
      status: routed.data.decision,
      story_id: storyId,
      proposals: routed.data.proposals,
      routed_by: ROUTER_VERSION,
      auto_join_at: policy.autoJoinAt,
      headline,
      outlet,
      published_at: publishedAt,
      position: event.position.toString(),
    });
    this.keepFeatures(session, features, storyId);
  }

  /** A report ingested straight into a story counts in the frequencies and joins that story's profile. */
  private async joinDirectly(event: HandledEvent<'ReportIngested'>, facts: readonly FactEvent[], session: Session, manager: EntityManager): Promise<void> {
    const features = this.features(event, facts, session.router);
    this.observe(session, features);
    session.router.join(event.data.storyId, features);
    session.stories.add(event.data.storyId);
    this.keepFeatures(session, features, event.data.storyId);
  }

  /** Reports leaving one story for another (an analyst's accept or move, a split): out of one profile, into the other. */
  private async move(session: Session, manager: EntityManager, reportIds: readonly string[], fromStoryId: string, toStoryId: string): Promise<void> {
    await this.flushRows(session, manager);
    const rows: { report_id: string; features: ReportFeatures }[] = await manager.query('SELECT report_id, features FROM routing_report_features WHERE report_id = ANY($1::uuid[]) ORDER BY report_id', [reportIds]);
    for (const { features } of rows) {
      if (session.router.hasStory(fromStoryId)) {
        session.router.leave(fromStoryId, features);
        session.stories.add(fromStoryId);
      }
      session.router.join(toStoryId, features);
      session.stories.add(toStoryId);
    }
    await manager.query('UPDATE routing_report_features SET story_id = $2 WHERE report_id = ANY($1::uuid[])', [reportIds, toStoryId]);
  }

  private async merge(session: Session, manager: EntityManager, fromStoryId: string, intoStoryId: string): Promise<void> {
    const { router } = session;
    if (!router.hasStory(fromStoryId)) return;
    await this.flushRows(session, manager);
    router.merge(fromStoryId, intoStoryId);
    session.stories.add(fromStoryId);
    session.stories.add(intoStoryId);
    await manager.query('UPDATE routing_report_features SET story_id = $2 WHERE story_id = $1', [fromStoryId, intoStoryId]);
  }

  /**
   * The report's facts: stored in the same append, right after it, so they follow it in the
   * batch; read from its stream only when the batch ends before they do.
   */
  private async factsOf(event: HandledEvent<'ReportIngested'>, batch: readonly HandledEvent<Handled>[], index: number): Promise<FactEvent[]> {
    const facts: FactEvent[] = [];
    const isFact = (next: HandledEvent<Handled> | StoredEvent | undefined) =>
      next !== undefined && next.type === 'FactReported' && next.streamId === event.streamId && (next.data as { reportId?: string }).reportId === event.data.reportId;
    let at = index + 1;
    for (; at < batch.length && isFact(batch[at]); at++) facts.push(batch[at] as FactEvent);
    if (at < batch.length) return facts;
    for (let count = FACTS_FIRST_READ; ; count *= 2) {
      const after = await this.store.readStream(event.streamId, { fromRevision: event.streamRevision + 1n + BigInt(facts.length), maxCount: count });
      let taken = 0;
      for (const stored of after) {
        if (!isFact(stored)) return facts;
        facts.push({ ...stored, data: toDomainEvent(stored).data } as FactEvent);
        taken += 1;
      }
      if (after.length < count || taken < after.length) return facts;
    }
  }

  /** The report's features: its text, and the entities its facts name; capitalised names stand in when they name none. */
  private features(event: HandledEvent<'ReportIngested'>, facts: readonly FactEvent[], router: Router): ReportFeatures {
    const { reportId, text, outlet, publishedAt } = event.data;
    const mentions = new Map<string, Set<number>>();
    for (const fact of facts) {
      for (const entity of fact.data.entities) {
        const starts = mentions.get(entity.name) ?? new Set<number>();
        mentions.set(entity.name, starts);
        starts.add(entity.start);
      }
    }
    const extracted: ExtractedReportLike | null = mentions.size === 0 ? null : { entities: [...mentions].map(([name, starts]) => ({ name, mentions: [...starts] })) };
    return router.features({ reportId, text, extracted, outlet, publishedAt });
  }

  private observe(session: Session, features: ReportFeatures): void {
    session.router.observe(features);
    for (const [key] of features.entities) session.features.add(`e:${key}`);
    for (const [key] of features.terms) session.features.add(`t:${key}`);
  }

  private async policy(session: Session, manager: EntityManager, inboxId: string): Promise<InboxPolicy> {
    let policy = session.policies.get(inboxId);
    if (!policy) {
      const [row]: { auto_join_at: number; auto_open: boolean }[] = await manager.query('SELECT auto_join_at, auto_open FROM inbox_policies WHERE inbox_id = $1', [inboxId]);
      policy = row ? { autoJoinAt: row.auto_join_at, autoOpen: row.auto_open, autoMergeAt: NO_AUTO_MERGE } : { ...DEFAULT_INBOX_POLICY, autoMergeAt: NO_AUTO_MERGE };
      session.policies.set(inboxId, policy);
    }
    return policy;
  }

  private keepFeatures(session: Session, features: ReportFeatures, storyId: string | null): void {
    session.pendingFeatures.set(features.reportId, { report_id: features.reportId, story_id: storyId, features });
  }

  /** The rows routing and joining owe, before anything in the batch reads them (a move, a merge). */
  private async flushRows(session: Session, manager: EntityManager): Promise<void> {
    if (session.pendingFeatures.size > 0) {
      await manager.query(
        `INSERT INTO routing_report_features (report_id, story_id, features)
         SELECT r.report_id, r.story_id, r.features FROM jsonb_to_recordset($1::jsonb) AS r(report_id uuid, story_id uuid, features jsonb)
         ON CONFLICT (report_id) DO UPDATE SET story_id = EXCLUDED.story_id, features = EXCLUDED.features`,
        [JSON.stringify([...session.pendingFeatures.values()])],
      );
      session.pendingFeatures.clear();
    }
    if (session.routed.length > 0) {
      await manager.query(
        `INSERT INTO inbox_reports (report_id, inbox_id, status, story_id, proposals, routed_by, auto_join_at, headline, outlet, published_at, position)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(report_id uuid, inbox_id uuid, status text, story_id uuid, proposals jsonb, routed_by text,
                auto_join_at double precision, headline text, outlet text, published_at timestamptz, position bigint)
         ON CONFLICT (report_id) DO NOTHING`,
        [JSON.stringify(session.routed)],
      );
      session.routed.length = 0;
    }
  }

  /** The router as of the tables: the one in memory when nothing else wrote them since, else restored from them. */
  private async session(manager: EntityManager): Promise<Session> {
    const [state]: { reports_seen: number; norms_refreshed_at: number; generation: string }[] = await manager.query('SELECT reports_seen, norms_refreshed_at, generation FROM routing_state WHERE router = $1', [ROUTER_VERSION]);
    const generation = BigInt(state?.generation ?? 0);
    let router: Router;
    if (this.cached && this.cached.generation === generation && state) router = this.cached.router;
    else if (!state) router = new Router();
    else {
      const frequencies: { key: string; count: number }[] = await manager.query('SELECT key, count FROM routing_frequencies ORDER BY key');
      const profiles: { profile: Omit<StoryProfileSnapshot, 'norms'>; norms: StoryProfileSnapshot['norms'] }[] = await manager.query('SELECT profile, norms FROM routing_profiles ORDER BY story_id');
      const snapshot: RouterSnapshot = {
        routerVersion: ROUTER_VERSION,
        reportsSeen: state.reports_seen,
        normsRefreshedAt: state.norms_refreshed_at,
        documentFrequencies: frequencies.map((row) => [row.key, row.count] as const),
        stories: profiles.map((row) => ({ ...row.profile, norms: row.norms })),
      };
      router = Router.restore(snapshot);
    }
    return { router, generation, before: router.counters(), features: new Set(), stories: new Set(), policies: new Map(), appends: [], routed: [], pendingFeatures: new Map() };
  }

  /** Writes back what changed: the frequencies of the features seen, the profiles touched (all of them when their lengths were recomputed). */
  private async save(session: Session, manager: EntityManager): Promise<void> {
    const { router, before } = session;
    const after = router.counters();
    if (after.prunes !== before.prunes) {
      await manager.query('DELETE FROM routing_frequencies');
      await this.saveFrequencies(manager, router.documentFrequencies());
    } else if (session.features.size > 0) {
      await this.saveFrequencies(manager, [...session.features].map((key) => [key, router.documentFrequency(key.startsWith('e:') ? 'entity' : 'term', key.slice(2))]));
    }
    // A profile's features are written when they changed; its lengths (small) also when every
    // story's were recomputed, which would otherwise rewrite every profile every few reports.
    const refreshed = after.normsRefreshedAt !== before.normsRefreshedAt;
    const changed = [...session.stories]
      .map((storyId) => router.storySnapshot(storyId))
      .filter((profile) => profile !== null)
      .map(({ norms, ...profile }) => ({ story_id: profile.storyId, profile, norms }));
    const gone = [...session.stories].filter((storyId) => !router.hasStory(storyId));
    if (changed.length > 0) {
      await manager.query(
        `INSERT INTO routing_profiles (story_id, profile, norms) SELECT r.story_id, r.profile, r.norms FROM jsonb_to_recordset($1::jsonb) AS r(story_id uuid, profile jsonb, norms jsonb)
         ON CONFLICT (story_id) DO UPDATE SET profile = EXCLUDED.profile, norms = EXCLUDED.norms`,
        [JSON.stringify(changed)],
      );
    }
    if (refreshed) {
      await manager.query(
        `UPDATE routing_profiles p SET norms = r.norms FROM jsonb_to_recordset($1::jsonb) AS r(story_id uuid, norms jsonb) WHERE p.story_id = r.story_id`,
        [JSON.stringify(router.storyIds().filter((storyId) => !session.stories.has(storyId)).map((storyId) => ({ story_id: storyId, norms: router.storyNorms(storyId) })))],
      );
    }
    if (gone.length > 0) await manager.query('DELETE FROM routing_profiles WHERE story_id = ANY($1::uuid[])', [gone]);
    await manager.query(
      `INSERT INTO routing_state (router, reports_seen, norms_refreshed_at, generation) VALUES ($1, $2, $3, $4)
       ON CONFLICT (router) DO UPDATE SET reports_seen = EXCLUDED.reports_seen, norms_refreshed_at = EXCLUDED.norms_refreshed_at, generation = EXCLUDED.generation`,
      [ROUTER_VERSION, after.reportsSeen, after.normsRefreshedAt, (session.generation + 1n).toString()],
    );
  }

  private async saveFrequencies(manager: EntityManager, entries: ReadonlyArray<readonly [string, number]>): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO routing_frequencies (key, count) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (key) DO UPDATE SET count = EXCLUDED.count`,
      [entries.map(([key]) => key), entries.map(([, count]) => count)],
    );
  }
}

/** An event the router appends because of a report's event: its id derived from that event, so a replay appends it once. */
function caused(cause: StoredEvent, role: string, event: StoryEvent | InboxEvent): NewEvent {
  return {
    eventId: nameBasedId(`report-router:${role}:${cause.eventId}`),
    type: event.type,
    schemaVersion: SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata: { actor: ROUTER_ACTOR, correlationId: cause.metadata.correlationId, causationId: cause.eventId, router: ROUTER_VERSION },
  };
}
