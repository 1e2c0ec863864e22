import { loadExampleIfEmpty } from '@storyline/server';
import { startApi, type ApiHarness } from './harness';

const STORY = '/stories/witkoff-back-channel';

interface Page {
  position: number;
  entries: { id: string; statement?: string }[];
  links: { id: string }[];
  total: number;
  next: string | null;
}

describe('a timeline answered in pages', () => {
  let api: ApiHarness;
  let whole: Page;

  /** Follows `next` from the first page; returns every page. */
  async function allPages(firstQuery: string, limit: number): Promise<Page[]> {
    const pages: Page[] = [(await api.http().get(`${STORY}/timeline?${firstQuery}${firstQuery ? '&' : ''}limit=${limit}`).expect(200)).body];
    while (pages[pages.length - 1].next !== null) {
      const cursor = encodeURIComponent(pages[pages.length - 1].next!);
      pages.push((await api.http().get(`${STORY}/timeline?cursor=${cursor}&limit=${limit}`).expect(200)).body);
    }
    return pages;
  }

  beforeAll(async () => {
    api = await startApi();
    await loadExampleIfEmpty(api.app);
    const first = (await api.http().get(`${STORY}/timeline`).expect(200)).body as Page;
    const ukrainian = first.entries.find((entry) => /Ukrainian officials/.test(entry.statement ?? ''))!;
    const kremlin = first.entries.find((entry) => /Kremlin official/.test(entry.statement ?? ''))!;
    await api.http().post(`${STORY}/links`).send({ fromFactId: kremlin.id, toFactId: ukrainian.id, kind: 'contradicts' }).expect(201);
    whole = (await api.http().get(`${STORY}/timeline?order=occurred`).expect(200)).body;
    // The log moves on after the view was taken: the pages must still reproduce the view.
    await api.http().post(`${STORY}/reports`).send({ outlet: 'Later Wire', publishedAt: '2025-11-28T00:00:00Z', text: 'Later, a thing happened.', facts: [{ statement: 'A later thing happened', evidence: { quote: 'a thing happened' } }] }).expect(201);
  });
  afterAll(() => api.close());

  it('answers a small story in one page, with no next', () => {
    expect(whole.next).toBeNull();
    expect(whole.total).toBe(whole.entries.length);
    expect(whole.links).toHaveLength(1);
  });

  it('reproduces the unpaged view at its position, page by page', async () => {
    const pages = await allPages(`order=occurred&atPosition=${whole.position}`, 3);
    expect(pages.length).toBe(Math.ceil(whole.entries.length / 3));
    expect(pages.every((page) => page.position === whole.position && page.total === whole.total)).toBe(true);
    expect(pages.every((page) => page.entries.length <= 3)).toBe(true);
    expect(pages.flatMap((page) => page.entries)).toEqual(whole.entries);
    expect(pages.flatMap((page) => page.links)).toEqual(whole.links);
  });

  it('pins later pages to the first page position even when no atPosition was asked', async () => {
    const pages = await allPages('order=occurred', 4);
    const now = (await api.http().get(`${STORY}/timeline?order=occurred`).expect(200)).body as Page;
    expect(now.position).toBeGreaterThan(whole.position);
    expect(pages.every((page) => page.position === now.position)).toBe(true);
    expect(pages.flatMap((page) => page.entries)).toEqual(now.entries);
  });

  it('refuses a bad page request, naming the field', async () => {
    const first = (await api.http().get(`${STORY}/timeline?order=occurred&limit=2&atPosition=${whole.position}`).expect(200)).body as Page;
    expect((await api.http().get(`${STORY}/timeline?limit=0`).expect(400)).body.error.field).toBe('limit');
    expect((await api.http().get(`${STORY}/timeline?limit=5001`).expect(400)).body.error.field).toBe('limit');
    expect((await api.http().get(`${STORY}/timeline?cursor=not-a-cursor`).expect(400)).body.error.field).toBe('cursor');
    expect((await api.http().get(`${STORY}/timeline?cursor=${first.next}&order=reported`).expect(400)).body.error.field).toBe('cursor');
    expect((await api.http().get(`${STORY}/timeline?cursor=${first.next}&order=occurred&limit=2`).expect(200)).body.entries).toEqual(whole.entries.slice(2, 4));
  });
});
