import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { storyline } from './run-cli';

jest.setTimeout(120_000);

// Invented reports, written to files at run time.
const harbour = (n: number) =>
  `Officials in Port Alder said the Alder Harbour Authority closed the northern quay after storm ${n}. Mayor Ines Calloway and the Alder Harbour Authority met fishermen from Port Alder about the breakwater.`;

describe('storyline inbox', () => {
  let db: TestDatabase;
  const saved = { ...process.env };
  const dir = mkdtempSync(join(tmpdir(), 'storyline-inbox-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    db = await createTestDatabase('storyline_cli_inbox');
    process.env.DATABASE_URL = db.url;
  });
  afterAll(async () => {
    process.env = saved;
    await db.drop();
  });

  it('sends reports, lists the proposals, and accepts and rejects them under a policy', async () => {
    expect((await storyline('ingest', file('h1.txt', harbour(1)), '--story', 'harbour', '--create', '--outlet', 'Alder Post', '--published-at', '2025-03-01')).code).toBe(0);
    const policy = await storyline('inbox', 'policy', '--inbox', 'desk', '--threshold', 'never', '--no-auto-open', '--json');
    expect(policy.code).toBe(0);
    expect(JSON.parse(policy.out)).toMatchObject({ inbox: 'desk', threshold: null, autoOpen: false, changed: true });

    const sent = await storyline('inbox', 'send', file('h2.txt', harbour(2)), file('comet.txt', 'Astronomers at Kessel Observatory photographed the comet Ferro-Kel.'), '--inbox', 'desk', '--outlet', 'Wire', '--json');
    expect(sent.code).toBe(0);
    const [near, far] = JSON.parse(sent.out).reports as { reportId: string; created: boolean }[];
    expect(near.created).toBe(true);

    const listed = await storyline('inbox', 'list', '--inbox', 'desk', '--json');
    const page = JSON.parse(listed.out);
    expect(page.reports.map((report: { reportId: string; status: string }) => [report.reportId, report.status])).toEqual([[near.reportId, 'waiting'], [far.reportId, 'waiting']]);
    expect(page.reports[0].proposals[0]).toMatchObject({ slug: 'harbour', reasons: { sharedEntities: expect.arrayContaining(['alder harbour authority']) } });
    expect((await storyline('inbox', 'list', '--inbox', 'desk')).out).toContain('harbour');

    const accepted = await storyline('inbox', 'accept', near.reportId, '--inbox', 'desk', '--reason', 'same quay');
    expect(accepted).toMatchObject({ code: 0, out: expect.stringContaining('accepted report') });
    const rejected = await storyline('inbox', 'reject', far.reportId, '--inbox', 'desk', '--reason', 'not news');
    expect(rejected).toMatchObject({ code: 0, out: expect.stringContaining('rejected report') });
    const again = await storyline('inbox', 'reject', near.reportId, '--inbox', 'desk', '--reason', 'changed my mind');
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('already accepted');
    expect(JSON.parse((await storyline('inbox', 'list', '--inbox', 'desk', '--json')).out).reports).toEqual([]);
  });

  it('refuses bad input naming the option', async () => {
    const bad = await storyline('inbox', 'policy', '--threshold', '1.5');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('threshold');
    const status = await storyline('inbox', 'list', '--status', 'pending');
    expect(status.code).toBe(2);
    expect(status.err).toContain('--status');
  });
});
