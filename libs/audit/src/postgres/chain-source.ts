import { GENESIS_HASH } from '@storyline/event-store/postgres';
import type { ChainHead, ChainRow } from '../chain/chain-row';
import type { ChainSource } from '../chain/verify-chain';
import { CHAIN_COLUMNS, toChainRow, type ChainRecord, type SqlQuery } from './sql';

/**
 * The PostgreSQL event log as a {@link ChainSource}. Batches follow the primary key; the two
 * lookups by hash scan the table, which is fine as they run only once something is wrong.
 */
export class PostgresChainSource implements ChainSource {
  constructor(private readonly query: SqlQuery) {}

  async head(): Promise<ChainHead> {
    const rows: { position: string; hash: string | null }[] = await this.query(
      `SELECT position::text AS position, encode(hash, 'hex') AS hash FROM events ORDER BY events.position DESC LIMIT 1`,
    );
    return rows.length === 0 ? { position: 0n, hash: GENESIS_HASH } : { position: BigInt(rows[0].position), hash: rows[0].hash ?? '' };
  }

  async batch(after: bigint, upTo: bigint, limit: number): Promise<ChainRow[]> {
    const records: ChainRecord[] = await this.query(
      `SELECT ${CHAIN_COLUMNS} FROM events WHERE events.position > $1 AND events.position <= $2 ORDER BY events.position LIMIT $3`,
      [after.toString(), upTo.toString(), limit],
    );
    return records.map(toChainRow);
  }

  async successorsOf(hash: string): Promise<ChainRow[]> {
    const records: ChainRecord[] = await this.query(
      `SELECT ${CHAIN_COLUMNS} FROM events WHERE events.prev_hash = decode($1, 'hex') ORDER BY events.position`,
      [hash],
    );
    return records.map(toChainRow);
  }

  async withHash(hash: string): Promise<ChainRow | null> {
    const records: ChainRecord[] = await this.query(`SELECT ${CHAIN_COLUMNS} FROM events WHERE events.hash = decode($1, 'hex') LIMIT 1`, [hash]);
    return records.length === 0 ? null : toChainRow(records[0]);
  }
}
