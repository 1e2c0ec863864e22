import fc from 'fast-check';
import { EVENT_STORE, type EventStore } from '@storyline/event-store';
import { startApi, type ApiHarness } from './harness';

/**
 * Property: whatever a client sends (strings with NUL, lone UTF-16 surrogates, odd
 * percent-encodings, wrong types, unknown keys), the API answers below 500, and a write it
 * refuses leaves the log head where it was.
 */

const RUNS = Number(process.env.STORYLINE_FUZZ_RUNS ?? 2000);
const SEED = process.env.STORYLINE_FUZZ_SEED === undefined ? undefined : Number(process.env.STORYLINE_FUZZ_SEED);

const hostilePiece = fc.oneof(
  fc.constantFrom('\0', '\ud800', '\udfff', '\ud83d', '\ude00', '\ud83d\ude00', '%', '%00', '%ZZ', '%ED%A0%80', '/', '..', '\\', '"', "'", '\u202e', '\ufeff', '\n', ' ', '-1', '1e400', 'null', '9'.repeat(30)),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 4, unit: 'binary' }),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
);
const hostileText = fc.array(hostilePiece, { maxLength: 6 }).map((pieces) => pieces.join(''));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1.5, 1e300, [], {}) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileText, hostileText, { maxKeys: 2 }) },
);

/** Percent-encodes what encodeURIComponent can, and puts a lone surrogate's CESU-8 bytes (invalid UTF-8) where it cannot. */
function encodeSegment(text: string): string {
  let out = '';
  for (const char of text) {
    try {
      out += encodeURIComponent(char);
    } catch {
      out += `%${Buffer.from(char, 'latin1').toString('hex')}%ED%A0%80`;
    }
  }
  return out;
}

const pathValue = fc.oneof(hostileText, fc.constantFrom('fuzz', 'FUZZ', '%00', '00000000-0000-4000-8000-000000000000'));

