import { chainedRows, MemoryChain } from '../testing/memory-chain';
import { LogTailCheck } from './tail-check';

describe('LogTailCheck', () => {
  it('checks the last window first, then only what was appended since', async () => {
    const all = chainedRows(30);
    const chain = new MemoryChain(all.slice(0, 20));
    const check = new LogTailCheck(chain, { window: 5 });
    expect(check.lastKnown.status).toBe('unknown');
    expect(await check.check()).toMatchObject({ status: 'ok', since: 15, checkedUpTo: 20 });
    chain.rows = all;
    expect(await check.check()).toMatchObject({ status: 'ok', since: 15, checkedUpTo: 30 });
  });

  it('names the first appended event that does not link to the last checked one', async () => {
    const all = chainedRows(12);
    const chain = new MemoryChain(all.slice(0, 10));
    const check = new LogTailCheck(chain, { window: 100 });
    expect((await check.check()).status).toBe('ok');
    chain.rows = [...all.slice(0, 10), { ...all[10], data: { n: 'changed' } }, all[11]];
    expect(await check.check()).toMatchObject({ status: 'broken', checkedUpTo: 10, firstBadPosition: 11 });
  });

  it('checks at most maxPerCheck events a call and carries on at the next', async () => {
    const check = new LogTailCheck(new MemoryChain(chainedRows(10)), { window: 100, maxPerCheck: 4 });
    expect((await check.check()).checkedUpTo).toBe(4);
    expect((await check.check()).checkedUpTo).toBe(8);
    expect((await check.check()).checkedUpTo).toBe(10);
  });
});
