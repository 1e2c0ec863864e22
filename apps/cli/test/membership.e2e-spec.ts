import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storyline } from './run-cli';

describe('storyline stories merge, split, history', () => {
  let db: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'storyline-cli-membership-'));
  const report = (n: number): string => {
    const path = join(dir, `report-${n}.json`);
    const text = `Report ${n}: the envoy met minister number ${n}.`;
    writeFileSync(path, JSON.stringify({ outlet: 'Example Wire', publishedAt: `2025-11-2${n}T08:00:00Z`, text, facts: [{ statement: `The envoy met minister ${n}`, evidence: { start: 0, end: text.length } }] }));
    return path;
  };
  const ingest = async (n: number, story: string): Promise<string> => {
    const result = await storyline('ingest', report(n), '--story', story, '--create', '--title', story.toUpperCase(), '--json');
    expect(result.code).toBe(0);
    return JSON.parse(result.out)[0].reportId;
  };
  const reportsIn = async (story: string, ...view: string[]): Promise<string[]> => {
    const result = await storyline('timeline', story, '--json', ...view);
    expect(result.code).toBe(0);
    return JSON.parse(result.out).entries.filter((entry: { kind: string }) => entry.kind === 'report').map((entry: { id: string }) => entry.id).sort();
  };

  beforeAll(async () => {
    db = await createTestDatabase('storyline_cli_membership');
    process.env.DATABASE_URL = db.url;
  });
  afterAll(async () => {
    await db.drop();
  });

  it('merges a story into another, with as-of reads before and after, and shows the history', async () => {
    const first = await ingest(1, 'cli-alpha');
    const second = await ingest(2, 'cli-beta');
    const merged = await storyline('stories', 'merge', 'cli-alpha', '--into', 'cli-beta', '--reason', 'the same talks', '--json');
    expect(merged.code).toBe(0);
    const answer = JSON.parse(merged.out);
    expect(answer).toMatchObject({ changed: true, readYourWrites: 'applied' });
    expect(await reportsIn('cli-beta')).toEqual([first, second].sort());
    expect(await reportsIn('cli-alpha')).toEqual([first, second].sort());
    expect(await reportsIn('cli-alpha', '--at-position', String(answer.position - 1))).toEqual([first]);

    const history = await storyline('stories', 'history', 'cli-beta');
    expect(history.code).toBe(0);
    expect(history.out).toMatch(/merged 1 report\(s\) .* by cli:.*: the same talks/);
    const json = JSON.parse((await storyline('stories', 'history', 'cli-alpha', '--json')).out);
    expect(json.story).toMatchObject({ slug: 'cli-alpha', mergedInto: answer.intoStoryId });
    expect(json.changes.map((change: { kind: string }) => change.kind)).toEqual(['merged']);
  });

  it('splits a report out and refuses bad input with exit code 2 or 1, naming the field', async () => {
    const third = await ingest(3, 'cli-beta');
    const split = await storyline('stories', 'split', 'cli-beta', '--reports', third, '--slug', 'cli-gamma', '--title', 'Gamma', '--reason', 'its own strand');
    expect(split.code).toBe(0);
    expect(split.out).toMatch(/split into cli-gamma/);
    expect(await reportsIn('cli-gamma')).toEqual([third]);
    const noReason = await storyline('stories', 'merge', 'cli-gamma', '--into', 'cli-gamma', '--reason', ' ');
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('reason');
    const itself = await storyline('stories', 'merge', 'cli-gamma', '--into', 'cli-gamma', '--reason', 'r');
    expect(itself.code).not.toBe(0);
    expect(itself.err).toContain('STORY.SAME_STORY');
    expect(await reportsIn('cli-gamma')).toEqual([third]);
  });
});
