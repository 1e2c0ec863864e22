import { loadConfig } from '@storyline/database';
import request from 'supertest';
import { createStorylineApp } from '@storyline/server';
import { startApi, TEST_ADMIN_KEY, type ApiHarness } from './harness';

describe('hardening', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ STORYLINE_WRITES_PER_MINUTE: '3' });
  });
  afterAll(() => api.close());

  it('sends security headers and no framework banner', async () => {
    const response = await api.http().get('/stories').expect(200);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(response.headers).not.toHaveProperty('x-powered-by');
  });

  it('limits writes per key with 429 and Retry-After, while reads go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.http().post('/stories').send({ slug: `limited-${i}`, title: 'x' })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    const limited = await api.http().post('/stories').send({ slug: 'limited-9', title: 'x' }).expect(429);
    expect(limited.body.error.code).toBe('RATE.LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await api.http().get('/stories').expect(200);
  });

  it('counts accepted writes only, in one budget that every instance on the database shares', async () => {
    const first = await startApi({ STORYLINE_WRITES_PER_MINUTE: '3' });
    const config = loadConfig({ STORYLINE_LOAD_EXAMPLE: 'false', STORYLINE_BOOTSTRAP_KEY: TEST_ADMIN_KEY, STORYLINE_WRITES_PER_MINUTE: '3' });
    const second = await createStorylineApp({ databaseUrl: first.db.url, config, logger: false });
    const secondHttp = () => request(second.getHttpServer()).post('/stories').set('Authorization', `Bearer ${TEST_ADMIN_KEY}`);
    try {
      for (let i = 0; i < 5; i++) await first.http().post('/stories').send({ slug: 'Not A Slug', title: 'x' }).expect(400);
      await first.http().post('/stories').send({ slug: 'shared-1', title: 'x' }).expect(201);
      await secondHttp().send({ slug: 'shared-2', title: 'x' }).expect(201);
      await first.http().post('/stories').send({ slug: 'shared-3', title: 'x' }).expect(201);
      const limited = await secondHttp().send({ slug: 'shared-4', title: 'x' }).expect(429);
      expect(limited.body.error.code).toBe('RATE.LIMITED');
    } finally {
      await second.close();
      await first.close();
    }
  }, 60_000);

  it('answers without a key with 401 naming the header, and never echoes a presented secret', async () => {
    const missing = await api.anonymous().get('/stories').expect(401);
    expect(missing.body.error).toMatchObject({ code: 'AUTH.MISSING', field: 'Authorization' });
    const wrong = await api.anonymous().get('/stories').set('Authorization', 'Bearer sl_not-a-real-key-value').expect(401);
    expect(JSON.stringify(wrong.body)).not.toContain('sl_not-a-real-key-value');
  });

  it('lets anonymous readers read, and only read, when configured to', async () => {
    const open = await startApi({ STORYLINE_ANONYMOUS_READS: 'true' });
    try {
      await open.anonymous().get('/stories').expect(200);
      await open.anonymous().post('/stories').send({ slug: 'nope', title: 'x' }).expect(401);
      await open.anonymous().get('/keys').expect(401);
    } finally {
      await open.close();
    }
  });
});
