import { ExtractionInputError, extractReport } from '../index';
import { ExtractionPool } from './extraction-pool';

const REPORT = [
  'Harbour bridge reopens after storm',
  '',
  'LISBON, March 3 (Reuters) - The harbour bridge reopened to traffic on Tuesday, the city council said.',
  '“Repairs took longer than we hoped,” Mayor Ana Ruiz told reporters. Officials reportedly expect tolls to rise next year.',
].join('\n');

describe('ExtractionPool', () => {
  let pool: ExtractionPool;

  beforeAll(() => {
    pool = new ExtractionPool({ maxThreads: 1 });
  });

  afterAll(() => pool.close());

  it('answers what the synchronous extractor answers, from a worker thread', async () => {
    const options = { publishedAt: '2026-03-03', outlet: 'Reuters' };
    const pooled = await pool.extract(REPORT, options);
    expect(pooled.facts.length).toBeGreaterThan(0);
    expect(pooled).toEqual(extractReport(REPORT, options));
    expect(pool.threads).toBe(1);
  });

  it('refuses bad input with the same ExtractionInputError, naming the field', async () => {
    const refusal = await pool.extract('  \n ').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ExtractionInputError);
    expect(refusal).toMatchObject({ code: 'TEXT.EMPTY', field: 'text', message: 'text: is empty' });
    await expect(pool.extract(REPORT, { publishedAt: 'soon' })).rejects.toMatchObject({ code: 'OPTION.INVALID', field: 'publishedAt' });
  });
});
