import { findExampleFile, loadExampleIfEmpty } from '@storyline/server';
import { startApi, type ApiHarness } from './harness';

interface Entry {
  kind: string;
  reportId: string;
  source: string;
  reportedAt: string;
  statement?: string;
  attributedTo?: string | null;
}

describe('the founding example (examples/founding-story.json)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
    expect(await loadExampleIfEmpty(api.app)).toBe(true);
  });
  afterAll(() => api.close());

  it('is found from the source tree', () => {
    expect(findExampleFile()).toMatch(/examples\/founding-story\.json$/);
  });

  it('lists the 20 November report before the 27 November one, each fact with its outlet and attribution', async () => {
    const { body } = await api.http().get('/stories/witkoff-back-channel/timeline?order=reported').expect(200);
    const reports = body.entries.filter((entry: Entry) => entry.kind === 'report');
    expect(reports.map((entry: Entry) => [entry.reportedAt, entry.source])).toEqual([
      ['2025-11-20T00:00:00.000Z', 'Kyiv-datelined web report (outlet unnamed)'],
      ['2025-11-27T00:00:00.000Z', 'Newshub Editorial in Europe'],
    ]);
    const facts: Entry[] = body.entries.filter((entry: Entry) => entry.kind === 'fact');
    const ukrainian = facts.find((fact) => /Ukrainian officials/.test(fact.statement ?? ''));
    const kremlin = facts.find((fact) => /Kremlin official/.test(fact.statement ?? ''));
    expect(ukrainian).toMatchObject({ source: 'Kyiv-datelined web report (outlet unnamed)', attributedTo: 'Politico', reportedAt: '2025-11-20T00:00:00.000Z' });
    expect(kremlin).toMatchObject({ source: 'Newshub Editorial in Europe', attributedTo: 'sources familiar with the discussions', reportedAt: '2025-11-27T00:00:00.000Z' });
    const indexOf = (fact?: Entry): number => body.entries.findIndex((entry: Entry) => entry.statement === fact?.statement);
    expect(indexOf(ukrainian)).toBeLessThan(indexOf(kremlin));
  });

  it('shows only the first report as of 21 November on the reported clock', async () => {
    const { body } = await api.http().get('/stories/witkoff-back-channel/timeline?asOf=2025-11-21&clock=reported').expect(200);
    expect(new Set(body.entries.map((entry: Entry) => entry.reportedAt))).toEqual(new Set(['2025-11-20T00:00:00.000Z']));
    expect(body.entries.filter((entry: Entry) => entry.kind === 'fact')).toHaveLength(4);
  });

  it('keeps the fuzzy "in recent months" interval as an interval', async () => {
    const { body } = await api.http().get('/stories/witkoff-back-channel/timeline?order=occurred').expect(200);
    const kremlin = body.entries.find((entry: Entry) => /Kremlin official/.test(entry.statement ?? ''));
    expect(kremlin.occurred).toEqual({ from: '2025-08-27T00:00:00.000Z', to: '2025-11-27T00:00:00.000Z', precision: 'fuzzy' });
  });

  it('says who reported what: Politico is one source under both spellings', async () => {
    const { body } = await api.http().get('/stories/witkoff-back-channel/sources').expect(200);
    const names = body.sources.map((source: { name: string }) => source.name);
    expect(names).toEqual(expect.arrayContaining(['Politico', 'Newshub Editorial in Europe', 'sources familiar with the discussions']));
    expect(names.filter((name: string) => /politico/i.test(name))).toHaveLength(1);
    const politico = body.sources.find((source: { name: string }) => source.name === 'Politico');
    expect(politico.facts.length).toBeGreaterThanOrEqual(3);
  });

  it('is not loaded twice', async () => {
    expect(await loadExampleIfEmpty(api.app)).toBe(false);
    const { body } = await api.http().get('/stories').expect(200);
    expect(body.stories).toHaveLength(1);
  });

  it('serves the OpenAPI document, Swagger UI and health', async () => {
    const spec = await api.http().get('/docs-json').expect(200);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/stories', '/stories/{story}/reports', '/stories/{story}/timeline', '/stories/{story}/sources', '/health']),
    );
    const ui = await api.http().get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
    const health = await api.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', head: expect.any(Number) });
    expect(health.body.projections.position).toBe(health.body.head);
  });
});
