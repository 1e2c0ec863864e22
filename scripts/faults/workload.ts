import { randomUUID } from 'node:crypto';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { Client } from 'pg';

export const ADMIN_KEY = 'faults-bootstrap-key-0123456789';
const AUTH = { Authorization: `Bearer ${ADMIN_KEY}` };

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What the API answered a write, by when. */
interface Ack {
  readonly token: string;
  readonly at: number;
}

/**
 * Writers that post reports, each with a unique token in its text and the same token as
 * Idempotency-Key, retrying a write (same key) on 503, 5xx or a lost connection until it is
 * acknowledged: so a lost acknowledged write or a duplicate shows in the log.
 */
export class Writers {
  readonly acked: Ack[] = [];
  readonly statuses = new Map<number | string, number>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly stories: readonly string[],
  ) {}

  start(count: number): void {
    this.running = true;
    for (let n = 0; n < count; n++) this.loops.push(this.loop(n));
  }

  /** Stops issuing new writes; the one in hand is retried until acknowledged (or `graceMs`). */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** The first acknowledgement after `since`, or null. */
  firstAckAfter(since: number): number | null {
    for (const ack of this.acked) if (ack.at >= since) return ack.at;
    return null;
  }

  private count(status: number | string): void {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  private async loop(n: number): Promise<void> {
    let turn = 0;
    while (this.running) {
      const story = this.stories[(n + turn++) % this.stories.length];
      await this.write(story);
    }
  }

  private async write(story: string): Promise<void> {
    const token = randomUUID();
    const statement = `Token ${token} held`;
    const body = JSON.stringify({ outlet: 'Fault Wire', publishedAt: '2025-11-20T00:00:00Z', text: `${statement}.`, facts: [{ statement, evidence: { quote: statement } }] });
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.baseUrl}/stories/${story}/reports`, {
          method: 'POST',
          headers: { ...AUTH, 'Content-Type': 'application/json', 'Idempotency-Key': token },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        this.count(response.status);
        await response.arrayBuffer();
        if (response.ok) {
          this.acked.push({ token, at: Date.now() });
          return;
        }
        if (response.status < 500 && response.status !== 429 && response.status !== 409) throw new Error(`write refused: ${response.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('write refused')) throw error;
        this.count('network');
      }
      await pause(100);
    }
  }
}

/**
 * A live follower of one story's replay stream (SSE) that reconnects with Last-Event-ID
 * whenever the stream ends, counting every event id it receives.
 */
export class Follower {
  readonly received: number[] = [];
  reconnects = 0;
  shutdownNotices = 0;
  private stopped = false;
  private current: ClientRequest | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly baseUrl: string,
    readonly story: string,
  ) {}

  start(): void {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.current?.destroy();
    await this.done;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await this.once().catch(() => undefined);
      if (this.stopped) return;
      this.reconnects += 1;
      await pause(200);
    }
  }

  private once(): Promise<void> {
    const last = this.received.at(-1);
    return new Promise((resolve, reject) => {
      const url = new URL(`${this.baseUrl}/stories/${this.story}/replay/stream?state=none`);
      const headers: Record<string, string> = { ...AUTH, Accept: 'text/event-stream' };
      if (last !== undefined) headers['Last-Event-ID'] = String(last);
      const request = httpRequest(url, { headers }, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return reject(new Error(`stream answered ${response.statusCode}`));
        }
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)$/m.exec(message);
            if (id) this.received.push(Number(id[1]));
            if (/^event: shutdown$/m.test(message)) this.shutdownNotices += 1;
          }
        });
        response.on('end', () => resolve());
        response.on('error', reject);
        response.on('close', () => resolve());
      });
      request.on('error', reject);
      this.current = request;
      request.end();
    });
  }
}

/** Opens the stories the writers write to; retries while the API starts. */
export async function openStories(baseUrl: string, slugs: readonly string[]): Promise<void> {
  for (const slug of slugs) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${baseUrl}/stories`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify({ slug, title: slug }) }).catch(() => null);
      if (response?.status === 201 || response?.status === 409) break;
      if (attempt > 100) throw new Error(`could not open story ${slug}: ${response?.status}`);
      await pause(200);
    }
  }
}

/** Waits until the read models have applied the whole log (the projector caught up). */
export async function waitCaughtUp(databaseUrl: string, timeoutMs = 120_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new Client({ connectionString: databaseUrl });
    client.on('error', () => undefined);
    try {
      await client.connect();
      const { rows } = await client.query<{ behind: boolean }>(
        `SELECT coalesce((SELECT min(position) FROM projection_checkpoints), 0) < coalesce((SELECT max(position) FROM events), 0) AS behind`,
      );
      if (!rows[0].behind) return true;
    } catch {
      // the database may be restarting
    } finally {
      await client.end().catch(() => undefined);
    }
    await pause(250);
  }
  return false;
}

export interface Tally {
  acknowledged: number;
  /** Acknowledged writes missing from the log. */
  lost: number;
  /** Log events a follower never received, plus reports missing from the read models. */
  skipped: number;
  /** Writes stored twice, events a follower received twice. */
  duplicated: number;
  events: number;
}

/** Checks the log, the read models and the followers against what the writers were told. */
export async function tally(databaseUrl: string, writers: Writers, followers: readonly Follower[]): Promise<Tally> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const stored = await client.query<{ token: string; copies: number }>(
      `SELECT substring(data->>'text' from 'Token ([0-9a-f-]{36})') AS token, count(*)::int AS copies
         FROM events WHERE type = 'ReportIngested' GROUP BY 1`,
    );
    const copies = new Map(stored.rows.map((row) => [row.token, row.copies]));
    const lost = writers.acked.filter((ack) => !copies.has(ack.token)).length;
    let duplicated = stored.rows.reduce((sum, row) => sum + (row.copies - 1), 0);
    // Every stored report must show in the read models (its timeline entry is keyed by the report id, so never twice).
    const models = await client.query<{ missing: number }>(
      `SELECT count(*)::int AS missing FROM events e WHERE e.type = 'ReportIngested'
          AND NOT EXISTS (SELECT 1 FROM timeline_entries t WHERE t.id = (e.data->>'reportId')::uuid)`,
    );
    let skipped = models.rows[0].missing;
    for (const follower of followers) {
      const { rows } = await client.query<{ position: string }>(
        `SELECT e.position::text FROM events e JOIN events s ON s.stream_id = e.stream_id AND s.type = 'StoryOpened'
          WHERE s.data->>'slug' = $1 ORDER BY e.position`,
        [follower.story],
      );
      const seen = new Map<number, number>();
      for (const position of follower.received) seen.set(position, (seen.get(position) ?? 0) + 1);
      skipped += rows.filter((row) => !seen.has(Number(row.position))).length;
      duplicated += [...seen.values()].reduce((sum, times) => sum + (times - 1), 0);
    }
    const total = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    return { acknowledged: writers.acked.length, lost, skipped, duplicated, events: total.rows[0].n };
  } finally {
    await client.end();
  }
}
