import { Client } from 'pg';
import { createTestDatabase } from './test-database';

describe('createTestDatabase', () => {
  it('gives each caller its own empty database and drops it afterwards', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(a.url).not.toBe(b.url);
    const client = new Client({ connectionString: a.url });
    await client.connect();
    await client.query('CREATE TABLE only_in_a (x int)');
    await client.end();
    const other = new Client({ connectionString: b.url });
    await other.connect();
    const tables = await other.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'");
    await other.end();
    expect(tables.rows[0].n).toBe(0);
    await a.drop();
    await b.drop();
  });
});
