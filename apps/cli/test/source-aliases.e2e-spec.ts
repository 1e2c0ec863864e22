import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { storyline } from './run-cli';
import '../src/commands/source-aliases';

jest.setTimeout(60_000);

function report(publishedAt: string, facts: { statement: string; attributedTo: string }[]) {
  let start = 0;
  return {
    outlet: `Desk ${publishedAt.slice(8, 10)}`,
    publishedAt,
    text: facts.map((fact) => `${fact.statement}.`).join(' '),
    facts: facts.map((fact) => {
      const evidence = { start, end: start + fact.statement.length };
      start += fact.statement.length + 2;
      return { ...fact, evidence, modality: 'asserted', occurred: null };
    }),
  };
}

describe('storyline source-aliases', () => {
  let db: TestDatabase;
  let dir: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase('storyline_cli_aliases');
    process.env.DATABASE_URL = db.url;
    dir = mkdtempSync(join(tmpdir(), 'storyline-aliases-'));
  });
  afterAll(async () => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('lists the proposals of a story, accepts one once and refuses to reject it after', async () => {
    const file = join(dir, 'reports.json');
    writeFileSync(file, JSON.stringify([
      report('2025-11-20T09:00:00Z', [{ statement: 'The ceasefire is likely to hold', attributedTo: 'Dr. Laura Mitchell' }]),
      report('2025-11-21T09:00:00Z', [{ statement: 'The ceasefire may not hold', attributedTo: 'Mitchell' }]),
    ]));
    expect((await storyline('ingest', file, '--story', 'cli-aliases', '--create')).code).toBe(0);
    let proposals: { proposalId: string; alias: string; canonical: string }[] = [];
    for (let tries = 0; tries < 50 && proposals.length === 0; tries++) {
      if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      proposals = JSON.parse((await storyline('source-aliases', 'list', 'cli-aliases', '--json')).out).proposals;
    }
    expect(proposals).toEqual([expect.objectContaining({ alias: 'Mitchell', canonical: 'Dr. Laura Mitchell' })]);
    expect((await storyline('source-aliases', 'list', 'cli-aliases')).out).toContain(`${proposals[0].proposalId}  proposed`);
    const accepted = await storyline('source-aliases', 'accept', 'cli-aliases', proposals[0].proposalId, '--reason', 'same expert', '--json');
    expect(accepted.code).toBe(0);
    expect(JSON.parse(accepted.out)).toMatchObject({ proposalId: proposals[0].proposalId, decision: 'accepted', changed: true, position: expect.any(Number) });
    expect((await storyline('source-aliases', 'accept', 'cli-aliases', proposals[0].proposalId)).out).toMatch(/^already accepted: /);
    const refused = await storyline('source-aliases', 'reject', 'cli-aliases', proposals[0].proposalId, '--reason', 'no');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('already accepted');
    expect((await storyline('source-aliases', 'list', 'cli-aliases', '--status', 'maybe')).code).toBe(2);
  });
});
