import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Role } from '@storyline/access';
import { startApi, type ApiHarness } from './harness';

/**
 * What each route needs. Kept by hand on purpose: it states the intended policy, and the
 * first test fails when the API grows a route this table does not mention.
 */
const POLICY: Record<string, Role | 'public'> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': 'public',
  'GET /stories': 'reader',
  'POST /stories': 'editor',
  'GET /stories/{story}': 'reader',
  'POST /stories/{story}/reports': 'editor',
  'POST /reports': 'editor',
  'GET /inbox': 'reader',
  'PUT /inbox/policy': 'editor',
  'POST /inbox/reports/{report}/accept': 'editor',
  'POST /inbox/reports/{report}/reject': 'editor',
  'GET /stories/{story}/timeline': 'reader',
  'GET /stories/{story}/sources': 'reader',
  'GET /stories/{story}/claims': 'reader',
  'GET /stories/{story}/developments': 'reader',
  'POST /stories/{story}/links': 'editor',
  'GET /stories/{story}/link-proposals': 'reader',
  'POST /stories/{story}/link-proposals/{linkId}/accept': 'editor',
  'POST /stories/{story}/link-proposals/{linkId}/reject': 'editor',
  'GET /stories/{story}/source-alias-proposals': 'reader',
  'POST /stories/{story}/source-alias-proposals/{proposalId}/accept': 'editor',
  'POST /stories/{story}/source-alias-proposals/{proposalId}/reject': 'editor',
  'GET /stories/{story}/replay': 'reader',
  'GET /stories/{story}/replay/stream': 'reader',
  'POST /sources': 'editor',
  'POST /sources/{source}/aliases': 'editor',
  'GET /stories/{story}/diff': 'reader',
  'POST /stories/{story}/merge': 'editor',
  'POST /stories/{story}/split': 'editor',
  'PATCH /stories/{story}': 'editor',
  'POST /reports/{report}/move': 'editor',
  'GET /stories/{story}/membership': 'reader',
  'GET /facts/{fact}/lineage': 'reader',
  'POST /facts/{fact}/amendments': 'editor',
  'POST /facts/{fact}/corrections': 'editor',
  'POST /facts/{fact}/retractions': 'editor',
  'POST /facts/{fact}/verdicts': 'editor',
  'POST /extract': 'reader',
  'GET /projections': 'reader',
  'POST /projections/{name}/rebuild': 'admin',
  'GET /projections/rebuilds/{id}': 'reader',
  'GET /audit/verify': 'auditor',
  'GET /audit/log': 'auditor',
  'GET /stories/{story}/export': 'auditor',
  'POST /keys': 'admin',
  'GET /keys': 'admin',
  'POST /keys/{id}/revoke': 'admin',
  'GET /events': 'reader',
  'GET /events/stream': 'reader',
  'POST /subscriptions': 'admin',
  'GET /subscriptions': 'admin',
  'GET /subscriptions/{id}': 'admin',
  'DELETE /subscriptions/{id}': 'admin',
  'POST /subscriptions/{id}/pause': 'admin',
  'POST /subscriptions/{id}/resume': 'admin',
};

const ORDER: Role[] = ['reader', 'editor', 'auditor', 'admin'];
const allowed: Record<Role, Role[]> = { reader: ['reader'], editor: ['reader', 'editor'], auditor: ['reader', 'auditor'], admin: ORDER };

function concrete(path: string): string {
  return path
    .replace('{story}', 'matrix-story')
    .replace('{fact}', randomUUID())
    .replace('{id}', randomUUID())
    .replace('{linkId}', randomUUID())
    .replace('{report}', randomUUID())
    .replace('{proposalId}', randomUUID())
    .replace('{source}', 'Nobody')
    .replace('{name}', 'timeline');
}

