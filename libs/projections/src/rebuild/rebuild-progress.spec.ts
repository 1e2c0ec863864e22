import { RATE_WINDOW_MS, RebuildProgress } from './rebuild-progress';

/** A clock the test moves by hand. */
function clock(startMs = Date.UTC(2026, 10, 22, 12)): { now: () => number; advance: (ms: number) => void } {
  let now = startMs;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

describe('RebuildProgress', () => {
  it('builds until it reaches the head it started from, then catches up, swaps and is done', () => {
    const time = clock();
    const progress = new RebuildProgress('rebuild_timeline_abc123', ['timeline'], time.now);
    progress.begin(1000n);
    time.advance(1000);
    progress.observe(400n, 1000n);
    expect(progress.state).toBe('building');
    time.advance(1000);
    progress.observe(1000n, 1100n);
    expect(progress.state).toBe('catching-up');
    progress.swapping();
    expect(progress.state).toBe('swapping');
    time.advance(500);
    progress.finish(1120n);
    expect(progress.snapshot()).toEqual({
      id: 'rebuild_timeline_abc123',
      projections: ['timeline'],
      state: 'done',
      position: 1120,
      head: 1120,
      percent: 100,
      eventsPerSecond: 448,
      etaSeconds: 0,
      startedAt: '2026-11-22T12:00:00.000Z',
      finishedAt: '2026-11-22T12:00:02.500Z',
      error: null,
    });
  });

  it('measures the rate over the last few seconds and the time left at that rate', () => {
    const time = clock();
    const progress = new RebuildProgress('r', ['stories'], time.now);
    progress.begin(100_000n);
    for (let second = 1; second <= 10; second++) {
      time.advance(1000);
      progress.observe(BigInt(second <= 5 ? second * 1000 : 5000 + (second - 5) * 4000), 100_000n);
    }
    const snapshot = progress.snapshot();
    expect(RATE_WINDOW_MS).toBe(5000);
    expect(snapshot).toMatchObject({ state: 'building', position: 25_000, head: 100_000, percent: 25, eventsPerSecond: 4000 });
    expect(snapshot.etaSeconds).toBe(Math.ceil(75_000 / 4000));
  });

  it('has no rate or time left before the first sample that moved, and percent 100 on an empty log', () => {
    const time = clock();
    const progress = new RebuildProgress('r', ['stories'], time.now);
    progress.begin(500n);
    expect(progress.snapshot()).toMatchObject({ percent: 0, eventsPerSecond: 0, etaSeconds: null });
    const empty = new RebuildProgress('e', ['stories'], time.now);
    empty.begin(0n);
    empty.observe(0n, 0n);
    expect(empty.snapshot()).toMatchObject({ state: 'catching-up', percent: 100, etaSeconds: 0 });
  });

  it('never lets the position or the head go back', () => {
    const progress = new RebuildProgress('r', ['stories'], clock().now);
    progress.begin(10n);
    progress.observe(8n, 12n);
    progress.observe(5n, 11n);
    expect(progress.snapshot()).toMatchObject({ position: 8, head: 12, percent: 66.6 });
  });

  it('goes back to catching up when a swap could not take its locks', () => {
    const progress = new RebuildProgress('r', ['stories'], clock().now);
    progress.begin(0n);
    progress.observe(0n, 0n);
    progress.swapping();
    progress.retry();
    expect(progress.state).toBe('catching-up');
  });

  it('refuses transitions that skip a step or leave a finished rebuild', () => {
    const progress = new RebuildProgress('r', ['stories'], clock().now);
    expect(() => progress.retry()).toThrow('a rebuild cannot go from building to catching-up');
    expect(() => progress.finish(0n)).toThrow('from building to done');
    progress.swapping();
    progress.finish(0n);
    expect(() => progress.swapping()).toThrow('from done to swapping');
    progress.fail(new Error('too late'));
    expect(progress.snapshot()).toMatchObject({ state: 'done', error: null });
  });

  it('keeps why it failed, with the time it stopped', () => {
    const time = clock();
    const progress = new RebuildProgress('r', ['timeline'], time.now);
    progress.begin(100n);
    time.advance(2000);
    progress.observe(50n, 100n);
    progress.fail(new Error('fact f names report r, which was never ingested'));
    expect(progress.running).toBe(false);
    expect(progress.snapshot()).toMatchObject({
      state: 'failed',
      position: 50,
      eventsPerSecond: 25,
      etaSeconds: null,
      finishedAt: '2026-11-22T12:00:02.000Z',
      error: 'fact f names report r, which was never ingested',
    });
  });
});
