import { chainHash, isChainHash } from '@storyline/event-store';
import { EVENT_LINE_KEYS, EXPORT_END_KIND, EXPORT_KIND, EXPORT_VERSION, HASH_ALGORITHM, type ExportEventLine, type ExportHeader, type ExportTrailer } from './export-lines';

/** The answer of `storyline verify-export`. */
export interface ExportVerification {
  readonly ok: boolean;
  /** Event lines that verified. */
  readonly events: number;
  readonly story?: ExportHeader['story'];
  readonly head?: ExportHeader['head'];
  readonly firstPosition?: string;
  readonly lastPosition?: string;
  /** 1-based line number of the first bad line, and what is wrong with it. */
  readonly firstBadLine?: number;
  readonly problem?: string;
}

class BadLine extends Error {}

const POSITION = /^[1-9]\d{0,18}$/;
const REVISION = /^(0|[1-9]\d{0,18})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RECORDED_AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

function check(condition: unknown, problem: string): asserts condition {
  if (!condition) throw new BadLine(problem);
}

function parse(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadLine('is not JSON');
  }
  check(typeof value === 'object' && value !== null && !Array.isArray(value), 'is not a JSON object');
  return value as Record<string, unknown>;
}

/**
 * Checks an export line by line, with nothing but the file: the header, then each event's
 * hash recomputed from its own content and predecessor hash, the story's revisions complete
 * from 0, positions increasing, consecutive positions linked, the trailer's count.
 */
export class ExportChecker {
  private header: ExportHeader | null = null;
  private trailer: ExportTrailer | null = null;
  private last: ExportEventLine | null = null;
  private first: ExportEventLine | null = null;
  private count = 0;
  private lineNumber = 0;
  private failure: { line: number; problem: string } | null = null;

  /** Feeds the next line (without its newline); after a failure, the rest is ignored. */
  line(text: string): void {
    if (this.failure) return;
    this.lineNumber += 1;
    try {
      if (this.trailer) check(text.trim() === '', 'comes after the trailer line');
      else if (!this.header) this.header = readHeader(text);
      else if (text.trim() !== '') this.record(parse(text));
    } catch (error) {
      if (!(error instanceof BadLine)) throw error;
      this.failure = { line: this.lineNumber, problem: error.message };
    }
  }

  /** The verdict once every line was fed. */
  result(): ExportVerification {
    if (!this.failure && !this.header) this.failure = { line: 1, problem: 'the file is empty' };
    if (!this.failure && !this.trailer) this.failure = { line: this.lineNumber + 1, problem: `the file ends without its trailer line (${EXPORT_END_KIND}): it was cut short` };
    const context = {
      events: this.count,
      ...(this.header ? { story: this.header.story, head: this.header.head } : {}),
      ...(this.first && this.last ? { firstPosition: this.first.position, lastPosition: this.last.position } : {}),
    };
    return this.failure ? { ok: false, ...context, firstBadLine: this.failure.line, problem: this.failure.problem } : { ok: true, ...context };
  }

  private record(line: Record<string, unknown>): void {
    if (line.kind === EXPORT_END_KIND) {
      this.trailer = checkTrailer(line, this.header!, this.count);
      return;
    }
    const event = readEvent(line);
    this.checkPlace(event);
    const { kind: _kind, prevHash, hash, ...content } = event;
    check(chainHash(prevHash, content) === hash, `event at position ${event.position}: its hash does not match its content and prevHash (changed)`);
    if (event.position === this.header!.head.position) check(hash === this.header!.head.hash, `event at position ${event.position}: its hash differs from the head hash in the header`);
    this.first ??= event;
    this.last = event;
    this.count += 1;
  }

  private checkPlace(event: ExportEventLine): void {
    const header = this.header!;
    const last = this.last;
    const where = `event at position ${event.position}`;
    check(event.streamId === header.streamId, `${where}: belongs to stream ${event.streamId}, not ${header.streamId}`);
    check(event.streamRevision === String(this.count), `${where}: has stream revision ${event.streamRevision}, expected ${this.count} (an event of the story is missing or out of order)`);
    check(BigInt(event.position) <= BigInt(header.head.position), `${where}: is after the log head ${header.head.position} given in the header`);
    if (!last) return;
    check(BigInt(event.position) > BigInt(last.position), `${where}: does not come after position ${last.position} (out of order)`);
    check(event.recordedAt >= last.recordedAt, `${where}: was recorded before the event before it`);
    if (BigInt(event.position) === BigInt(last.position) + 1n) check(event.prevHash === last.hash, `${where}: its prevHash is not the hash of the event at ${last.position}`);
  }
}

