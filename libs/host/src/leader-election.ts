import { pause, type ProjectionLogger } from '@storyline/projections';
import type { LockSession } from './lock-session';

export interface LeaderElectionOptions {
  readonly openSession: () => Promise<LockSession>;
  /** This instance leads now. If it throws, leadership is given back and sought again later. */
  readonly onElected: () => Promise<void>;
  /** This instance no longer leads (its session was lost, or the election stopped). */
  readonly onDeposed: () => Promise<void>;
  /** Between two tries for the lock, and between two checks that the lock is still held; default 1000. */
  readonly retryMs?: number;
  readonly logger: ProjectionLogger;
  /** What leads, in log lines; default `projector`. */
  readonly name?: string;
}

/**
 * Campaigns for a lock that at most one session holds: tries for it every `retryMs` while
 * another instance leads, and once it has it, checks as often that its session is still
 * alive. A lost session deposes it at once (the lock went with the session) and it starts
 * campaigning again on a new one.
 */
export class LeaderElection {
  private leading = false;
  private standing = false;
  private stopping = false;
  private readonly abort = new AbortController();
  private campaign: Promise<void> | null = null;
  private firstTurn: Promise<void> = Promise.resolve();
  private readonly retryMs: number;
  private readonly name: string;

  constructor(private readonly options: LeaderElectionOptions) {
    this.retryMs = options.retryMs ?? 1000;
    this.name = options.name ?? 'projector';
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Starts campaigning; resolves after the first try, whether it won or not. */
  start(): Promise<void> {
    if (this.campaign) return this.firstTurn;
    let turned!: () => void;
    this.firstTurn = new Promise((resolve) => (turned = resolve));
    this.campaign = this.run(() => turned());
    return this.firstTurn;
  }

  /** Stops campaigning; a leader is deposed first, then its session (and lock) let go. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.campaign;
  }

  private async run(turned: () => void): Promise<void> {
    while (!this.stopping) {
      let session: LockSession | null = null;
      try {
        session = await this.options.openSession();
        await this.hold(session, turned);
      } catch (error) {
        if (!this.stopping) this.options.logger.warn(`${this.name}: leadership session failed (${describe(error)}); trying again in ${this.retryMs} ms`);
      } finally {
        await this.stepDown();
        await session?.close();
      }
      turned();
      await pause(this.retryMs, this.abort.signal);
    }
  }

  /** Campaigns, then leads, on one session until it is lost or the election stops. */
  private async hold(session: LockSession, turned: () => void): Promise<void> {
    const ended = new AbortController();
    void session.lost.then(() => ended.abort());
    const interrupted = AbortSignal.any([this.abort.signal, ended.signal]);
    while (!this.stopping) {
      if (ended.signal.aborted) throw new Error('the connection holding the leadership lock was lost');
      if (this.leading) await session.ping();
      else if (await session.tryLock()) await this.stepUp();
      else this.standBy();
      turned();
      await pause(this.retryMs, interrupted);
    }
  }

  private standBy(): void {
    if (this.standing) return;
    this.standing = true;
    this.options.logger.log(`${this.name}: another instance leads; standing by (trying every ${this.retryMs} ms)`);
  }

  private async stepUp(): Promise<void> {
    this.standing = false;
    this.leading = true;
    this.options.logger.log(`${this.name}: this instance leads${this.name === 'projector' ? '; projecting' : ''}`);
    await this.options.onElected();
  }

  private async stepDown(): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    this.options.logger.log(`${this.name}: this instance no longer leads${this.name === 'projector' ? '; projecting stopped' : ''}`);
    await this.options.onDeposed().catch((error: unknown) => this.options.logger.error(`${this.name}: stopping failed (${describe(error)})`));
  }
}


const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
