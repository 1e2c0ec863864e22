import { createTestDatabase, type TestDatabase } from '@storyline/database';
import type { DataSource } from 'typeorm';
import { openReadModels } from '../testing/projection-harness';
import { copyRows } from './copy-rows';
import { insertRows } from './sql';

const COLUMNS = ['id', 'position', 'name', 'count', 'at', 'changes', 'note'] as const;

/** Values at the edges of what the projections write, and of what each column type takes. */
const ROWS: Record<(typeof COLUMNS)[number], unknown>[] = [
  { id: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', position: 1n, name: 'Politico', count: 0, at: new Date('2025-11-20T08:00:00Z'), changes: { statement: 'x' }, note: null },
  { id: 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12', position: 9007199254740993n, name: 'tab\there\nnew line \\ back\\slash', count: -2147483648, at: new Date('1999-12-31T23:59:59.999Z'), changes: {}, note: undefined },
  { id: '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13}', position: 3n, name: 'Київ — “quoted” 😀', count: 2147483647, at: new Date('1970-01-01T00:00:00.001Z'), changes: { occurred: null, evidence: { start: 0, end: 4 }, attributedTo: undefined }, note: '' },
  { id: 'a0eebc999c0b4ef8bb6d6bb9bd380a14', position: 4n, name: '', count: 7, at: new Date('2999-12-31T23:59:59.999Z'), changes: ['a', 1, true, null], note: 'N' },
  { id: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a15', position: -1n, name: '\\N', count: Number.NaN, at: new Date(Number.NaN), changes: 'just a string', note: '\\.' },
];

describe('rows copied in binary', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('storyline_copy_rows');
    dataSource = await openReadModels(database.url);
    for (const table of ['copied', 'inserted']) {
      await dataSource.query(`CREATE TABLE ${table} (id uuid, position bigint, name text, count integer, at timestamptz, changes jsonb, note text)`);
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const contents = async (table: string): Promise<string[]> =>
    (await dataSource.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY id`)).map((row: { row: string }) => row.row);

  it('stores exactly what the JSON insert stores', async () => {
    await dataSource.transaction(async (manager) => {
      expect(await copyRows(manager, 'copied', COLUMNS, ROWS)).toBe(true);
      // A conflict clause sends the rows the JSON way.
      await insertRows(manager, 'inserted', COLUMNS, ROWS, 'ON CONFLICT DO NOTHING');
    });
    const copied = await contents('copied');
    expect(copied).toHaveLength(ROWS.length);
    expect(copied).toEqual(await contents('inserted'));
    expect(JSON.parse(copied[0])).toEqual({ id: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', position: 1, name: 'Politico', count: 0, at: '2025-11-20T08:00:00+00:00', changes: { statement: 'x' }, note: null });
  });

  it('fails inside its transaction and leaves the connection usable', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await copyRows(runner.manager, 'copied', COLUMNS, ROWS);
      await expect(copyRows(runner.manager, 'copied', ['id'], [{ id: 'not a uuid' }])).rejects.toThrow('not a UUID: "not a uuid"');
      await runner.query('CREATE TEMP TABLE once (id uuid PRIMARY KEY) ON COMMIT DROP');
      await copyRows(runner.manager, 'once', ['id'], [{ id: ROWS[0].id }]);
      await expect(copyRows(runner.manager, 'once', ['id'], [{ id: ROWS[0].id }])).rejects.toThrow(/duplicate key value violates unique constraint/);
      await runner.rollbackTransaction();
      expect(await runner.query('SELECT count(*)::int AS rows FROM copied')).toEqual([{ rows: ROWS.length }]);
    } finally {
      await runner.release();
    }
  });

  it('leaves a table with a column type it has no encoder for to the JSON insert', async () => {
    await dataSource.query('CREATE TABLE flagged (id uuid, flag boolean)');
    await dataSource.transaction(async (manager) => {
      expect(await copyRows(manager, 'flagged', ['id', 'flag'], [{ id: ROWS[0].id, flag: true }])).toBe(false);
      await insertRows(manager, 'flagged', ['id', 'flag'], [{ id: ROWS[0].id, flag: true }]);
    });
    expect(await dataSource.query('SELECT id, flag FROM flagged')).toEqual([{ id: ROWS[0].id, flag: true }]);
  });
});
