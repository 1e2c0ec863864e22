import { START, type StoredEvent } from '../../event-store.port';
import { idsOf, reported, reports, storyStream, type CurrentStore } from './fixtures';

export function readingContract(store: CurrentStore): void {
  describe('reading a stream', () => {
    it('reads from a revision, at most maxCount events', async () => {
      const stream = storyStream();
      const written = reports(12);
      await store().appendToStream(stream, written, 'no_stream');
      await store().appendToStream(storyStream(), reports(2), 'no_stream');
      expect(idsOf(await store().readStream(stream))).toEqual(idsOf(written));
      expect(idsOf(await store().readStream(stream, { fromRevision: 2n }))).toEqual(idsOf(written.slice(2)));
      const page = await store().readStream(stream, { fromRevision: 1n, maxCount: 3 });
      expect(page.map((event) => event.streamRevision)).toEqual([1n, 2n, 3n]);
      expect((await store().readStream(stream, { fromRevision: 9n })).map((event) => event.streamRevision)).toEqual([9n, 10n, 11n]);
      expect(await store().readStream(stream, { fromRevision: 12n })).toEqual([]);
    });

    it('reads a missing stream as no events', async () => {
      expect(await store().readStream(storyStream())).toEqual([]);
    });

    it("gives a stream's newest revision without reading the stream, and null for a missing one", async () => {
      const stream = storyStream();
      expect(await store().streamRevision(stream)).toBeNull();
      await store().appendToStream(stream, reports(3), 'no_stream');
      await store().appendToStream(storyStream(), reports(5), 'no_stream');
      expect(await store().streamRevision(stream)).toBe(2n);
      await store().appendToStream(stream, reports(2), 2n);
      const events = await store().readStream(stream);
      expect(await store().streamRevision(stream)).toBe(events[events.length - 1].streamRevision);
    });

    it('gives back data and metadata exactly as appended', async () => {
      const data = {
        statement: 'Le pont a été fermé — 橋が閉鎖された 🌉',
        occurred: { from: '2025-11-30T22:00:00.000Z', to: null, precision: 'hour' },
        attributedTo: ['مصدر', 'Ζωή', null],
        confidence: 0.875,
        count: -12,
        flags: { verified: false, nested: { deeper: [[1, 2], [], {}] } },
        quote: 'He said "no" \\ then left\nand\ttabbed',
      };
      const metadata = { actor: 'api-key:7 (Åsa)', correlationId: 'c-1', causationId: null, idempotencyKey: null, extractor: { name: 'x', version: '1.2.3' } };
      const stream = storyStream();
      await store().appendToStream(stream, [{ eventId: reported().eventId, type: 'FactReported', schemaVersion: 3, data, metadata }], 'no_stream');
      const [stored] = await store().readStream(stream);
      expect(stored).toMatchObject({ type: 'FactReported', schemaVersion: 3, streamId: stream, streamRevision: 0n });
      expect(stored.data).toEqual(data);
      expect(stored.metadata).toEqual(metadata);
      expect(stored.recordedAt).toBeInstanceOf(Date);
      expect(typeof stored.position).toBe('bigint');
      expect(typeof stored.streamRevision).toBe('bigint');
    });

    it('stores scalar and null data as they are', async () => {
      const stream = storyStream();
      await store().appendToStream(stream, [reported(null), reported('plain'), reported(42), reported([])], 'no_stream');
      expect((await store().readStream(stream)).map((event) => event.data)).toEqual([null, 'plain', 42, []]);
    });
  });

  describe('reading the global log', () => {
    it('reads every event in position order, from START or after a position', async () => {
      const [a, b] = [storyStream(), storyStream()];
      await store().appendToStream(a, reports(2), 'no_stream');
      await store().appendToStream(b, reports(1), 'no_stream');
      await store().appendToStream(a, reports(2), 1n);
      const all = await store().readAll({ after: START, maxCount: 100 });
      expect(all.map((event) => event.streamId)).toEqual([a, a, b, a, a]);
      expectStrictlyIncreasing(all.map((event) => event.position));
      expect(all[0].position).toBeGreaterThan(START);
      expect(idsOf(await store().readAll({ after: all[1].position, maxCount: 100 }))).toEqual(idsOf(all.slice(2)));
      expect(idsOf(await store().readAll({ after: all[0].position, maxCount: 2 }))).toEqual(idsOf(all.slice(1, 3)));
      expect(await store().readAll({ after: all[4].position, maxCount: 100 })).toEqual([]);
      expect(await store().readAll({ maxCount: 0 })).toEqual([]);
    });

    it('keeps numeric position order past single digits', async () => {
      const stream = storyStream();
      for (let round = 0; round < 12; round++) await store().appendToStream(stream, [reported()], 'any');
      const positions = (await store().readAll({ maxCount: 100 })).map((event) => event.position);
      expect(positions).toHaveLength(12);
      expectStrictlyIncreasing(positions);
      const later = (await store().readAll({ after: positions[8], maxCount: 100 })).map((event) => event.position);
      expect(later).toEqual(positions.slice(9));
    });

    it('reads only the streams under the given prefixes', async () => {
      const [story, otherStory, audit] = [storyStream('story-'), storyStream('story-'), storyStream('audit-')];
      await store().appendToStream(story, reports(2), 'no_stream');
      await store().appendToStream(audit, reports(2), 'no_stream');
      await store().appendToStream(otherStory, reports(1), 'no_stream');
      const stories = await store().readAll({ maxCount: 100, streamPrefixes: ['story-'] });
      expect(stories.map((event) => event.streamId)).toEqual([story, story, otherStory]);
      const both = await store().readAll({ maxCount: 100, streamPrefixes: ['audit-', otherStory] });
      expect(both.map((event) => event.streamId)).toEqual([audit, audit, otherStory]);
      expect(await store().readAll({ maxCount: 100, streamPrefixes: ['story_%'] })).toEqual([]);
      const afterFirst = await store().readAll({ after: stories[0].position, maxCount: 1, streamPrefixes: ['story-'] });
      expect(afterFirst.map((event) => event.position)).toEqual([stories[1].position]);
    });

    it('records times that never go backwards along the log', async () => {
      for (let round = 0; round < 5; round++) {
        await Promise.all([0, 1, 2].map(() => store().appendToStream(storyStream(), reports(2), 'no_stream')));
      }
      const times = (await store().readAll({ maxCount: 100 })).map((event) => event.recordedAt.getTime());
      expect(times).toHaveLength(30);
      times.slice(1).forEach((time, index) => expect(time).toBeGreaterThanOrEqual(times[index]));
      expect(Math.abs(times[0] - Date.now())).toBeLessThan(60_000);
    });

    it('reports the head position', async () => {
      expect(await store().headPosition()).toBe(START);
      const first = await store().appendToStream(storyStream(), reports(3), 'no_stream');
      expect(await store().headPosition()).toBe(first.position);
      const second = await store().appendToStream(storyStream(), reports(1), 'no_stream');
      expect(await store().headPosition()).toBe(second.position);
      expect(second.position).toBeGreaterThan(first.position);
    });

    it('tells each append the positions its events were stored at', async () => {
      const appends = [1, 2, 3].map((count) => ({ stream: storyStream(), events: reports(count) }));
      const results = await Promise.all(appends.map(({ stream, events }) => store().appendToStream(stream, events, 'no_stream')));
      const positionOf = new Map((await store().readAll({ maxCount: 100 })).map((event: StoredEvent) => [event.eventId, event.position]));
      expect(positionOf.size).toBe(6);
      appends.forEach(({ events }, index) => {
        expect(results[index].positions).toEqual(events.map((event) => positionOf.get(event.eventId)));
        expect(results[index].position).toBe(positionOf.get(events[events.length - 1].eventId));
      });
    });
  });
}

function expectStrictlyIncreasing(positions: readonly bigint[]): void {
  positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]));
}
