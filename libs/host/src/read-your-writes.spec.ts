import { ProjectionFailedError } from '@storyline/projections';
import { register } from 'prom-client';
import { observedReadModelSync } from './metrics';
import { readModelSync, type PositionFollower } from './read-your-writes';

function follower(answer: (position: bigint) => Promise<boolean>): PositionFollower & { asked: [bigint, number][] } {
  const asked: [bigint, number][] = [];
  return { asked, waitFor: (position, timeoutMs) => (asked.push([position, timeoutMs]), answer(position)) };
}

async function counted(outcome: string): Promise<number> {
  const metric = await register.getSingleMetric('storyline_read_your_writes_total')?.get();
  return metric?.values.find((value) => value.labels.outcome === outcome)?.value ?? 0;
}

describe('read-your-writes', () => {
  it('says applied or timeout, waiting as configured', async () => {
    const projector = follower(async (position) => position <= 5n);
    const sync = readModelSync(projector, 250, { error: () => undefined });
    expect(await sync.waitFor(3n)).toBe('applied');
    expect(await sync.waitFor(9n)).toBe('timeout');
    expect(projector.asked).toEqual([[3n, 250], [9n, 250]]);
  });

  it('turns a stopped projector into projector-failed, logged, never into a silent false', async () => {
    const logged: string[] = [];
    const failure = new ProjectionFailedError('timeline', 7n, 'FactReported', 'e-1', new Error('bad row'));
    const sync = readModelSync(follower(() => Promise.reject(failure)), 100, { error: (message) => logged.push(message) });
    expect(await sync.waitFor(8n)).toBe('projector-failed');
    expect(logged).toEqual([expect.stringMatching(/position 8 gave up .*projector has stopped.*bad row/)]);
  });

  it('counts each outcome for /metrics', async () => {
    const before = { applied: await counted('applied'), timeout: await counted('timeout'), failed: await counted('projector-failed') };
    const outcomes = ['applied', 'timeout', 'timeout', 'projector-failed'] as const;
    let next = 0;
    const sync = observedReadModelSync({ waitFor: async () => outcomes[next++] });
    for (const expected of outcomes) expect(await sync.waitFor(1n)).toBe(expected);
    expect(await counted('applied')).toBe(before.applied + 1);
    expect(await counted('timeout')).toBe(before.timeout + 2);
    expect(await counted('projector-failed')).toBe(before.failed + 1);
  });
});
