import type { LinkProposed } from '@storyline/story-events';
import { storyStream } from '@storyline/story-events';
import { ProjectionRunner } from '../runtime/projection-runner';
import { projectionHarness, RecordingLogger, type ProjectionHarness } from '../testing/projection-harness';
import { ingestReport, openStory, tell } from '../testing/story-events';
import { LATEST_PER_KEY, LinkProposer } from './link-proposer.reactor';

describe('LinkProposer (the link-proposal reactor)', () => {
  let harness: ProjectionHarness;
  let runner: ProjectionRunner;
  const start = (batchSize?: number) => {
    runner = new ProjectionRunner({ dataSource: harness.dataSource, eventStore: harness.store, projections: [new LinkProposer(harness.store)], batchSize, logger: new RecordingLogger() });
    return runner.start();
  };
  const caughtUp = async () => expect(await runner.waitFor(await harness.store.headPosition(), 10_000)).toBe(true);
  const proposalsOf = async (storyId: string) => (await harness.store.readStream(storyStream(storyId))).filter((event) => event.type === 'LinkProposed');

  beforeAll(async () => {
    harness = await projectionHarness();
    await start();
  });
  afterAll(async () => {
    await runner.stop();
    await harness.close();
  });

  it("proposes the counterpart contradiction, caused by the later fact's event", async () => {
    const storyId = await openStory(harness.store, 'contradiction');
    const first = await ingestReport(harness.store, storyId, { facts: [{ statement: 'Witkoff held back-channel talks with Ukrainian officials' }, { statement: 'The weather in Geneva was mild' }] });
    const second = await ingestReport(harness.store, storyId, { facts: [{ statement: 'Witkoff advised a senior Kremlin official' }] });
    await caughtUp();
    await caughtUp();
    const proposals = await proposalsOf(storyId);
    expect(proposals.map((event) => event.data)).toEqual([
      expect.objectContaining({ fromFactId: second.factIds[0], toFactId: first.factIds[0], kind: 'contradicts', reason: expect.stringContaining('different counterpart') }),
    ]);
    const cause = (await harness.store.readStream(storyStream(storyId))).find((event) => event.type === 'FactReported' && (event.data as { factId: string }).factId === second.factIds[0])!;
    expect(proposals[0].metadata).toMatchObject({ causationId: cause.eventId, correlationId: cause.metadata.correlationId, actor: 'system:link-proposer' });
    expect(proposals[0].position).toBeGreaterThan(second.position);
  });

  it('never compares facts of other stories, or retracted ones', async () => {
    const elsewhere = await openStory(harness.store, 'elsewhere');
    const story = await openStory(harness.store, 'retracted');
    await ingestReport(harness.store, elsewhere, { facts: [{ statement: 'Witkoff held back-channel talks with Ukrainian officials' }] });
    const early = await ingestReport(harness.store, story, { facts: [{ statement: 'Witkoff held back-channel talks with Ukrainian officials' }] });
    await tell(harness.store, story, [{ type: 'FactRetracted', data: { storyId: story, factId: early.factIds[0], reason: 'wrong', retractedAt: '2025-11-21T00:00:00.000Z', reportId: null } }]);
    await caughtUp();
    await ingestReport(harness.store, story, { facts: [{ statement: 'Witkoff advised a senior Kremlin official' }] });
    await caughtUp();
    await caughtUp();
    expect(await proposalsOf(story)).toEqual([]);
    expect(await proposalsOf(elsewhere)).toEqual([]);
  });

  it('appends nothing twice when it replays the log after a crash', async () => {
    const storyId = await openStory(harness.store, 'replayed');
    await ingestReport(harness.store, storyId, { facts: [{ statement: 'The minister met the envoy in Vienna' }] });
    await ingestReport(harness.store, storyId, { facts: [{ statement: 'The minister never met the envoy', modality: 'denial' }] });
    await caughtUp();
    const before = await proposalsOf(storyId);
    expect(before).toHaveLength(1);

    // A crash that lost the reactor's tables and checkpoint, but not the events it appended;
    // one event per batch, so that the proposals already in the log are not seen ahead.
    await runner.stop();
    await harness.dataSource.query('TRUNCATE link_candidates, link_candidate_keys, link_proposals');
    await harness.dataSource.query(`UPDATE projection_checkpoints SET position = 0 WHERE name = 'link-proposer'`);
    await start(1);
    await caughtUp();
    const after = await proposalsOf(storyId);
    expect(after.map((event) => event.eventId)).toEqual(before.map((event) => event.eventId));
    const queue = await harness.dataSource.query('SELECT link_id, status FROM link_proposals WHERE story_id = $1', [storyId]);
    expect(queue).toEqual([{ link_id: (before[0].data as { linkId: string }).linkId, status: 'proposed' }]);
  });

  it('keeps the analyst\'s queue: a proposal proposed again (a log from before the reactor) keeps its answer', async () => {
    const storyId = await openStory(harness.store, 'queue');
    await ingestReport(harness.store, storyId, { facts: [{ statement: 'The minister met the envoy in Vienna' }] });
    await ingestReport(harness.store, storyId, { facts: [{ statement: 'The minister never met the envoy', modality: 'denial' }] });
    await caughtUp();
    const [proposed] = await proposalsOf(storyId);
    const { linkId } = proposed.data as { linkId: string };
    await tell(harness.store, storyId, [
      { type: 'LinkProposalResolved', data: { storyId, linkId, decision: 'rejected', reason: 'no' } },
      { type: 'LinkProposed', data: proposed.data as LinkProposed['data'] },
    ]);
    await caughtUp();
    expect(await harness.dataSource.query('SELECT status FROM link_proposals WHERE link_id = $1', [linkId])).toEqual([{ status: 'rejected' }]);
  });

  it('still finds an early fact by a name it shares after a common word has been used by more than LATEST_PER_KEY later facts', async () => {
    const storyId = await openStory(harness.store, 'long-story');
    const early = await ingestReport(harness.store, storyId, { facts: [{ statement: 'Witkoff held back-channel talks with Ukrainian officials' }] });
    // Many later facts that share only common words ("talks", "officials") with it.
    const filler = Array.from({ length: LATEST_PER_KEY + 20 }, (_, index) => ({ statement: `Officials held talks on item ${index + 1} of the agenda` }));
    for (let from = 0; from < filler.length; from += 15) await ingestReport(harness.store, storyId, { facts: filler.slice(from, from + 15) });
    await caughtUp();
    const late = await ingestReport(harness.store, storyId, { facts: [{ statement: 'Witkoff advised a senior Kremlin official' }] });
    await caughtUp();
    await caughtUp();
    const keys: { key: string; facts: string }[] = await harness.dataSource.query(
      `SELECT key, count(*)::text AS facts FROM link_candidate_keys WHERE story_id = $1 AND key IN ('w:talk', 'w:talks', 'w:official', 'w:officials') GROUP BY key`,
      [storyId],
    );
    expect(keys.some((row) => Number(row.facts) > LATEST_PER_KEY)).toBe(true);
    const proposals = (await proposalsOf(storyId)).map((event) => event.data as LinkProposed['data']);
    expect(proposals.filter((proposal) => proposal.fromFactId === late.factIds[0]).map((proposal) => [proposal.toFactId, proposal.kind])).toContainEqual([early.factIds[0], 'contradicts']);
  });
});
