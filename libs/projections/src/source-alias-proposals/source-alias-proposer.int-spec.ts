import { storyStream, type SourceAliasProposed } from '@storyline/story-events';
import { ProjectionRunner } from '../runtime/projection-runner';
import { projectionHarness, RecordingLogger, type ProjectionHarness } from '../testing/projection-harness';
import { ingestReport, openStory, tell } from '../testing/story-events';
import { SourceAliasProposer } from './source-alias-proposer.reactor';

describe('SourceAliasProposer (the source-alias reactor)', () => {
  let harness: ProjectionHarness;
  let runner: ProjectionRunner;
  const start = (batchSize?: number) => {
    runner = new ProjectionRunner({ dataSource: harness.dataSource, eventStore: harness.store, projections: [new SourceAliasProposer(harness.store)], batchSize, logger: new RecordingLogger() });
    return runner.start();
  };
  const caughtUp = async () => expect(await runner.waitFor(await harness.store.headPosition(), 10_000)).toBe(true);
  const proposalsOf = async (storyId: string) => (await harness.store.readStream(storyStream(storyId))).filter((event) => event.type === 'SourceAliasProposed');
  const credited = (attributedTo: string, statement = `${attributedTo} spoke about the talks`) => ({ statement, attributedTo });

  beforeAll(async () => {
    harness = await projectionHarness();
    await start();
  });
  afterAll(async () => {
    await runner.stop();
    await harness.close();
  });

  it('proposes a surname alone for the story\'s only full name with it, caused by the later fact\'s event', async () => {
    const storyId = await openStory(harness.store, 'surname');
    const first = await ingestReport(harness.store, storyId, { facts: [credited('Dr. Laura Mitchell'), credited('Critics'), credited('sources familiar with the talks')] });
    const second = await ingestReport(harness.store, storyId, { facts: [credited('Mitchell'), credited('Laura Mitchell'), credited('analysts'), credited('those familiar with the talks')] });
    await caughtUp();
    await caughtUp();
    const proposals = await proposalsOf(storyId);
    expect(proposals.map((event) => event.data)).toEqual([
      expect.objectContaining({ alias: 'Mitchell', canonical: 'Dr. Laura Mitchell', rule: 'surname-of-unique-full-name', rules: expect.stringMatching(/^storyline-source-aliases \d+\.\d+\.\d+$/), score: 0.8, evidenceFactIds: [second.factIds[0], first.factIds[0]] }),
      expect.objectContaining({ alias: 'those familiar with the talks', canonical: 'sources familiar with the talks', rule: 'same-anonymous-group', evidenceFactIds: [second.factIds[3], first.factIds[2]] }),
    ]);
    const cause = (await harness.store.readStream(storyStream(storyId))).find((event) => event.type === 'FactReported' && (event.data as { factId: string }).factId === second.factIds[0])!;
    expect(proposals[0].metadata).toMatchObject({ causationId: cause.eventId, correlationId: cause.metadata.correlationId, actor: 'system:source-alias-proposer' });
    const queue = await harness.dataSource.query('SELECT alias, canonical, status FROM source_alias_proposals WHERE story_id = $1 ORDER BY position', [storyId]);
    expect(queue).toEqual([
      { alias: 'Mitchell', canonical: 'Dr. Laura Mitchell', status: 'proposed' },
      { alias: 'those familiar with the talks', canonical: 'sources familiar with the talks', status: 'proposed' },
    ]);
  });

  it('proposes nothing for a name the extractor took for a place', async () => {
    const storyId = await openStory(harness.store, 'place-name');
    const place = { name: 'Jordan', type: 'place' as const, text: 'Jordan', start: 0, end: 6 };
    await ingestReport(harness.store, storyId, { facts: [credited('Michael Jordan')] });
    await ingestReport(harness.store, storyId, { facts: [{ ...credited('Jordan'), entities: [place] }] });
    await ingestReport(harness.store, storyId, { facts: [credited('Hamad')] });
    await ingestReport(harness.store, storyId, { facts: [credited('Ali Hamad')] });
    await caughtUp();
    expect((await proposalsOf(storyId)).map((event) => (event.data as SourceAliasProposed['data']).alias)).toEqual(['Hamad']);
  });

  it('proposes nothing when two full names share the surname, nor across stories', async () => {
    const storyId = await openStory(harness.store, 'two-mitchells');
    const elsewhere = await openStory(harness.store, 'other-mitchell');
    await ingestReport(harness.store, elsewhere, { facts: [credited('Laura Mitchell')] });
    await ingestReport(harness.store, storyId, { facts: [credited('Laura Mitchell'), credited('George Mitchell')] });
    await ingestReport(harness.store, storyId, { facts: [credited('Mitchell')] });
    await ingestReport(harness.store, elsewhere, { facts: [credited('Jones')] });
    await caughtUp();
    expect(await proposalsOf(storyId)).toEqual([]);
    expect(await proposalsOf(elsewhere)).toEqual([]);
  });

  it('proposes for a name an amendment credits a fact to, caused by the amendment', async () => {
    const storyId = await openStory(harness.store, 'amended-credit');
    await ingestReport(harness.store, storyId, { facts: [credited('Steve Witkoff')] });
    const later = await ingestReport(harness.store, storyId, { facts: [credited('the envoy', 'The talks went well')] });
    await caughtUp();
    expect(await proposalsOf(storyId)).toEqual([]);
    await tell(harness.store, storyId, [{ type: 'FactAmended', data: { storyId, factId: later.factIds[0], changes: { attributedTo: 'Witkoff' }, reason: 'transcription' } }]);
    await caughtUp();
    const proposals = await proposalsOf(storyId);
    expect(proposals.map((event) => [(event.data as SourceAliasProposed['data']).alias, (event.data as SourceAliasProposed['data']).canonical])).toEqual([['Witkoff', 'Steve Witkoff']]);
    const amended = (await harness.store.readStream(storyStream(storyId))).find((event) => event.type === 'FactAmended')!;
    expect(proposals[0].metadata).toMatchObject({ causationId: amended.eventId });
  });

  it('appends nothing twice when it replays the log after a crash, and keeps the analyst\'s answer', async () => {
    const storyId = await openStory(harness.store, 'replayed-aliases');
    await ingestReport(harness.store, storyId, { facts: [credited('Sen. Elizabeth Warren')] });
    await ingestReport(harness.store, storyId, { facts: [credited('Warren')] });
    await caughtUp();
    const before = await proposalsOf(storyId);
    expect(before).toHaveLength(1);
    const { proposalId } = before[0].data as SourceAliasProposed['data'];
    await tell(harness.store, storyId, [{ type: 'SourceAliasProposalResolved', data: { storyId, proposalId, decision: 'rejected', reason: 'another Warren', sourceId: null } }]);
    await caughtUp();

    await runner.stop();
    await harness.dataSource.query('TRUNCATE source_alias_names, source_alias_proposals');
    await harness.dataSource.query(`UPDATE projection_checkpoints SET position = 0 WHERE name = 'source-alias-proposer'`);
    await start(1);
    await caughtUp();
    const after = await proposalsOf(storyId);
    expect(after.map((event) => event.eventId)).toEqual(before.map((event) => event.eventId));
    expect(await harness.dataSource.query('SELECT proposal_id, status FROM source_alias_proposals WHERE story_id = $1', [storyId])).toEqual([{ proposal_id: proposalId, status: 'rejected' }]);
  });
});