describe('who may call what', () => {
  let api: ApiHarness;
  const keys: Partial<Record<Role, string>> = {};
  let routes: string[] = [];
  let base = '';

  beforeAll(async () => {
    api = await startApi({ STORYLINE_WRITES_PER_MINUTE: '0' });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    for (const role of ['reader', 'editor', 'auditor'] as const) {
      keys[role] = (await api.http().post('/keys').send({ name: `${role} key`, role }).expect(201)).body.secret;
    }
    keys.admin = 'test-bootstrap-key-0123456789';
    await api.http().post('/stories').send({ slug: 'matrix-story', title: 'Matrix' }).expect(201);
    const spec = await api.anonymous().get('/docs-json').expect(200);
    routes = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => api.close());

  it('has a policy for every route the API documents', () => {
    expect(routes.filter((route) => !(route in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((route) => !routes.includes(route))).toEqual([]);
  });

  /** An event stream never ends: read its status, then hang up. */
  async function openStream(path: string, key: string | null): Promise<{ status: number }> {
    const abort = new AbortController();
    const response = await fetch(`${base}${path}`, { headers: key ? { Authorization: `Bearer ${key}` } : {}, signal: abort.signal });
    abort.abort();
    return { status: response.status };
  }

  const send = (route: string, key: string | null): Promise<{ status: number }> => {
    const [method, path] = route.split(' ');
    if (route.endsWith('/stream')) return openStream(concrete(path), key);
    const call = api.anonymous()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](concrete(path));
    if (key) call.set('Authorization', `Bearer ${key}`);
    return ['POST', 'PUT', 'PATCH'].includes(method) ? call.send({}) : call;
  };

  it.each(Object.keys(POLICY))('%s: 401 without a key, 403 for the wrong role, let through for the right one', async (route) => {
    const needed = POLICY[route];
    const outcomes: Record<string, number> = {};
    for (const holder of [null, ...ORDER]) {
      const response = await send(route, holder ? keys[holder]! : null);
      outcomes[holder ?? 'none'] = response.status;
    }
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const holder of ['none', ...ORDER]) {
      const status = outcomes[holder];
      actual[holder] = status === 401 ? '401' : status === 403 ? '403' : 'through';
      if (needed === 'public') expected[holder] = 'through';
      else if (holder === 'none') expected[holder] = '401';
      else expected[holder] = allowed[holder as Role].includes(needed) ? 'through' : '403';
    }
    expect(actual).toEqual(expected);
  });

  it('records the key as the actor of what it wrote, never the secret', async () => {
    await api.anonymous().post('/stories').set('Authorization', `Bearer ${keys.editor}`).send({ slug: 'by-editor', title: 'By editor' }).expect(201);
    const replay = await api.http().get('/stories/by-editor/replay').expect(200);
    const metadata = replay.body.events[0].metadata;
    expect(metadata).toMatchObject({ actor: expect.stringMatching(/^key:[0-9a-f-]{36}$/), actorName: 'editor key' });
    expect(JSON.stringify(replay.body)).not.toContain(keys.editor);
    const asReader = await api.anonymous().get('/stories/by-editor/replay').set('Authorization', `Bearer ${keys.reader}`).expect(200);
    expect(asReader.body.events[0]).not.toHaveProperty('metadata');
  });

  it('refuses a revoked key and a malformed header', async () => {
    const created = await api.http().post('/keys').send({ name: 'short-lived', role: 'reader' }).expect(201);
    await api.anonymous().get('/stories').set('Authorization', `Bearer ${created.body.secret}`).expect(200);
    await api.http().post(`/keys/${created.body.id}/revoke`).expect(200);
    const revoked = await api.anonymous().get('/stories').set('Authorization', `Bearer ${created.body.secret}`).expect(401);
    expect(revoked.body.error.code).toBe('AUTH.INVALID');
    const malformed = await api.anonymous().get('/stories').set('Authorization', 'Basic dXNlcjpwdw==').expect(401);
    expect(malformed.headers['www-authenticate']).toContain('Bearer');
    const listed = await api.http().get('/keys').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
  });
});
