import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storyline } from './run-cli';

describe('the storyline CLI', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'storyline-cli-'));
  const file = (name: string, content: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const text = 'Officials said the envoy met a minister on Monday.';
  const report = { outlet: 'Example Wire', publishedAt: '2025-11-20T08:00:00Z', headline: 'Envoy meets minister', text, facts: [{ statement: 'The envoy met a minister', evidence: { quote: 'the envoy met a minister' }, attributedTo: 'Officials' }] };

  beforeAll(async () => {
    db = await createTestDatabase('storyline_cli');
    process.env.DATABASE_URL = db.url;
  });
  afterAll(async () => {
    await db.drop();
  });

  it('ingests a report into a story it opens, then answers a second run without adding anything', async () => {
    const path = file('report.json', report);
    const first = await storyline('ingest', path, '--story', 'cli-story', '--create', '--title', 'CLI story');
    expect(first.code).toBe(0);
    expect(first.err).toBe('ingesting: 1/1\n');
    expect(first.out).toMatch(/ingested report [0-9a-f-]{36} with 1 facts/);
    const again = await storyline('ingest', path, '--story', 'cli-story');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already ingested as report .*nothing added/);
  });

  it('prints the timeline as a table and as the API JSON', async () => {
    const table = await storyline('timeline', 'cli-story');
    expect(table.code).toBe(0);
    expect(table.out).toContain('CLI story (cli-story)');
    expect(table.out).toMatch(/2025-11-20 +fact +Example Wire +Officials/);
    expect(table.out).toMatch(/2025-11-20 +report +Example Wire +\[report [0-9a-f]{8}\] Envoy meets minister/);
    const json = await storyline('timeline', 'cli-story', '--json', '--as-of', '2025-11-19');
    expect(JSON.parse(json.out)).toMatchObject({ story: { slug: 'cli-story' }, entries: [] });
  });

  it('names the file, the field and the problem, with exit code 2, and stores nothing', async () => {
    const bad = file('bad.json', { ...report, text: 'Other text.', facts: [{ statement: 's', evidence: { start: 0, end: 500 } }] });
    const result = await storyline('ingest', bad, '--story', 'cli-story');
    expect(result.code).toBe(2);
    expect(result.err).toContain(`${bad}: facts[0].evidence.end: must be between 0 and 11, got 500`);
    const timeline = await storyline('timeline', 'cli-story', '--json');
    expect(JSON.parse(timeline.out).entries).toHaveLength(2);
    const notJson = await storyline('ingest', file('broken.json', '{"outlet":'), '--story', 'cli-story');
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('broken.json');
  });

  it('is exit code 1 for a story that does not exist and 2 for a bad option', async () => {
    const missing = await storyline('timeline', 'no-such-story');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('STORY.NOT_FOUND');
    expect((await storyline('timeline', 'cli-story', '--order', 'sideways')).code).toBe(2);
    expect((await storyline('timeline', 'cli-story', '--as-of', 'yesterday')).code).toBe(2);
  });

  it('replays a story as lines and as NDJSON', async () => {
    const lines = await storyline('replay', 'cli-story');
    expect(lines.code).toBe(0);
    expect(lines.out.trim().split('\n').map((line) => line.trim().split(/\s+/)[2])).toEqual(['StoryOpened', 'ReportIngested', 'FactReported']);
    expect(lines.out).toContain('[1 reports, 1 facts, 0 retracted]');
    const json = await storyline('replay', 'cli-story', '--json', '--after', '1');
    const steps = json.out.trim().split('\n').map((line) => JSON.parse(line));
    expect(steps.map((step) => step.type)).toEqual(['ReportIngested', 'FactReported']);
    expect((await storyline('replay', 'cli-story', '--after', 'later')).code).toBe(2);
  });

  it('creates, lists and revokes API keys, showing a secret only once', async () => {
    const created = await storyline('keys', 'create', '--role', 'editor', '--name', 'desk laptop');
    expect(created.code).toBe(0);
    const secret = /secret \(shown once, store it now\): (sl_\S+)/.exec(created.out)?.[1];
    const id = /\(([0-9a-f-]{36})\)/.exec(created.out)?.[1];
    expect(secret).toBeDefined();
    const listed = await storyline('keys', 'list');
    expect(listed.out).toMatch(new RegExp(`${id}\\s+editor\\s+active\\s+desk laptop`));
    expect(listed.out).not.toContain(secret);
    expect((await storyline('keys', 'revoke', id!)).out).toContain(`revoked ${id}`);
    expect((await storyline('keys', 'list')).out).toMatch(new RegExp(`${id}\\s+editor\\s+revoked`));
    expect((await storyline('keys', 'create', '--role', 'boss')).code).toBe(2);
    expect((await storyline('keys', 'revoke', 'not-an-id')).code).toBe(2);
  });

  it('answers keys create, list and revoke as JSON with --json', async () => {
    const created = JSON.parse((await storyline('keys', 'create', '--role', 'reader', '--name', 'feed', '--json')).out);
    expect(created).toMatchObject({ name: 'feed', role: 'reader', id: expect.stringMatching(/^[0-9a-f-]{36}$/), secret: expect.stringMatching(/^sl_/) });
    const listed = JSON.parse((await storyline('keys', 'list', '--json')).out);
    expect(listed.keys).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.id, role: 'reader', name: 'feed' })]));
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(JSON.parse((await storyline('keys', 'revoke', created.id, '--json')).out)).toEqual({ id: created.id, revoked: true });
  });

  it('lists the migrations, all applied, and applies none twice', async () => {
    const shown = await storyline('migrate', '--show', '--json');
    expect(shown.code).toBe(0);
    const { migrations } = JSON.parse(shown.out) as { migrations: { name: string; applied: boolean }[] };
    expect(migrations.length).toBeGreaterThan(5);
    expect(migrations.every((migration) => migration.applied)).toBe(true);
    expect((await storyline('migrate', '--show')).out).toMatch(/^\[X\] CreateEventLog/m);
    expect(JSON.parse((await storyline('migrate', '--json')).out)).toEqual({ mode: 'apply', applied: [] });
    expect((await storyline('migrate', '--show', '--revert')).code).toBe(2);
  });

  it('reverts the newest migration and applies it again', async () => {
    const before = JSON.parse((await storyline('migrate', '--show', '--json')).out).migrations as { name: string }[];
    const newest = before[before.length - 1].name;
    expect(JSON.parse((await storyline('migrate', '--revert', '--json')).out)).toEqual({ mode: 'revert', reverted: newest });
    const after = JSON.parse((await storyline('migrate', '--show', '--json')).out).migrations as { name: string; applied: boolean }[];
    expect(after.find((migration) => migration.name === newest)?.applied).toBe(false);
    expect(JSON.parse((await storyline('migrate', '--json')).out)).toEqual({ mode: 'apply', applied: [newest] });
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    expect(await storyline('--version')).toMatchObject({ code: 0, out: `${version}\n` });
  });
});
