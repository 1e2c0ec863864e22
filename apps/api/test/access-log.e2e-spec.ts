import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { createTestDatabase, loadConfig, type TestDatabase } from '@storyline/database';
import request from 'supertest';
import { createStorylineApp } from '@storyline/server';
import { TEST_ADMIN_KEY } from './harness';

/** Every JSON line the app logs, as it writes them. */
class LogLines extends Writable {
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  parsed(): Record<string, unknown>[] {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  access(requestId: string): Record<string, unknown> | undefined {
    return this.parsed().find((line) => line.requestId === requestId && 'status' in line);
  }
}

describe('the access log', () => {
  let db: TestDatabase;
  let app: INestApplication;
  const lines = new LogLines();
  const http = () => request(app.getHttpServer());
  const admin = `Bearer ${TEST_ADMIN_KEY}`;

  beforeAll(async () => {
    db = await createTestDatabase('storyline_access_log');
    const config = loadConfig({ STORYLINE_LOAD_EXAMPLE: 'false', STORYLINE_BOOTSTRAP_KEY: TEST_ADMIN_KEY, STORYLINE_WRITES_PER_MINUTE: '1', STORYLINE_LOG_FORMAT: 'json' });
    app = await createStorylineApp({ databaseUrl: db.url, config, logDestination: lines });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('writes one JSON line per request with the caller\'s request id, echoed, and the key, route, status and duration', async () => {
    const response = await http().get('/stories/founding/timeline').set('Authorization', admin).set('X-Request-Id', 'desk-42.trace').expect(404);
    expect(response.headers['x-request-id']).toBe('desk-42.trace');
    const line = lines.access('desk-42.trace');
    expect(line).toMatchObject({ level: 40, method: 'GET', route: '/stories/:story/timeline', path: '/stories/founding/timeline', status: 404, actor: 'key:bootstrap' });
    expect(typeof line?.durationMs).toBe('number');
    expect(lines.parsed().filter((entry) => entry.requestId === 'desk-42.trace' && 'status' in entry)).toHaveLength(1);
  });

  it('makes an id when the caller sends none or an unusable one, and echoes it', async () => {
    const plain = await http().get('/health').expect(200);
    expect(plain.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.access(plain.headers['x-request-id'])).toMatchObject({ level: 30, route: '/health', status: 200 });
    const odd = await http().get('/health').set('X-Request-Id', 'x'.repeat(300)).expect(200);
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs refusals as warnings: no key, bad JSON before any route, and 429 with the key that hit the limit', async () => {
    const missing = await http().get('/stories').expect(401);
    expect(lines.access(missing.headers['x-request-id'])).toMatchObject({ level: 40, status: 401, route: '/stories' });
    const malformed = await http().post('/stories').set('Authorization', admin).set('Content-Type', 'application/json').send('{"slug":').expect(400);
    const lost = await http().get('/no/such/route').set('Authorization', admin).expect(404);
    expect(lines.access(lost.headers['x-request-id'])).toMatchObject({ level: 40, status: 404, route: 'unmatched', path: '/no/such/route' });
    expect(lines.access(malformed.headers['x-request-id'])).toMatchObject({ level: 40, status: 400, method: 'POST' });
    await http().post('/stories').set('Authorization', admin).send({ slug: 'logged', title: 'Logged' }).expect(201);
    const limited = await http().post('/stories').set('Authorization', admin).send({ slug: 'logged-too', title: 'Logged' }).expect(429);
    expect(lines.access(limited.headers['x-request-id'])).toMatchObject({ level: 40, status: 429, actor: 'key:bootstrap', route: '/stories' });
  });

  it('never writes the key', () => {
    expect(lines.raw.length).toBeGreaterThan(5);
    expect(lines.raw.join('\n')).not.toContain(TEST_ADMIN_KEY);
  });
});
