import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { storyline } from '../../test/run-cli';

describe('storyline rebuild', () => {
  let db: TestDatabase;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    db = await createTestDatabase('storyline_cli_rebuild');
    process.env.DATABASE_URL = db.url;
    const report = { outlet: 'Example Wire', publishedAt: '2025-11-20T08:00:00Z', text: 'The envoy met a minister.', facts: [{ statement: 'The envoy met a minister', evidence: { start: 4, end: 24 } }] };
    const file = join(tmpdir(), `storyline-rebuild-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(report));
    expect((await storyline('ingest', file, '--story', 'rebuilt', '--create')).code).toBe(0);
  }, 60_000);

  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    await db.drop();
  });

  it('rebuilds every projection with progress on stderr, and the timeline reads the same after', async () => {
    const before = await storyline('timeline', 'rebuilt', '--json');
    const rebuilt = await storyline('rebuild');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(/^rebuilt stories, timeline, source-ledger.* up to log position 3 in [\d.]+ s \(\d+ events\/s\)\n$/);
    expect(rebuilt.err).toMatch(/rebuilding stories, timeline, source-ledger.*: 3\/3/);
    expect((await storyline('timeline', 'rebuilt', '--json')).out).toBe(before.out);
  }, 60_000);

  it('rebuilds one projection and prints its progress as JSON', async () => {
    const { code, out } = await storyline('rebuild', 'timeline', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ projections: ['timeline'], state: 'done', position: 3, head: 3, percent: 100, error: null });
  });

  it('exits 2 naming the known projections for an unknown one', async () => {
    const { code, err } = await storyline('rebuild', 'timelines');
    expect(code).toBe(2);
    expect(err).toMatch(/^error: no projection is named "timelines"; known projections: stories, timeline, source-ledger/);
  });
});
