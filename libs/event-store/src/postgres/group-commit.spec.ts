import type { AppendResult } from '../event-store.port';
import type { AppendOutcome, QueuedAppend } from './batch-plan';
import { GroupCommit } from './group-commit';

const result: AppendResult = { nextExpectedRevision: 0n, position: 1n, positions: [1n], alreadyAppended: false };

function queued(streamId: string, events = 1): QueuedAppend {
  const event = { eventId: streamId, type: 't', schemaVersion: 1, data: '{}', metadata: '{}' };
  return { streamId, events: Array.from({ length: events }, () => event), expected: 'any' };
}

describe('GroupCommit', () => {
  it('gathers the appends made while a batch commits into the next batch', async () => {
    const batches: string[][] = [];
    const group = new GroupCommit(async (batch) => {
      batches.push(batch.map((append) => append.streamId));
      await new Promise((resolve) => setTimeout(resolve, 10));
      return batch.map(() => ({ result }));
    });
    const first = [group.submit(queued('a')), group.submit(queued('b'))];
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = ['c', 'd', 'e'].map((id) => group.submit(queued(id)));
    await Promise.all([...first, ...second]);
    expect(batches).toEqual([['a', 'b'], ['c', 'd', 'e']]);
  });

  it('settles each append with its own outcome, and all of a batch with a failed commit', async () => {
    const refusal = new Error('refused');
    let commits = 0;
    const group = new GroupCommit(async (batch): Promise<AppendOutcome[]> => {
      if (++commits === 2) throw new Error('connection lost');
      return batch.map((append) => (append.streamId === 'bad' ? { error: refusal } : { result }));
    });
    const firstBatch = await Promise.allSettled([group.submit(queued('good')), group.submit(queued('bad'))]);
    expect(firstBatch.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected']);
    const secondBatch = Promise.allSettled([group.submit(queued('x')), group.submit(queued('y'))]);
    expect((await secondBatch).map((outcome) => (outcome as PromiseRejectedResult).reason?.message)).toEqual(['connection lost', 'connection lost']);
    await expect(group.submit(queued('after'))).resolves.toBe(result);
  });

  it('caps a batch by appends and by events', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit(
      async (batch) => {
        sizes.push(batch.length);
        return batch.map(() => ({ result }));
      },
      { maxAppends: 3, maxEvents: 10 },
    );
    await Promise.all([...['a', 'b', 'c', 'd'].map((id) => group.submit(queued(id))), group.submit(queued('big', 9)), group.submit(queued('e', 2))]);
    // a b c | d + big = 10 events, the cap | e
    expect(sizes).toEqual([3, 2, 1]);
    await group.idle();
  });
});