interface Sent {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Replaces (or adds) one key, possibly nested, of a valid body with a hostile value. */
function mutate(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  return fc.oneof(
    fc.record({ key: fc.constantFrom(...keys), value: hostileValue }).map(({ key, value }) => ({ ...base, [key]: value })),
    fc.record({ key: hostileText, value: hostileValue }).map(({ key, value }) => ({ ...base, [key]: value })),
    fc.record({ statement: hostileValue, quote: hostileValue }).map(({ statement, quote }) => ({ ...base, facts: [{ statement, evidence: { quote } }] })),
    hostileValue,
  );
}

const REPORT = { outlet: 'Fuzz Wire', publishedAt: '2025-11-20T00:00:00Z', text: 'The envoy met a minister.', facts: [{ statement: 'The envoy met a minister', evidence: { quote: 'The envoy met a minister' } }] };

function writes(factId: string): fc.Arbitrary<Sent> {
  const fact = fc.oneof(fc.constant(factId), pathValue);
  return fc.oneof(
    mutate({ slug: 'fuzz-new', title: 'New' }).map((body) => ({ method: 'POST' as const, path: '/stories', body })),
    fc.tuple(fc.oneof(fc.constant('fuzz'), pathValue), mutate(REPORT)).map(([story, body]) => ({ method: 'POST' as const, path: `/stories/${encodeSegment(story)}/reports`, body })),
    fc.tuple(fc.constant('fuzz'), hostileText).map(([story, text]) => ({ method: 'POST' as const, path: `/stories/${story}/reports?outlet=${encodeSegment(text)}`, body: text, headers: { 'Content-Type': 'text/plain' } })),
    fc.tuple(fact, mutate({ verdict: 'disputed', reason: 'one source' })).map(([id, body]) => ({ method: 'POST' as const, path: `/facts/${encodeSegment(id)}/verdicts`, body })),
    fc.tuple(fact, mutate({ changes: { statement: 'changed' }, reason: 'notice', correctedAt: '2025-11-22T00:00:00Z' })).map(([id, body]) => ({ method: 'POST' as const, path: `/facts/${encodeSegment(id)}/corrections`, body })),
    fc.tuple(fact, mutate({ reason: 'withdrawn', retractedAt: '2025-11-23T00:00:00Z' })).map(([id, body]) => ({ method: 'POST' as const, path: `/facts/${encodeSegment(id)}/retractions`, body })),
    mutate({ name: 'Fuzz Source' }).map((body) => ({ method: 'POST' as const, path: '/sources', body })),
    fc.tuple(pathValue, mutate({ alias: 'FS' })).map(([source, body]) => ({ method: 'POST' as const, path: `/sources/${encodeSegment(source)}/aliases`, body })),
    fc.tuple(hostileText, mutate({ reportId: 'x' })).map(([key, body]) => ({ method: 'POST' as const, path: '/stories/fuzz/reports', body: { ...REPORT, ...(body as object) }, headers: { 'Idempotency-Key': encodeSegment(key) } })),
  );
}

const QUERY_NAMES = ['order', 'asOf', 'clock', 'atPosition', 'after', 'limit', 'state', 'from', 'to', 'stream', 'type', 'actor', 'cursor'];

function reads(factId: string): fc.Arbitrary<Sent> {
  const query = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), hostileText), hostileText), { maxLength: 3 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([name, value]) => `${encodeSegment(name)}=${encodeSegment(value)}`).join('&')}` : ''));
  const story = fc.oneof(fc.constant('fuzz'), pathValue).map(encodeSegment);
  return fc.oneof(
    fc.tuple(story, fc.constantFrom('', '/timeline', '/sources', '/replay', '/diff', '/link-proposals', '/export'), query).map(([s, tail, q]) => ({ method: 'GET' as const, path: `/stories/${s}${tail}${q}` })),
    fc.tuple(fc.oneof(fc.constant(factId), pathValue).map(encodeSegment), query).map(([id, q]) => ({ method: 'GET' as const, path: `/facts/${id}/lineage${q}` })),
    fc.tuple(fc.constantFrom('/stories', '/audit/log', '/projections', '/health'), query).map(([path, q]) => ({ method: 'GET' as const, path: `${path}${q}` })),
    pathValue.map((id) => ({ method: 'GET' as const, path: `/projections/rebuilds/${encodeSegment(id)}` })),
  );
}

describe('fuzzed requests', () => {
  let api: ApiHarness;
  let store: EventStore;
  let factId: string;

  beforeAll(async () => {
    api = await startApi({ STORYLINE_WRITES_PER_MINUTE: '0' });
    store = api.app.get(EVENT_STORE);
    await api.http().post('/stories').send({ slug: 'fuzz', title: 'Fuzz' }).expect(201);
    const report = await api.http().post('/stories/fuzz/reports').send(REPORT).expect(201);
    factId = report.body.factIds[0];
  }, 60_000);
  afterAll(() => api.close());

  async function send(request: Sent) {
    let call = request.method === 'GET' ? api.http().get(request.path) : api.http().post(request.path);
    for (const [name, value] of Object.entries(request.headers ?? {})) call = call.set(name, value);
    const plain = request.headers?.['Content-Type'] === 'text/plain';
    if (request.body !== undefined) call = plain ? call.send(String(request.body)) : call.set('Content-Type', 'application/json').send(JSON.stringify(request.body));
    return call;
  }

  it(`answers ${RUNS} hostile requests below 500, and a refused write leaves the log as it was`, async () => {
    let refusedWrites = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(writes(factId), reads(factId)), async (request) => {
        const before = await store.headPosition();
        const response = await send(request);
        if (response.status >= 500) throw new Error(`${request.method} ${request.path} ${JSON.stringify(request.body)} → ${response.status} ${JSON.stringify(response.body)}`);
        if (request.method === 'POST' && response.status >= 400) {
          refusedWrites += 1;
          expect(await store.headPosition()).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generators must reach the writes' refusals, or the second half of the property says nothing.
    expect(refusedWrites).toBeGreaterThan(RUNS / 10);
  }, 180_000);

  it('names the field for a NUL or a lone surrogate in a path segment, a query value, a header and a body', async () => {
    const cases: [Sent, string][] = [
      [{ method: 'GET', path: '/stories/%00' }, 'story'],
      [{ method: 'GET', path: '/stories/%00/timeline' }, 'story'],
      [{ method: 'GET', path: '/stories/fuzz/timeline?asOf=%00' }, 'asOf'],
      [{ method: 'POST', path: '/stories/fuzz/reports', body: { ...REPORT, text: 'half \ud800 a character' } }, 'body.text'],
      [{ method: 'POST', path: '/stories/fuzz/reports', body: { ...REPORT, outlet: 'nul\0' } }, 'body.outlet'],
      [{ method: 'POST', path: `/facts/${'x'}/verdicts`, body: { verdict: 'disputed', reason: '\udc00' } }, 'body.reason'],
      [{ method: 'POST', path: '/stories/fuzz/reports', body: 'text\0', headers: { 'Content-Type': 'text/plain' } }, 'body'],
    ];
    for (const [request, field] of cases) {
      const response = await send(request);
      expect({ path: request.path, status: response.status, field: response.body.error?.field }).toEqual({ path: request.path, status: 400, field });
    }
  });
});
