import { createTestDatabase, loadConfig, type TestDatabase } from '@storyline/database';
import { TcpProxy } from '@storyline/database/testing/tcp-proxy';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createStorylineApp } from '@storyline/server';
import { TEST_ADMIN_KEY } from './harness';

/** The API on a database reached through a relay that the test cuts and restores. */
describe('a database outage', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let app: INestApplication;
  const http = () => request.agent(app.getHttpServer()).set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
  const report = (n: number) => ({ outlet: 'Wire', publishedAt: '2025-11-20T00:00:00Z', text: `Fact ${n} held.`, facts: [{ statement: `Fact ${n} held`, evidence: { start: 0, end: 11 } }] });

  beforeAll(async () => {
    db = await createTestDatabase('storyline_outage');
    proxy = await TcpProxy.start(db.url);
    const config = loadConfig({ STORYLINE_LOAD_EXAMPLE: 'false', STORYLINE_BOOTSTRAP_KEY: TEST_ADMIN_KEY, STORYLINE_WRITES_PER_MINUTE: '0' });
    app = await createStorylineApp({ databaseUrl: proxy.through(db.url), config, logger: false });
    await http().post('/stories').send({ slug: 'outage', title: 'Outage' }).expect(201);
    await http().post('/stories/outage/reports').send(report(1)).expect(201);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await proxy.close();
    await db.drop();
  });

  it('answers ready and live while the database is up, with the log tail verified', async () => {
    await http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await http().get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.details.database.status).toBe('up');
    expect(ready.body.details.integrity).toMatchObject({ status: 'up', chain: 'ok', checkedUpTo: expect.any(Number) });
    const health = await http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', integrity: { status: 'ok' }, projections: { stuck: false } });
  });

  it('fails fast with 503 STORAGE.UNAVAILABLE and Retry-After while it is down, stays alive, and resumes once it is back', async () => {
    const before = (await http().get('/stories/outage/timeline').expect(200)).body.entries.length;
    proxy.cut();
    const started = Date.now();
    const write = await http().post('/stories/outage/reports').send(report(2));
    expect(write.status).toBe(503);
    expect(write.body.error.code).toBe('STORAGE.UNAVAILABLE');
    expect(Number(write.headers['retry-after'])).toBeGreaterThan(0);
    const read = await http().get('/stories/outage/timeline');
    expect([read.status, read.body.error?.code]).toEqual([503, 'STORAGE.UNAVAILABLE']);
    expect(Date.now() - started).toBeLessThan(15_000);
    await http().get('/health/live').expect(200);
    const ready = await http().get('/health/ready').expect(503);
    expect(ready.body.details.database.status).toBe('down');

    proxy.restore();
    let status = 0;
    for (let attempt = 0; attempt < 40 && status !== 201; attempt++) {
      status = (await http().post('/stories/outage/reports').send(report(3))).status;
      if (status !== 201) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(201);
    // The refused write left nothing; the one after the outage shows like the first (a report and its fact).
    let entries = 0;
    for (let attempt = 0; attempt < 60 && entries < before * 2; attempt++) {
      const timeline = await http().get('/stories/outage/timeline');
      entries = timeline.status === 200 ? timeline.body.entries.length : 0;
      if (entries < before * 2) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(entries).toBe(before * 2);
    await http().get('/health/ready').expect(200);
  }, 60_000);
});
