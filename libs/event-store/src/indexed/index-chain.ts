import type { ChainedEvent, ChainedLog, ChainFilter, ChainHead } from '../chained-log';
import type { GlobalPosition, StoredEvent } from '../event-store.port';
import { chainPageQuery, toChainedEvent, type ChainTable, type SqlRows } from '../postgres/chain-sql';
import { GENESIS_HASH, recordedAtText } from '../postgres/hash-chain';
import { LogIndexMismatchError } from './errors';
import type { IndexPlace } from './native-reads';

/** Where the events an index row points at are kept: `IndexedEventStore` fits. */
export interface NativeEvents {
  /** The native event at each place, by dense position; a place whose event is missing or another is left out. */
  nativeEventsAt(places: readonly IndexPlace[]): Promise<Map<GlobalPosition, StoredEvent>>;
}

const LOG_INDEX: ChainTable = { name: 'log_index', actor: 'log_index.actor' };

const INDEX_COLUMNS = `log_index.position::text AS position, log_index.native_position::text AS native_position,
  log_index.event_id::text AS event_id, log_index.stream_id, log_index.stream_revision::text AS stream_revision,
  log_index.type, log_index.schema_version, log_index.actor, ${recordedAtText('log_index.recorded_at')} AS recorded_at,
  encode(log_index.prev_hash, 'hex') AS prev_hash, encode(log_index.hash, 'hex') AS hash`;

interface IndexRecord {
  position: string;
  native_position: string;
  event_id: string;
  stream_id: string;
  stream_revision: string;
  type: string;
  schema_version: number;
  actor: string | null;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

/**
 * The hash chain when the events are kept in another store (KurrentDB): its places, times and
 * hashes in the PostgreSQL log index, each event's data and metadata in the native store. A row
 * joins both: what the chain hashed is the index's place and time with the native store's
 * content, so a change to either (an index row edited, a native event gone or replaced) breaks
 * the chain at that position.
 */
export class LogIndexChain implements ChainedLog {
  constructor(
    private readonly rows: SqlRows,
    private readonly natives: NativeEvents,
  ) {}

  async chainHead(): Promise<ChainHead> {
    const rows: { position: string; hash: string }[] = await this.rows(
      `SELECT position::text AS position, encode(hash, 'hex') AS hash FROM log_index ORDER BY log_index.position DESC LIMIT 1`,
    );
    return rows.length === 0 ? { position: 0n, hash: GENESIS_HASH } : { position: BigInt(rows[0].position), hash: rows[0].hash };
  }

  /** A native event that is missing or not the indexed one leaves its row without content, which never verifies. */
  async chainBatch(after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]> {
    const records: IndexRecord[] = await this.rows(
      `SELECT ${INDEX_COLUMNS} FROM log_index WHERE log_index.position > $1 AND log_index.position <= $2 ORDER BY log_index.position LIMIT $3`,
      [after.toString(), upTo.toString(), limit],
    );
    return this.joined(records, 'tolerant');
  }

  async chainSuccessorsOf(hash: string): Promise<ChainedEvent[]> {
    return this.joined(await this.rows(`SELECT ${INDEX_COLUMNS} FROM log_index WHERE log_index.prev_hash = decode($1, 'hex') ORDER BY log_index.position`, [hash]), 'tolerant');
  }

  async chainWithHash(hash: string): Promise<ChainedEvent | null> {
    const [row] = await this.joined(await this.rows(`SELECT ${INDEX_COLUMNS} FROM log_index WHERE log_index.hash = decode($1, 'hex') LIMIT 1`, [hash]), 'tolerant');
    return row ?? null;
  }

  async chainPage(filter: ChainFilter): Promise<ChainedEvent[]> {
    const { where, params } = chainPageQuery(filter, LOG_INDEX);
    const records: IndexRecord[] = await this.rows(`SELECT ${INDEX_COLUMNS} FROM log_index WHERE ${where} ORDER BY log_index.position LIMIT $${params.length}`, params);
    return this.joined(records, 'strict');
  }

  async chainStreamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]> {
    const records: IndexRecord[] = await this.rows(
      `SELECT ${INDEX_COLUMNS} FROM log_index
        WHERE log_index.stream_id = $1 AND log_index.position > $2 AND log_index.position <= $3
        ORDER BY log_index.position LIMIT $4`,
      [streamId, after.toString(), upTo.toString(), limit],
    );
    return this.joined(records, 'strict');
  }

  /**
   * Index rows with their native content. `strict` (the audit log, exports) refuses a row
   * without it; `tolerant` (verification) gives it no content, so its hash fails to verify.
   */
  private async joined(records: readonly IndexRecord[], mode: 'strict' | 'tolerant'): Promise<ChainedEvent[]> {
    if (records.length === 0) return [];
    const places = records.map(toPlace);
    const events = await this.natives.nativeEventsAt(places);
    return records.map((record, index) => {
      const found = events.get(places[index].position);
      // The actor column is not hashed (the event's metadata is); it must still say what the metadata says, or a filter could hide events.
      const event = found && actorOf(found) === record.actor ? found : undefined;
      if (!event && mode === 'strict') {
        throw new LogIndexMismatchError(`the native log does not hold event ${record.event_id} (${record.stream_id}@${record.stream_revision}) as the index records it at position ${record.position}`);
      }
      // Undefined cannot be hashed: verifiesAt is false for a row without its native content.
      return toChainedEvent({ ...record, data: event?.data, metadata: event?.metadata });
    });
  }
}

function actorOf(event: StoredEvent): string | null {
  return typeof event.metadata.actor === 'string' ? event.metadata.actor : null;
}

function toPlace(record: IndexRecord): IndexPlace {
  return {
    position: BigInt(record.position),
    nativePosition: BigInt(record.native_position),
    eventId: record.event_id,
    streamId: record.stream_id,
    streamRevision: BigInt(record.stream_revision),
  };
}