/** Verifies an export from its lines (as a file's lines arrive); no database is involved. */
export async function verifyExport(lines: AsyncIterable<string> | Iterable<string>): Promise<ExportVerification> {
  const checker = new ExportChecker();
  for await (const line of lines) checker.line(line);
  return checker.result();
}

function readHeader(text: string): ExportHeader {
  const header = parse(text);
  check(header.kind === EXPORT_KIND, `is not a Storyline export header (kind "${EXPORT_KIND}")`);
  check(header.version === EXPORT_VERSION, `export version ${String(header.version)} is not supported (this verifier reads version ${EXPORT_VERSION})`);
  check(header.algorithm === HASH_ALGORITHM, `hash algorithm ${String(header.algorithm)} is not supported (expected ${HASH_ALGORITHM})`);
  const story = header.story as ExportHeader['story'] | undefined;
  check(typeof story?.id === 'string' && UUID.test(story.id), 'header: story.id is not a story id');
  check(header.streamId === `story-${story.id}`, 'header: streamId is not the story\'s stream');
  checkHead(header.head, 'header');
  return header as unknown as ExportHeader;
}

function checkHead(head: unknown, where: string): void {
  const value = head as Partial<ExportHeader['head']> | undefined;
  check(typeof value?.position === 'string' && (value.position === '0' || POSITION.test(value.position)), `${where}: head.position is not a log position`);
  check(isChainHash(value.hash), `${where}: head.hash is not a SHA-256 hash in lower-case hex`);
}

function readEvent(line: Record<string, unknown>): ExportEventLine {
  const position = typeof line.position === 'string' ? line.position : '?';
  const bad = (problem: string) => `event line (position ${position}): ${problem}`;
  check(line.kind === 'event', `has kind ${JSON.stringify(line.kind)}; expected "event" or "${EXPORT_END_KIND}"`);
  const unknown = Object.keys(line).find((key) => !(EVENT_LINE_KEYS as readonly string[]).includes(key));
  check(unknown === undefined, bad(`has the field ${unknown}, which the hash does not cover`));
  check(POSITION.test(position), bad('position is not a log position (decimal text)'));
  check(typeof line.streamRevision === 'string' && REVISION.test(line.streamRevision), bad('streamRevision is not decimal text'));
  check(typeof line.eventId === 'string' && UUID.test(line.eventId), bad('eventId is not a lower-case UUID'));
  check(typeof line.streamId === 'string' && typeof line.type === 'string', bad('streamId and type must be text'));
  check(Number.isInteger(line.schemaVersion), bad('schemaVersion is not a whole number'));
  check(typeof line.recordedAt === 'string' && RECORDED_AT.test(line.recordedAt), bad('recordedAt is not UTC with six fractional digits'));
  check('data' in line && typeof line.metadata === 'object' && line.metadata !== null, bad('data or metadata is missing'));
  check(isChainHash(line.prevHash) && isChainHash(line.hash), bad('prevHash and hash must be SHA-256 hashes in lower-case hex'));
  return line as unknown as ExportEventLine;
}

function checkTrailer(line: Record<string, unknown>, header: ExportHeader, count: number): ExportTrailer {
  const trailer = line as unknown as ExportTrailer;
  check(trailer.version === EXPORT_VERSION, 'trailer: version differs from the header');
  check(trailer.story?.id === header.story.id && trailer.story?.slug === header.story.slug, 'trailer: story differs from the header');
  check(trailer.head?.position === header.head.position && trailer.head?.hash === header.head.hash, 'trailer: head differs from the header');
  check(trailer.count === count, `trailer: says ${String(trailer.count)} events, the file has ${count} (events were added or removed)`);
  return trailer;
}
