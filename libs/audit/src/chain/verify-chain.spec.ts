import { chainHash } from '@storyline/event-store';
import { chainedRows, MemoryChain } from '../testing/memory-chain';
import { verifyChain } from './verify-chain';

describe('verifyChain', () => {
  let log: MemoryChain;
  const at = (position: number) => log.rows.find((row) => row.position === String(position))!;
  const replace = (position: number, change: object) => (log.rows = log.rows.map((row) => (row.position === String(position) ? { ...row, ...change } : row)));
  /** Moves rows from..head up by one, leaving `from` free, as a forger who slips an event in would. */
  const shiftUpFrom = (from: number) => {
    for (let p = log.rows.length; p >= from; p--) log.move(p, p + 1);
  };

  beforeEach(() => (log = new MemoryChain(chainedRows(50))));

  it('passes an untouched log in batches, reporting progress and the head', async () => {
    const progress: number[] = [];
    const report = await verifyChain(log, { batchSize: 20, onProgress: (checked) => progress.push(checked) });
    expect(report).toEqual({ ok: true, checked: 50, headPosition: 50, headHash: at(50).hash });
    expect(progress).toEqual([20, 40, 50]);
    expect(await verifyChain(new MemoryChain([]))).toMatchObject({ ok: true, checked: 0, headPosition: 0 });
  });

  it.each([
    ['in the middle', 17],
    ['the newest event', 50],
    ['the first event', 1],
  ])('names a changed event (%s)', async (_where, position) => {
    replace(position, { data: { n: 999 } });
    expect(await verifyChain(log, { batchSize: 7 })).toMatchObject({ ok: false, firstBadPosition: position, checked: position - 1, problem: 'changed' });
  });

  it('names a changed event whose own hash was recomputed by the position after it', async () => {
    const forged = { ...at(17), data: { n: 999 } };
    replace(17, { data: forged.data, hash: chainHash(forged.prevHash, forged) });
    expect(await verifyChain(log)).toMatchObject({ firstBadPosition: 17, problem: 'changed' });
  });

  it('names a deleted event, with or without the later positions closed up', async () => {
    log.rows = log.rows.filter((row) => row.position !== '23');
    expect(await verifyChain(log)).toMatchObject({ firstBadPosition: 23, problem: 'missing' });
    for (let p = 24; p <= 50; p++) log.move(p, p - 1);
    expect(await verifyChain(log)).toMatchObject({ firstBadPosition: 23, problem: 'missing' });
  });

  it('names an inserted event, forged carelessly or with a correct hash', async () => {
    const forged = { ...at(30), eventId: '00000000-0000-4000-8000-ffffffffffff', data: { forged: true }, hash: 'f'.repeat(64) };
    shiftUpFrom(30);
    log.rows.push(forged);
    expect(await verifyChain(log)).toMatchObject({ firstBadPosition: 30, problem: 'inserted' });
    replace(30, { hash: chainHash(forged.prevHash, forged) });
    expect(await verifyChain(log)).toMatchObject({ firstBadPosition: 30, problem: 'inserted' });
    replace(30, { prevHash: 'e'.repeat(64) });
    expect(await verifyChain(log)).toMatchObject({ firstBadPosition: 30, problem: 'inserted' });
  });

  it.each([
    [10, 40],
    [10, 11],
    [49, 50],
  ])('names two swapped events (%i and %i) as reordered at the first', async (first, second) => {
    log.move(first, 0);
    log.move(second, first);
    log.move(0, second);
    expect(await verifyChain(log)).toMatchObject({ firstBadPosition: first, problem: 'reordered' });
  });

  it('compares with a head hash kept elsewhere', async () => {
    const kept = { expectHead: at(50).hash, expectHeadPosition: 50n };
    expect(await verifyChain(log, { expectHead: at(30).hash })).toMatchObject({ ok: true });
    log.rows = log.rows.filter((row) => row.position !== '50');
    expect(await verifyChain(log)).toMatchObject({ ok: true });
    expect(await verifyChain(log, kept)).toMatchObject({ ok: false, firstBadPosition: 50, problem: 'missing' });
    const report = await verifyChain(log, { expectHead: kept.expectHead });
    expect(report).toMatchObject({ ok: false, problem: 'head-mismatch', checked: 49 });
    expect(report).not.toHaveProperty('firstBadPosition');
  });
});
