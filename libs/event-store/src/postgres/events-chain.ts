import type { ChainedEvent, ChainedLog, ChainFilter, ChainHead } from '../chained-log';
import { CHAIN_COLUMNS, chainPageQuery, EVENTS_TABLE, toChainedEvent, type ChainRecord, type SqlRows } from './chain-sql';
import { GENESIS_HASH } from './hash-chain';

/**
 * The `events` table's hash chain, read as stored. Batches follow the primary key; the two
 * lookups by hash scan the table, which is fine as they run only once something is wrong.
 * The audit log reads the table itself rather than a projection of it: the table is the
 * record under audit, so a copy could only lag behind it or differ from it.
 */
export class EventsTableChain implements ChainedLog {
  constructor(private readonly rows: SqlRows) {}

  async chainHead(): Promise<ChainHead> {
    const rows: { position: string; hash: string | null }[] = await this.rows(
      `SELECT position::text AS position, encode(hash, 'hex') AS hash FROM events ORDER BY events.position DESC LIMIT 1`,
    );
    return rows.length === 0 ? { position: 0n, hash: GENESIS_HASH } : { position: BigInt(rows[0].position), hash: rows[0].hash ?? '' };
  }

  async chainBatch(after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]> {
    const records: ChainRecord[] = await this.rows(
      `SELECT ${CHAIN_COLUMNS} FROM events WHERE events.position > $1 AND events.position <= $2 ORDER BY events.position LIMIT $3`,
      [after.toString(), upTo.toString(), limit],
    );
    return records.map(toChainedEvent);
  }

  async chainSuccessorsOf(hash: string): Promise<ChainedEvent[]> {
    const records: ChainRecord[] = await this.rows(`SELECT ${CHAIN_COLUMNS} FROM events WHERE events.prev_hash = decode($1, 'hex') ORDER BY events.position`, [hash]);
    return records.map(toChainedEvent);
  }

  async chainWithHash(hash: string): Promise<ChainedEvent | null> {
    const records: ChainRecord[] = await this.rows(`SELECT ${CHAIN_COLUMNS} FROM events WHERE events.hash = decode($1, 'hex') LIMIT 1`, [hash]);
    return records.length === 0 ? null : toChainedEvent(records[0]);
  }

  async chainPage(filter: ChainFilter): Promise<ChainedEvent[]> {
    const { where, params } = chainPageQuery(filter, EVENTS_TABLE);
    const records: ChainRecord[] = await this.rows(`SELECT ${CHAIN_COLUMNS} FROM events WHERE ${where} ORDER BY events.position LIMIT $${params.length}`, params);
    return records.map(toChainedEvent);
  }

  async chainStreamBatch(streamId: string, after: bigint, upTo: bigint, limit: number): Promise<ChainedEvent[]> {
    const records: ChainRecord[] = await this.rows(
      `SELECT ${CHAIN_COLUMNS} FROM events
        WHERE events.stream_id = $1 AND events.position > $2 AND events.position <= $3
        ORDER BY events.position LIMIT $4`,
      [streamId, after.toString(), upTo.toString(), limit],
    );
    return records.map(toChainedEvent);
  }
}
