import { randomUUID } from 'node:crypto';
import { inboxIdForName, inboxStream, storyStream, type ReportRouted } from '@storyline/story-events';
import { ProjectionRunner } from '../runtime/projection-runner';
import { projectionHarness, RecordingLogger, type ProjectionHarness } from '../testing/projection-harness';
import { ingestReport, newEvent, openStory, sendToInbox } from '../testing/story-events';
import { ReportRouter, ROUTER_ACTOR } from './report-router.reactor';

// Invented reports: two unrelated stories, told in their own names.
const harbour = (n: number) =>
  `Officials in Port Alder said the Alder Harbour Authority closed the northern quay after storm ${n}. Mayor Ines Calloway and the Alder Harbour Authority met fishermen from Port Alder to discuss repairs to the breakwater and the quay.`;
const election = (n: number) =>
  `Candidates in Veltmark debated taxes on day ${n}. Senator Oskar Brandvold of the Veltmark Unity Party accused Premier Hanna Solberg of raising fuel prices; polls in Veltmark show the Unity Party ahead of the Solberg coalition.`;

describe('ReportRouter (the inbox reactor)', () => {
  let harness: ProjectionHarness;
  let runner: ProjectionRunner;
  const start = (batchSize?: number) => {
    runner = new ProjectionRunner({ dataSource: harness.dataSource, eventStore: harness.store, projections: [new ReportRouter(harness.store)], batchSize, logger: new RecordingLogger() });
    return runner.start();
  };
  const caughtUp = async () => {
    // Twice: the reactor's own appends come after the head it was asked to reach.
    expect(await runner.waitFor(await harness.store.headPosition(), 10_000)).toBe(true);
    expect(await runner.waitFor(await harness.store.headPosition(), 10_000)).toBe(true);
  };
  const inboxEvents = async (inboxId: string) => (await harness.store.readStream(inboxStream(inboxId))).filter((event) => event.type !== 'ReportIngested' && event.type !== 'FactReported');
  const routedOf = async (inboxId: string, reportId: string) =>
    (await inboxEvents(inboxId)).find((event) => event.type === 'ReportRouted' && (event.data as ReportRouted['data']).reportId === reportId)!;
  const setPolicy = (inboxId: string, name: string, autoJoinAt: number, autoOpen: boolean) =>
    harness.store.appendToStream(inboxStream(inboxId), [newEvent({ type: 'InboxPolicySet', data: { inboxId, name, autoJoinAt, autoOpen } })], 'any');

  let harbourStory: string;
  let electionStory: string;
  beforeAll(async () => {
    harness = await projectionHarness();
    harbourStory = await openStory(harness.store, 'harbour');
    electionStory = await openStory(harness.store, 'election');
    for (let n = 1; n <= 3; n++) {
      await ingestReport(harness.store, harbourStory, { text: harbour(n), publishedAt: `2025-03-0${n}T08:00:00.000Z` });
      await ingestReport(harness.store, electionStory, { text: election(n), publishedAt: `2025-03-0${n}T09:00:00.000Z` });
    }
    await start();
  });
  afterAll(async () => {
    await runner.stop();
    await harness.close();
  });

  it('joins a report to the story it matches at once, caused by its event, with the proposals and their reasons', async () => {
    const inboxId = inboxIdForName('joins');
    const sent = await sendToInbox(harness.store, inboxId, { text: harbour(4), publishedAt: '2025-03-04T08:00:00.000Z' });
    await caughtUp();
    const events = await inboxEvents(inboxId);
    expect(events.map((event) => event.type)).toEqual(['ReportRouted', 'ReportMoved']);
    const routed = events[0].data as ReportRouted['data'];
    expect(routed).toMatchObject({ inboxId, reportId: sent.reportId, decision: 'joined', storyId: harbourStory, autoJoinAt: 0.2, routedBy: expect.stringMatching(/^tfidf/) });
    expect(routed.proposals[0]).toMatchObject({ storyId: harbourStory, reasons: { sharedEntities: expect.arrayContaining(['alder harbour authority']) } });
    expect(routed.proposals[0].score).toBeGreaterThanOrEqual(0.2);
    expect(routed.proposals.every((proposal) => proposal.storyId !== electionStory || proposal.score < routed.proposals[0].score)).toBe(true);
    expect(events[1].data).toMatchObject({ storyId: inboxId, reportId: sent.reportId, toStoryId: harbourStory });
    const cause = (await harness.store.readStream(inboxStream(inboxId)))[0];
    expect(events.map((event) => event.metadata)).toEqual([0, 1].map(() => expect.objectContaining({ actor: ROUTER_ACTOR, causationId: cause.eventId, correlationId: cause.metadata.correlationId })));
    expect(await harness.dataSource.query('SELECT status, story_id FROM inbox_reports WHERE report_id = $1', [sent.reportId])).toEqual([{ status: 'joined', story_id: harbourStory }]);
  });

  it('opens a new story for a report that matches none, and moves the report into it', async () => {
    const inboxId = inboxIdForName('opens');
    const sent = await sendToInbox(harness.store, inboxId, { text: 'Glaciologists on Mount Tavrin measured the Orrin Glacier retreating forty metres; the Tavrin Institute blamed warm winters.', headline: 'Orrin Glacier retreats' });
    await caughtUp();
    const routed = (await routedOf(inboxId, sent.reportId)).data as ReportRouted['data'];
    expect(routed.decision).toBe('opened');
    expect(routed.proposals[0].storyId).toBeNull();
    const opened = await harness.store.readStream(storyStream(routed.storyId!));
    expect(opened.map((event) => [event.type, event.data])).toEqual([['StoryOpened', { storyId: routed.storyId, slug: expect.stringMatching(/^report-[0-9a-f]{12}$/), title: 'Orrin Glacier retreats' }]]);
  });

  it("leaves a report below the inbox's threshold for an analyst, and one matching nothing when the inbox opens no stories", async () => {
    const inboxId = inboxIdForName('strict');
    await setPolicy(inboxId, 'strict', 0.99, false);
    const close = await sendToInbox(harness.store, inboxId, { text: election(5), publishedAt: '2025-03-05T09:00:00.000Z' });
    const nothing = await sendToInbox(harness.store, inboxId, { text: 'A comet named Ferro-Kel passed Jupiter; astronomers at Kessel Observatory photographed its tail.' });
    await caughtUp();
    const waiting = (await routedOf(inboxId, close.reportId)).data as ReportRouted['data'];
    expect(waiting).toMatchObject({ decision: 'waiting', storyId: null, autoJoinAt: 0.99 });
    expect(waiting.proposals[0].storyId).toBe(electionStory);
    expect(((await routedOf(inboxId, nothing.reportId)).data as ReportRouted['data']).decision).toBe('waiting');
    expect((await inboxEvents(inboxId)).filter((event) => event.type === 'ReportMoved')).toEqual([]);
    const queue = await harness.dataSource.query(`SELECT report_id FROM inbox_reports WHERE inbox_id = $1 AND status = 'waiting' ORDER BY position`, [inboxId]);
    expect(queue.map((row: { report_id: string }) => row.report_id)).toEqual([close.reportId, nothing.reportId]);
  });

  it("folds an analyst's accept into the story's profile", async () => {
    const inboxId = inboxIdForName('strict');
    const [before] = await harness.dataSource.query(`SELECT (profile->>'reports')::int AS reports FROM routing_profiles WHERE story_id = $1`, [electionStory]);
    const [row] = await harness.dataSource.query(`SELECT report_id FROM inbox_reports WHERE inbox_id = $1 AND status = 'waiting' ORDER BY position LIMIT 1`, [inboxId]);
    await harness.store.appendToStream(inboxStream(inboxId), [
      newEvent({ type: 'RoutingAccepted', data: { inboxId, reportId: row.report_id, storyId: electionStory, opened: false, reason: null } }, 'analyst'),
      newEvent({ type: 'ReportMoved', data: { storyId: inboxId, reportId: row.report_id, toStoryId: electionStory, reason: 'accepted' } }, 'analyst'),
    ], 'any');
    await caughtUp();
    expect(await harness.dataSource.query(`SELECT (profile->>'reports')::int AS reports FROM routing_profiles WHERE story_id = $1`, [electionStory])).toEqual([{ reports: before.reports + 1 }]);
    expect(await harness.dataSource.query('SELECT status, story_id FROM inbox_reports WHERE report_id = $1', [row.report_id])).toEqual([{ status: 'accepted', story_id: electionStory }]);
  });

  it('appends nothing twice and decides the same when it replays the log after a crash, one event per batch', async () => {
    const inboxId = inboxIdForName('replayed');
    for (let n = 6; n <= 8; n++) await sendToInbox(harness.store, inboxId, { text: n % 2 === 0 ? harbour(n) : election(n), publishedAt: `2025-03-0${n}T10:00:00.000Z` });
    await caughtUp();
    const head = await harness.store.headPosition();
    const before = await harness.dataSource.query('SELECT report_id, status, story_id, proposals FROM inbox_reports ORDER BY report_id');
    const profiles = await harness.dataSource.query('SELECT story_id, profile, norms FROM routing_profiles ORDER BY story_id');

    await runner.stop();
    await harness.dataSource.query('TRUNCATE inbox_policies, inbox_reports, routing_frequencies, routing_profiles, routing_report_features, routing_state');
    await harness.dataSource.query(`UPDATE projection_checkpoints SET position = 0 WHERE name = 'report-router'`);
    await start(1);
    await caughtUp();
    expect(await harness.store.headPosition()).toBe(head);
    expect(await harness.dataSource.query('SELECT report_id, status, story_id, proposals FROM inbox_reports ORDER BY report_id')).toEqual(before);
    expect(await harness.dataSource.query('SELECT story_id, profile, norms FROM routing_profiles ORDER BY story_id')).toEqual(profiles);
  });

  it('restores its state from its tables after a restart and routes on from there', async () => {
    await runner.stop();
    await start();
    const inboxId = inboxIdForName('restarted');
    const sent = await sendToInbox(harness.store, inboxId, { text: harbour(9), publishedAt: '2025-03-09T08:00:00.000Z', textSha256: randomUUID() });
    await caughtUp();
    expect(((await routedOf(inboxId, sent.reportId)).data as ReportRouted['data'])).toMatchObject({ decision: 'joined', storyId: harbourStory });
  });

  it("folds a merged story into the one it went into: it is no longer proposed", async () => {
    const desk = await openStory(harness.store, 'second-desk');
    await ingestReport(harness.store, desk, { text: harbour(10), publishedAt: '2025-03-10T08:00:00.000Z' });
    await caughtUp();
    const reportsOf = async (storyId: string) => (await harness.dataSource.query(`SELECT (profile->>'reports')::int AS reports FROM routing_profiles WHERE story_id = $1`, [storyId]))[0]?.reports;
    const before = await reportsOf(harbourStory);
    expect(await reportsOf(desk)).toBe(1);
    await harness.store.appendToStream(storyStream(desk), [newEvent({ type: 'StoryMerged', data: { storyId: desk, intoStoryId: harbourStory, reason: 'same story' } }, 'analyst')], 'any');
    const inboxId = inboxIdForName('after-merge');
    const sent = await sendToInbox(harness.store, inboxId, { text: harbour(11), publishedAt: '2025-03-11T08:00:00.000Z' });
    await caughtUp();
    expect(await reportsOf(desk)).toBeUndefined();
    expect(await reportsOf(harbourStory)).toBe(before + 2);
    const routed = (await routedOf(inboxId, sent.reportId)).data as ReportRouted['data'];
    expect(routed.storyId).toBe(harbourStory);
    expect(routed.proposals.map((proposal) => proposal.storyId)).not.toContain(desk);
  });
});
