import { startApi, type ApiHarness } from '../harness';

describe('the web page files', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('serves the page at / without a key, under a policy that lets scripts and calls come only from the app', async () => {
    const page = await api.anonymous().get('/').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<script type="module" src="/web/app.js"></script>');
    const policy = page.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it('serves its own scripts and styles, and the vis-timeline build from node_modules', async () => {
    const script = await api.anonymous().get('/web/app.js').expect(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const styles = await api.anonymous().get('/web/storyline.css').expect(200);
    expect(styles.headers['content-type']).toBe('text/css; charset=utf-8');
    const vis = await api.anonymous().get('/web/vendor/vis-timeline-graph2d.min.js').expect(200);
    expect(vis.text).toContain('vis-timeline and vis-graph2d');
  });

  it('serves nothing outside its allow-list', async () => {
    for (const path of ['/web/web.controller.ts', '/web/..%2Fweb.controller.ts', '/web/%2e%2e%2f%2e%2e%2fpackage.json', '/web/vendor/vis-data.js', '/web/.env', '/web/vendor/..%2f..%2fpackage.json']) {
      const answer = await api.anonymous().get(path);
      expect([path, answer.status]).toEqual([path, 404]);
    }
  });

  it('leaves the API behind its key', async () => {
    await api.anonymous().get('/stories').expect(401);
    const docs = await api.http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).not.toContain('/');
  });
});
