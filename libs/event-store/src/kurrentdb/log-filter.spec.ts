import { EVENT_TYPE, STREAM_NAME } from '@kurrent/kurrentdb-client';
import { logFilter } from './log-filter';

describe('the server-side filter on $all', () => {
  it('drops system event types when the store has no namespace and no prefixes are asked for', () => {
    const filter = logFilter('');
    expect(filter).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
    expect(new RegExp((filter as { regex: string }).regex).test('$metadata')).toBe(false);
    expect(new RegExp((filter as { regex: string }).regex).test('FactReported')).toBe(true);
  });

  it("keeps to the store's namespace", () => {
    expect(logFilter('tenant-a:')).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['tenant-a:'] });
  });

  it('puts the namespace before each asked-for prefix, taken literally', () => {
    expect(logFilter('tenant-a:', ['story-', 'story_%'])).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['tenant-a:story-', 'tenant-a:story_%'] });
    expect(logFilter('', ['audit-'])).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['audit-'] });
  });
});
