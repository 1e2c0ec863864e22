import { randomUUID } from 'node:crypto';
import { storyStream } from '@storyline/story-events';
import { storylineProjections } from '../index';
import { ProjectionFailedError } from './errors';
import { ProjectionRunner } from './projection-runner';
import { projectionHarness, RecordingLogger, type ProjectionHarness } from '../testing/projection-harness';
import { ingestReport, newEvent, openStory } from '../testing/story-events';

const count = async (harness: ProjectionHarness, table: string): Promise<number> =>
  Number((await harness.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

describe('ProjectionRunner', () => {
  let harness: ProjectionHarness;

  beforeEach(async () => {
    harness = await projectionHarness({ batchSize: 50 });
  });

  afterEach(() => harness.close());

  it('resumes from its checkpoint after a stop, applying every event once', async () => {
    const storyId = await openStory(harness.store, 'resume');
    await harness.runner.start();
    await ingestReport(harness.store, storyId, { facts: [{ statement: 'one' }, { statement: 'two' }] });
    expect(await harness.runner.waitFor(await harness.store.headPosition(), 5000)).toBe(true);
    await harness.runner.stop();
    const { position } = await ingestReport(harness.store, storyId, { facts: [{ statement: 'three' }] });
    expect(await harness.runner.checkpoint()).toBe(position - 2n);
    await harness.runner.start();
    expect(await harness.runner.waitFor(position, 5000)).toBe(true);
    expect(await count(harness, 'timeline_entries')).toBe(5);
    const applied = await harness.dataSource.query('SELECT name, position, events_applied FROM projection_checkpoints ORDER BY name');
    expect(applied).toEqual([
      { name: 'claims', position: String(position), events_applied: '5' },
      { name: 'fact-history', position: String(position), events_applied: '5' },
      { name: 'membership', position: String(position), events_applied: '2' },
      { name: 'source-ledger', position: String(position), events_applied: '5' },
      { name: 'stories', position: String(position), events_applied: '1' },
      { name: 'timeline', position: String(position), events_applied: '5' },
    ]);
  });

  it('answers false when a position is not reached in time', async () => {
    await harness.runner.start();
    const started = Date.now();
    expect(await harness.runner.waitFor(10n, 100)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('follows the checkpoint another process advances when it is not running itself', async () => {
    await openStory(harness.store, 'elsewhere');
    const other = new ProjectionRunner({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections(), logger: new RecordingLogger() });
    const waiting = harness.runner.waitFor(1n, 5000);
    await other.start();
    expect(await waiting).toBe(true);
    await other.stop();
    expect(await harness.runner.waitFor(2n, 50)).toBe(false);
  });

  it('lets two runners share one database without applying an event twice', async () => {
    const second = new ProjectionRunner({ dataSource: harness.dataSource, eventStore: harness.store, projections: storylineProjections(), batchSize: 7, logger: new RecordingLogger() });
    await Promise.all([harness.runner.start(), second.start()]);
    const storyId = await openStory(harness.store, 'shared');
    const reports = Array.from({ length: 20 }, (_, index) => ingestReport(harness.store, storyId, { facts: [{ statement: `fact ${index}` }] }));
    await Promise.all(reports);
    const head = await harness.store.headPosition();
    expect(await harness.runner.waitFor(head, 5000)).toBe(true);
    expect(await second.waitFor(head, 5000)).toBe(true);
    await second.stop();
    expect(await count(harness, 'timeline_entries')).toBe(40);
    expect(await harness.dataSource.query("SELECT events_applied FROM projection_checkpoints WHERE name = 'timeline'")).toEqual([{ events_applied: '40' }]);
    expect(harness.runner.failure ?? second.failure).toBeNull();
  });

  it('stops at a poison event with a clear error, after committing the events before it', async () => {
    const storyId = await openStory(harness.store, 'poison');
    await ingestReport(harness.store, storyId, { facts: [{ statement: 'fine' }] });
    const orphan = newEvent({
      type: 'FactReported',
      data: { storyId, reportId: randomUUID(), factId: randomUUID(), statement: 'orphan', evidence: { start: 0, end: 1 }, attributedTo: null, modality: 'asserted', occurred: null, entities: [], attribution: null },
    });
    const poison = (await harness.store.appendToStream(storyStream(storyId), [orphan], 'any')).position;
    await ingestReport(harness.store, storyId, { facts: [{ statement: 'after' }] });
    const failures: ProjectionFailedError[] = [];
    harness.runner.onError((error) => failures.push(error));
    await harness.runner.start();
    await expect(harness.runner.waitFor(poison, 5000)).rejects.toThrow(ProjectionFailedError);
    expect(harness.runner.state).toBe('failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ projection: 'timeline', position: poison, eventType: 'FactReported', eventId: orphan.eventId });
    expect(failures[0].message).toMatch(new RegExp(`position ${poison} failed: fact .* names report .*, which was never ingested`));
    expect(harness.logger.lines).toContainEqual(`error ${failures[0].message}`);
    expect(await harness.runner.checkpoint()).toBe(poison - 1n);
    expect(await count(harness, 'timeline_entries')).toBe(2);
    await expect(harness.runner.waitFor(poison, 10)).rejects.toBe(failures[0]);
  });
});
