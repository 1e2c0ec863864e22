import { startApi, type ApiHarness } from './harness';

const text = 'An envoy met a minister. Nobody commented.';
const valid = { outlet: 'Example Wire', publishedAt: '2025-11-20T08:00:00Z', text, facts: [{ statement: 'An envoy met a minister', evidence: { start: 0, end: 23 } }] };

/** Each case: what is sent, the status and the field the error must name. */
const cases: [string, unknown, number, string | undefined][] = [
  ['a body that is not an object', ['not', 'an', 'object'], 400, 'body'],
  ['no outlet', { ...valid, outlet: undefined }, 400, 'outlet'],
  ['no publishedAt', { ...valid, publishedAt: undefined }, 400, 'publishedAt'],
  ['a date that is not a date', { ...valid, publishedAt: '20/11/2025' }, 400, 'publishedAt'],
  ['an impossible date', { ...valid, publishedAt: '2025-02-30' }, 400, 'publishedAt'],
  ['empty text', { ...valid, text: '   ' }, 400, 'text'],
  ['text that is a number', { ...valid, text: 42 }, 400, 'text'],
  ['an unknown field', { ...valid, sauce: 'hot' }, 400, 'sauce'],
  ['facts that are not a list', { ...valid, facts: {} }, 400, 'facts'],
  ['evidence past the end of the text', { ...valid, facts: [{ statement: 's', evidence: { start: 0, end: 9999 } }] }, 400, 'facts[0].evidence.end'],
  ['evidence that ends before it starts', { ...valid, facts: [{ statement: 's', evidence: { start: 10, end: 4 } }] }, 400, 'facts[0].evidence.end'],
  ['a quote that is not in the text', { ...valid, facts: [{ statement: 's', evidence: { quote: 'a cat' } }] }, 400, 'facts[0].evidence.quote'],
  ['an unknown modality', { ...valid, facts: [{ statement: 's', evidence: { start: 0, end: 2 }, modality: 'gossip' }] }, 400, 'facts[0].modality'],
  ['an empty statement', { ...valid, facts: [{ statement: '', evidence: { start: 0, end: 2 } }] }, 400, 'facts[0].statement'],
  ['an interval that ends before it begins', { ...valid, facts: [{ statement: 's', evidence: { start: 0, end: 2 }, occurred: { from: '2025-11-02', to: '2025-11-01', precision: 'day' } }] }, 400, 'facts[0].occurred.to'],
  ['a non-http url', { ...valid, url: 'file:///etc/passwd' }, 400, 'url'],
  ['a second fact that is bad after a good first one', { ...valid, facts: [...valid.facts, { statement: 's', evidence: { start: -1, end: 2 } }] }, 400, 'facts[1].evidence.start'],
];

describe('bad input is refused with the field named, and changes nothing', () => {
  let api: ApiHarness;
  let before: string;
  beforeAll(async () => {
    api = await startApi();
    await api.http().post('/stories').send({ slug: 'guarded', title: 'Guarded' }).expect(201);
    before = await api.snapshot();
  });
  afterAll(() => api.close());
  afterEach(async () => expect(await api.snapshot()).toBe(before));

  it.each(cases)('refuses %s', async (_name, body, status, field) => {
    const response = await api.http().post('/stories/guarded/reports').send(body as object).expect(status);
    expect(response.body.error).toMatchObject({ code: 'VALIDATION.INVALID', field });
    expect(response.body.error.message).toContain(field);
  });

  it('refuses malformed JSON', async () => {
    const response = await api.http().post('/stories/guarded/reports').set('Content-Type', 'application/json').send('{"outlet": "x",').expect(400);
    expect(response.body.error).toEqual({ code: 'REQUEST.MALFORMED_JSON', message: 'the body is not valid JSON', field: 'body' });
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await api.http().post('/stories/guarded/reports').send({ ...valid, text: 'x'.repeat(3 * 1024 * 1024) }).expect(413);
    expect(response.body.error).toMatchObject({ code: 'REQUEST.TOO_LARGE', field: 'body' });
  });

  it('refuses a report that is neither JSON nor plain text with 415', async () => {
    const response = await api.http().post('/stories/guarded/reports').set('Content-Type', 'application/xml').send('<report>An envoy met a minister.</report>').expect(415);
    expect(response.body.error).toMatchObject({ field: 'Content-Type' });
  });

  it('refuses bad story input and bad timeline parameters', async () => {
    const slug = await api.http().post('/stories').send({ slug: 'Not A Slug', title: 'x' }).expect(400);
    expect(slug.body.error.field).toBe('slug');
    const order = await api.http().get('/stories/guarded/timeline?order=alphabetical').expect(400);
    expect(order.body.error.field).toBe('order');
    const asOf = await api.http().get('/stories/guarded/timeline?asOf=yesterday').expect(400);
    expect(asOf.body.error.field).toBe('asOf');
    const position = await api.http().get('/stories/guarded/timeline?atPosition=-3').expect(400);
    expect(position.body.error.field).toBe('atPosition');
    const idempotency = await api.http().post('/stories/guarded/reports').set('Idempotency-Key', 'spaces are not allowed').send(valid).expect(400);
    expect(idempotency.body.error.field).toBe('Idempotency-Key');
  });

  it('answers an unknown route with a JSON 404 and never leaks a stack trace', async () => {
    const response = await api.http().get('/no/such/route').expect(404);
    expect(response.body.error.code).toBe('ROUTE.NOT_FOUND');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
