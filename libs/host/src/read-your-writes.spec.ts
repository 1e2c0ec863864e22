import { ProjectionFailedError } from '@storyline/projections';
import { readModelSync, ReadYourWritesCounts, type PositionFollower } from './read-your-writes';

function follower(answer: (position: bigint) => Promise<boolean>): PositionFollower & { asked: [bigint, number][] } {
  const asked: [bigint, number][] = [];
  return { asked, waitFor: (position, timeoutMs) => (asked.push([position, timeoutMs]), answer(position)) };
}

describe('read-your-writes', () => {
  it('says applied or timeout, waits as configured, and counts each', async () => {
    const counts = new ReadYourWritesCounts();
    const projector = follower(async (position) => position <= 5n);
    const sync = readModelSync(projector, 250, counts, { error: () => undefined });
    expect(await sync.waitFor(3n)).toBe('applied');
    expect(await sync.waitFor(9n)).toBe('timeout');
    expect(await sync.waitFor(10n)).toBe('timeout');
    expect(projector.asked).toEqual([[3n, 250], [9n, 250], [10n, 250]]);
    expect(counts.entries()).toEqual([['applied', 1], ['timeout', 2], ['projector-failed', 0]]);
  });

  it('turns a stopped projector into projector-failed, logged and counted, never into a silent false', async () => {
    const counts = new ReadYourWritesCounts();
    const logged: string[] = [];
    const failure = new ProjectionFailedError('timeline', 7n, 'FactReported', 'e-1', new Error('bad row'));
    const sync = readModelSync(follower(() => Promise.reject(failure)), 100, counts, { error: (message) => logged.push(message) });
    expect(await sync.waitFor(8n)).toBe('projector-failed');
    expect(counts.get('projector-failed')).toBe(1);
    expect(counts.get('timeout')).toBe(0);
    expect(logged).toEqual([expect.stringMatching(/position 8 gave up .*projector has stopped.*bad row/)]);
  });
});
