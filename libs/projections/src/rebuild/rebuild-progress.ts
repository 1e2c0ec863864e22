import { positionToJson } from '@storyline/story-events';
/**
 * Where a rebuild is: replaying the log as it stood when it began (`building`), following
 * what was appended since (`catching-up`), replacing the live tables (`swapping`), then
 * `done` or `failed`.
 */
export type RebuildState = 'building' | 'catching-up' | 'swapping' | 'done' | 'failed';

/** A rebuild's progress as the API and the CLI show it; positions are global log positions. */
export interface RebuildSnapshot {
  readonly id: string;
  readonly projections: readonly string[];
  readonly state: RebuildState;
  /** How far the rebuilt tables have applied the log. */
  readonly position: number;
  /** The log's head when last looked at. */
  readonly head: number;
  /** `position / head` in percent, one decimal; 100 once done. */
  readonly percent: number;
  /** Log positions applied per second: over the last few seconds while running, overall once done. */
  readonly eventsPerSecond: number;
  /** Seconds left at the current rate; null while there is no rate yet, 0 once done. */
  readonly etaSeconds: number | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

interface Sample {
  readonly at: number;
  readonly position: bigint;
}

const NEXT: Record<RebuildState, readonly RebuildState[]> = {
  building: ['catching-up', 'swapping', 'failed'],
  'catching-up': ['swapping', 'failed'],
  swapping: ['catching-up', 'done', 'failed'],
  done: [],
  failed: [],
};

/** The rate is measured over this window, so that it follows a log that speeds up or slows down. */
export const RATE_WINDOW_MS = 5_000;

/** Progress math and the allowed state transitions of one rebuild; times come from `now`. */
export class RebuildProgress {
  private current: RebuildState = 'building';
  private samples: Sample[] = [];
  private position = 0n;
  private head = 0n;
  /** The head when the rebuild began: reaching it ends `building`. */
  private history = 0n;
  private readonly startedAt: number;
  private finishedAt: number | null = null;
  private error: string | null = null;

  constructor(
    readonly id: string,
    readonly projections: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
    this.samples.push({ at: this.startedAt, position: 0n });
  }

  get state(): RebuildState {
    return this.current;
  }

  get running(): boolean {
    return this.current !== 'done' && this.current !== 'failed';
  }

  /** The head the rebuild starts from; it is `building` until it has applied that much. */
  begin(head: bigint): void {
    this.history = head;
    this.head = head;
  }

  /** A new position of the rebuilt tables and of the log's head. */
  observe(position: bigint, head: bigint): void {
    const at = this.now();
    if (position > this.position) this.position = position;
    if (head > this.head) this.head = head;
    this.samples.push({ at, position: this.position });
    this.samples = this.samples.filter((sample, index) => index === this.samples.length - 1 || at - sample.at <= RATE_WINDOW_MS);
    if (this.current === 'building' && this.position >= this.history) this.move('catching-up');
  }

  swapping(): void {
    this.move('swapping');
  }

  /** A swap could not take its locks in time: follow the log again, then try once more. */
  retry(): void {
    this.expect('swapping', 'catching-up');
    this.move('catching-up');
  }

  finish(position: bigint): void {
    this.expect('swapping', 'done');
    this.observe(position, position);
    this.move('done');
    this.finishedAt = this.now();
  }

  fail(error: unknown): void {
    if (!this.running) return;
    this.error = error instanceof Error ? error.message : String(error);
    this.move('failed');
    this.finishedAt = this.now();
  }

  snapshot(): RebuildSnapshot {
    const rate = this.rate();
    const left = this.head > this.position ? Number(this.head - this.position) : 0;
    return {
      id: this.id,
      projections: this.projections,
      state: this.current,
      position: positionToJson(this.position),
      head: positionToJson(this.head),
      percent: this.current === 'done' ? 100 : percentOf(this.position, this.head),
      eventsPerSecond: Math.round(rate),
      etaSeconds: this.eta(rate, left),
      startedAt: new Date(this.startedAt).toISOString(),
      finishedAt: this.finishedAt === null ? null : new Date(this.finishedAt).toISOString(),
      error: this.error,
    };
  }

  private eta(rate: number, left: number): number | null {
    if (this.current === 'done' || (this.running && left === 0)) return 0;
    if (!this.running || rate <= 0) return null;
    return Math.ceil(left / rate);
  }

  private rate(): number {
    if (!this.running) {
      const seconds = ((this.finishedAt ?? this.now()) - this.startedAt) / 1000;
      return seconds > 0 ? Number(this.position) / seconds : 0;
    }
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const seconds = (last.at - first.at) / 1000;
    return seconds > 0 ? Number(last.position - first.position) / seconds : 0;
  }

  private expect(state: RebuildState, to: RebuildState): void {
    if (this.current !== state) throw new Error(`a rebuild cannot go from ${this.current} to ${to}`);
  }

  private move(to: RebuildState): void {
    if (!NEXT[this.current].includes(to)) throw new Error(`a rebuild cannot go from ${this.current} to ${to}`);
    this.current = to;
  }
}

function percentOf(position: bigint, head: bigint): number {
  if (head === 0n) return 100;
  return Math.min(100, Math.floor(Number((position * 1000n) / head)) / 10);
}
