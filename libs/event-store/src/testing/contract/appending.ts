import { ConcurrencyError, InvalidAppendError } from '../../errors';
import type { AppendResult, NewEvent } from '../../event-store.port';
import { idsOf, reported, reports, storyStream, type CurrentStore } from './fixtures';

export function appendingContract(store: CurrentStore): void {
  describe('appending', () => {
    it('starts a new stream with no_stream, at revision 0', async () => {
      const stream = storyStream();
      const result = await store().appendToStream(stream, [reported()], 'no_stream');
      expect(result.nextExpectedRevision).toBe(0n);
      expect(result.alreadyAppended).toBe(false);
      expect(result.positions).toEqual([result.position]);
      expect((await store().readStream(stream)).map((event) => event.streamRevision)).toEqual([0n]);
    });

    it('appends after the revision the appender last saw', async () => {
      const stream = storyStream();
      const first = await store().appendToStream(stream, reports(2), 'no_stream');
      expect(first.nextExpectedRevision).toBe(1n);
      const second = await store().appendToStream(stream, reports(3), first.nextExpectedRevision);
      expect(second.nextExpectedRevision).toBe(4n);
      expect(second.positions).toHaveLength(3);
      expect(second.positions[0]).toBeGreaterThan(first.position);
      expect((await store().readStream(stream)).map((event) => event.streamRevision)).toEqual([0n, 1n, 2n, 3n, 4n]);
    });

    it('refuses a stale revision and appends nothing', async () => {
      const stream = storyStream();
      await store().appendToStream(stream, reports(2), 'no_stream');
      const late = reported();
      const refusal = store().appendToStream(stream, [late], 0n);
      await expect(refusal).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(refusal).rejects.toMatchObject({ streamId: stream, expected: '0', actual: '1' });
      expect(await store().readStream(stream)).toHaveLength(2);
      expect(idsOf(await store().readAll({ maxCount: 100 }))).not.toContain(late.eventId);
    });

    it('refuses no_stream on a stream that exists', async () => {
      const stream = storyStream();
      await store().appendToStream(stream, [reported()], 'no_stream');
      await expect(store().appendToStream(stream, [reported()], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store().readStream(stream)).toHaveLength(1);
    });

    it('refuses stream_exists and any revision on a missing stream', async () => {
      const stream = storyStream();
      await expect(store().appendToStream(stream, [reported()], 'stream_exists')).rejects.toMatchObject({
        name: 'ConcurrencyError',
        actual: 'no_stream',
      });
      await expect(store().appendToStream(stream, [reported()], 0n)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store().readStream(stream)).toEqual([]);
      expect(await store().headPosition()).toBe(0n);
    });

    it('accepts stream_exists on a stream that exists', async () => {
      const stream = storyStream();
      await store().appendToStream(stream, [reported()], 'no_stream');
      const result = await store().appendToStream(stream, [reported()], 'stream_exists');
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('appends with any whether or not the stream exists', async () => {
      const stream = storyStream();
      expect((await store().appendToStream(stream, [reported()], 'any')).nextExpectedRevision).toBe(0n);
      expect((await store().appendToStream(stream, reports(2), 'any')).nextExpectedRevision).toBe(2n);
    });

    it('stores a multi-event append atomically, at consecutive revisions', async () => {
      const stream = storyStream();
      await store().appendToStream(stream, [reported()], 'no_stream');
      const batch = reports(5);
      await expect(store().appendToStream(stream, batch, 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store().readStream(stream)).toHaveLength(1);
      const result = await store().appendToStream(stream, batch, 0n);
      const stored = await store().readStream(stream, { fromRevision: 1n });
      expect(idsOf(stored)).toEqual(idsOf(batch));
      expect(stored.map((event) => event.position)).toEqual(result.positions);
    });

    it('lets exactly one of several concurrent appends at the same revision win', async () => {
      const stream = storyStream();
      await store().appendToStream(stream, [reported()], 'no_stream');
      const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => store().appendToStream(stream, reports(2), 0n)));
      const won = attempts.filter((attempt): attempt is PromiseFulfilledResult<AppendResult> => attempt.status === 'fulfilled');
      const lost = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(won[0].value.nextExpectedRevision).toBe(2n);
      lost.forEach((attempt) => expect(attempt.reason).toBeInstanceOf(ConcurrencyError));
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('refuses malformed appends up front and stores nothing', async () => {
      const stream = storyStream();
      const malformed: [string, string, NewEvent[]][] = [
        ['no events', stream, []],
        ['a non-UUID event id', stream, [{ ...reported(), eventId: 'report-1' }]],
        ['a schema version below 1', stream, [{ ...reported(), schemaVersion: 0 }]],
        ['an empty type', stream, [reported({}, '')]],
        ['U+0000 in data', stream, [reported({ statement: 'nul \u0000 byte' })]],
        ['a lone surrogate in data', stream, [reported({ statement: 'half \ud83d an emoji' })]],
        ['U+0000 in the stream id', `${stream}\u0000`, [reported()]],
        ['data that is not JSON', stream, [{ ...reported(), data: undefined }]],
      ];
      for (const [problem, streamId, events] of malformed) {
        await expect(store().appendToStream(streamId, events, 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        expect([problem, await store().headPosition()]).toEqual([problem, 0n]);
      }
      await expect(store().appendToStream(stream, [{ ...reported(), eventId: 'report-1' }], 'any')).rejects.toThrow(/not a UUID/);
    });
  });
}
