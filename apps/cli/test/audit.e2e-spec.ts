import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { storyline } from './run-cli';

describe('the storyline CLI: verify, export, verify-export', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'storyline-cli-audit-'));
  const report = { outlet: 'Example Wire', publishedAt: '2025-11-20T08:00:00Z', text: 'Officials said the envoy met a minister on Monday.', facts: [{ statement: 'The envoy met a minister', evidence: { quote: 'the envoy met a minister' }, attributedTo: 'Officials' }] };

  beforeAll(async () => {
    db = await createTestDatabase('storyline_cli_audit');
    process.env.DATABASE_URL = db.url;
    const path = join(dir, 'report.json');
    writeFileSync(path, JSON.stringify(report));
    expect((await storyline('ingest', path, '--story', 'cli-audit', '--create', '--title', 'CLI audit')).code).toBe(0);
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await db.drop();
  });

  it('verifies the log with progress and prints the head to keep', async () => {
    const result = await storyline('verify');
    expect(result.code).toBe(0);
    expect(result.err).toContain('verifying: 3/3');
    expect(result.out).toMatch(/^OK: 3 events verified\nhead: position 3 hash [0-9a-f]{64}/);
    const json = JSON.parse((await storyline('verify', '--json')).out);
    expect(json).toMatchObject({ ok: true, checked: 3, headPosition: 3 });
    expect((await storyline('verify', '--expect-head', json.headHash, '--expect-head-position', '3')).code).toBe(0);
    expect((await storyline('verify', '--expect-head', 'not-a-hash')).code).toBe(2);
  });

  it('exports a story to a file that verifies offline, and names the first bad line of a tampered copy', async () => {
    const file = join(dir, 'cli-audit.ndjson');
    const exported = await storyline('export', 'cli-audit', '--output', file);
    expect(exported).toMatchObject({ code: 0, err: `exported 3 events to ${file}\n` });
    const verified = await storyline('verify-export', file);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^OK: 3 events of story cli-audit \([0-9a-f-]{36}\), positions 1\.\.3/);
    expect(JSON.parse((await storyline('verify-export', file, '--json')).out)).toMatchObject({ file, ok: true, events: 3 });
    expect(JSON.parse((await storyline('export', 'cli-audit', '--output', file, '--json')).out)).toEqual({ story: 'cli-audit', events: 3, output: file });

    const lines = readFileSync(file, 'utf8').split('\n');
    lines[3] = lines[3].replace('The envoy met a minister', 'The envoy met nobody');
    const tampered = join(dir, 'tampered.ndjson');
    writeFileSync(tampered, lines.join('\n'));
    const rejected = await storyline('verify-export', tampered);
    expect(rejected.code).toBe(1);
    expect(rejected.out).toContain(`FAILED: ${tampered} line 4: event at position 3: its hash does not match`);
    const rejectedJson = await storyline('verify-export', tampered, '--json');
    expect(rejectedJson.code).toBe(1);
    expect(JSON.parse(rejectedJson.out)).toMatchObject({ ok: false, firstBadLine: 4 });
    expect((await storyline('verify-export', join(dir, 'absent.ndjson'))).code).toBe(2);
  });

  it('writes the export to stdout, and is exit code 1 for a story that does not exist', async () => {
    const stdout = await storyline('export', 'cli-audit');
    expect(stdout.code).toBe(0);
    expect(stdout.out.trim().split('\n').map((line) => JSON.parse(line).kind)).toEqual(['storyline-export', 'event', 'event', 'event', 'storyline-export-end']);
    const missing = await storyline('export', 'no-such-story', '--output', join(dir, 'never.ndjson'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('STORY.NOT_FOUND');
  });

  it('is exit code 1 once someone changed the table', async () => {
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      await sql.query('BEGIN');
      await sql.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_or_delete');
      await sql.query(`UPDATE events SET metadata = jsonb_set(metadata, '{actor}', '"someone-else"') WHERE position = 2`);
      await sql.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_or_delete');
      await sql.query('COMMIT');
    } finally {
      await sql.end();
    }
    const result = await storyline('verify');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^FAILED: changed at position 2: /);
  });
});
