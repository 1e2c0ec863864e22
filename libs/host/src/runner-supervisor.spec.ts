import { RunnerSupervisor, type Supervisable } from './runner-supervisor';

class FakeRunner implements Supervisable {
  starts = 0;
  failStarts = 0;
  private errorListeners: ((error: Error) => void)[] = [];
  private commitListeners: (() => void)[] = [];
  async start(): Promise<void> {
    this.starts += 1;
    if (this.failStarts > 0) {
      this.failStarts -= 1;
      throw new Error('database unreachable');
    }
  }
  onError(listener: (error: Error) => void) {
    this.errorListeners.push(listener);
    return () => (this.errorListeners = this.errorListeners.filter((l) => l !== listener));
  }
  onCommitted(listener: () => void) {
    this.commitListeners.push(listener);
    return () => (this.commitListeners = this.commitListeners.filter((l) => l !== listener));
  }
  fail(message: string) {
    for (const listener of this.errorListeners) listener(new Error(message));
  }
  commit() {
    for (const listener of this.commitListeners) listener();
  }
}

describe('RunnerSupervisor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const logger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

  it('starts a failed runner again after growing pauses, and resets them after a commit', async () => {
    const runner = new FakeRunner();
    const supervisor = new RunnerSupervisor(runner, logger, [10, 100, 1000]);
    runner.fail('connection terminated');
    expect(logger.error).toHaveBeenLastCalledWith('projector stopped (connection terminated); starting it again in 0.01 s');
    await jest.advanceTimersByTimeAsync(10);
    expect(runner.starts).toBe(1);
    runner.fail('again');
    await jest.advanceTimersByTimeAsync(99);
    expect(runner.starts).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(runner.starts).toBe(2);
    runner.commit();
    runner.fail('after a good batch');
    await jest.advanceTimersByTimeAsync(10);
    expect(runner.starts).toBe(3);
    supervisor.stop();
  });

  it('keeps trying when starting itself fails, at the longest pause at most', async () => {
    const runner = new FakeRunner();
    runner.failStarts = 3;
    const supervisor = new RunnerSupervisor(runner, logger, [10, 100]);
    runner.fail('down');
    await jest.advanceTimersByTimeAsync(10 + 100 + 100 + 100);
    expect(runner.starts).toBe(4);
    supervisor.stop();
  });

  it('does nothing once stopped', async () => {
    const runner = new FakeRunner();
    const supervisor = new RunnerSupervisor(runner, logger, [10]);
    supervisor.stop();
    runner.fail('late');
    await jest.advanceTimersByTimeAsync(100);
    expect(runner.starts).toBe(0);
  });
});
