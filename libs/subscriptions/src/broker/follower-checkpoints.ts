import type { DataSource } from 'typeorm';

/** The `follower_checkpoints` table: the last log position each named follower handed on. */
export class FollowerCheckpoints {
  constructor(private readonly dataSource: DataSource) {}

  async read(name: string): Promise<bigint> {
    const rows: { position: string }[] = await this.dataSource.query('SELECT position FROM follower_checkpoints WHERE name = $1', [name]);
    return rows.length === 0 ? 0n : BigInt(rows[0].position);
  }

  /** Moves the checkpoint forward, never back. */
  async advance(name: string, position: bigint): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO follower_checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(follower_checkpoints.position, EXCLUDED.position), updated_at = now()`,
      [name, position.toString()],
    );
  }

  /** Sets it to a position, back as well as forward: to publish again from there. */
  async reset(name: string, position: bigint): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO follower_checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
      [name, position.toString()],
    );
  }
}
