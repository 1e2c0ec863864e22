import { LeaderElection } from './leader-election';
import type { LockSession } from './lock-session';

/** One lock that sessions of a fake database share; a session's end releases it. */
class FakeLock {
  holder: FakeSession | null = null;
  readonly sessions: FakeSession[] = [];
  refuseConnections = false;

  open = async (): Promise<LockSession> => {
    if (this.refuseConnections) throw new Error('connection refused');
    const session = new FakeSession(this);
    this.sessions.push(session);
    return session;
  };
}

class FakeSession implements LockSession {
  readonly lost: Promise<void>;
  private drop!: () => void;
  closed = false;

  constructor(private readonly lock: FakeLock) {
    this.lost = new Promise((resolve) => (this.drop = resolve));
  }

  async tryLock(): Promise<boolean> {
    if (this.closed) throw new Error('connection ended');
    this.lock.holder ??= this;
    return this.lock.holder === this;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('connection ended');
  }

  /** The connection dropped (the server went away, or the process holding it died). */
  sever(): void {
    this.end();
    this.drop();
  }

  async close(): Promise<void> {
    this.end();
  }

  private end(): void {
    this.closed = true;
    if (this.lock.holder === this) this.lock.holder = null;
  }
}

const quiet = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };

function candidate(lock: FakeLock, events: string[], name: string): LeaderElection {
  return new LeaderElection({
    openSession: lock.open,
    onElected: async () => void events.push(`${name} elected`),
    onDeposed: async () => void events.push(`${name} deposed`),
    retryMs: 1000,
    logger: quiet,
  });
}

describe('LeaderElection', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets one of two candidates lead; the other takes over within a retry when the leader is lost', async () => {
    const lock = new FakeLock();
    const events: string[] = [];
    const a = candidate(lock, events, 'a');
    const b = candidate(lock, events, 'b');
    await a.start();
    await b.start();
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    await jest.advanceTimersByTimeAsync(5000);
    expect(events).toEqual(['a elected']);

    (lock.holder as FakeSession).sever();
    await a.stop();
    expect(events).toEqual(['a elected', 'a deposed']);
    await jest.advanceTimersByTimeAsync(1000);
    expect(b.isLeader).toBe(true);
    expect(events).toEqual(['a elected', 'a deposed', 'b elected']);
    await b.stop();
    expect(events).toEqual(['a elected', 'a deposed', 'b elected', 'b deposed']);
    expect(lock.holder).toBeNull();
  });

  it('stops projecting at once when its connection drops, and campaigns again on a new one', async () => {
    const lock = new FakeLock();
    const events: string[] = [];
    const a = candidate(lock, events, 'a');
    const b = candidate(lock, events, 'b');
    await a.start();
    await b.start();
    (lock.holder as FakeSession).sever();
    await jest.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['a elected', 'a deposed']);
    await jest.advanceTimersByTimeAsync(1000);
    expect([a.isLeader, b.isLeader].filter(Boolean)).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect([a.isLeader, b.isLeader].filter(Boolean)).toHaveLength(1);
    expect(lock.sessions.filter((session) => !session.closed)).toHaveLength(2);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('keeps trying while the database cannot be reached, and leads once it can', async () => {
    const lock = new FakeLock();
    lock.refuseConnections = true;
    const events: string[] = [];
    const a = candidate(lock, events, 'a');
    await a.start();
    await jest.advanceTimersByTimeAsync(3000);
    expect(a.isLeader).toBe(false);
    lock.refuseConnections = false;
    await jest.advanceTimersByTimeAsync(1000);
    expect(a.isLeader).toBe(true);
    await a.stop();
  });

  it('gives the lock back when it cannot start projecting, and tries again', async () => {
    const lock = new FakeLock();
    let failures = 1;
    const election = new LeaderElection({
      openSession: lock.open,
      onElected: async () => {
        if (failures-- > 0) throw new Error('database unreachable');
      },
      onDeposed: async () => undefined,
      retryMs: 1000,
      logger: quiet,
    });
    await election.start();
    expect(election.isLeader).toBe(false);
    expect(lock.holder).toBeNull();
    await jest.advanceTimersByTimeAsync(1000);
    expect(election.isLeader).toBe(true);
    await election.stop();
    expect(lock.sessions.every((session) => session.closed)).toBe(true);
  });
});
