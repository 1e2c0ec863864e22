import { createTestDatabase, type TestDatabase } from '@storyline/database';
import { storyline } from './run-cli';

jest.setTimeout(60_000);

describe('storyline events and storyline subscriptions', () => {
  let db: TestDatabase;
  const saved = { ...process.env };

  beforeAll(async () => {
    db = await createTestDatabase('storyline_cli_subs');
    process.env.DATABASE_URL = db.url;
    process.env.STORYLINE_WEBHOOK_ALLOWED_HOSTS = 'hooks.example.org';
  });
  afterAll(async () => {
    process.env = saved;
    await db.drop();
  });

  it('prints the log across stories, filtered, as lines or NDJSON', async () => {
    const empty = await storyline('events');
    expect(empty).toMatchObject({ code: 0, out: '' });
    const path = `${__dirname}/../../../examples/founding-story.json`;
    expect((await storyline('ingest', path, '--story', 'cli-feed', '--create', '--title', 'Feed')).code).toBe(0);
    const lines = (await storyline('events')).out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]).toMatch(/^ *1 {2}\d{4}-\d\d-\d\dT.* StoryOpened +[0-9a-f-]{36}$/);
    const opened = (await storyline('events', '--types', 'StoryOpened', '--json')).out.trim().split('\n').map((line) => JSON.parse(line));
    expect(opened).toEqual([expect.objectContaining({ type: 'StoryOpened', position: 1, metadata: expect.any(Object) })]);
    const bad = await storyline('events', '--after', 'yesterday');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--after');
  });

  it('creates, lists, pauses, resumes and deletes a subscription, refusing what the API refuses', async () => {
    const refused = await storyline('subscriptions', 'create', '--url', 'http://10.0.0.1/hook', '--secret', 'cli-secret-0123456789');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('url: the host 10.0.0.1 is not in the webhook allow list');
    const created = await storyline('subscriptions', 'create', '--url', 'https://hooks.example.org/storyline', '--secret', 'cli-secret-0123456789', '--types', 'FactReported', '--stories', 'cli-feed', '--json');
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.out);
    expect(JSON.parse(created.out)).toMatchObject({ status: 'active', types: ['FactReported'], createdBy: expect.stringMatching(/^cli:/) });
    expect((await storyline('subscriptions', 'list')).out).toContain(`${id}  active`);
    expect((await storyline('subscriptions', 'pause', id)).out).toContain('paused');
    expect((await storyline('subscriptions', 'resume', id)).out).toContain('active');
    expect((await storyline('subscriptions', 'delete', id)).out).toBe(`deleted ${id}\n`);
    const missing = await storyline('subscriptions', 'show', id);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no subscription has the id');
  });
});
