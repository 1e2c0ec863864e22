import { loadConfig } from '@storyline/database';
import { EVENT_STORE } from '@storyline/event-store';
import { AUDITED_LOG } from '@storyline/audit';
import { IndexedEventStore } from '@storyline/event-store/indexed';
import { KurrentDbEventStore } from '@storyline/event-store/kurrentdb';
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { describeEventLog, eventLogProviders, eventLogSetup } from './event-log';

describe('eventLogSetup', () => {
  it('keeps the log in PostgreSQL by default', () => {
    const setup = eventLogSetup(loadConfig({}));
    expect(setup).toEqual({ kind: 'postgres' });
    expect(describeEventLog(setup)).toBe('PostgreSQL (events table)');
    expect(eventLogProviders('postgres://x@y/z', setup).map((provider) => (provider as { provide: unknown }).provide)).toEqual([PostgresEventStore, EVENT_STORE, AUDITED_LOG]);
  });

  it('indexes KurrentDB in PostgreSQL with STORYLINE_EVENT_STORE=kurrentdb, naming its nodes but not its credentials', async () => {
    const setup = eventLogSetup(loadConfig({ STORYLINE_EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://admin:s3cret@node1:2113,node2:2113/?tls=false' }));
    expect(setup.kind).toBe('indexed');
    expect(describeEventLog(setup)).toBe('KurrentDB at node1:2113,node2:2113, indexed in PostgreSQL (log_index table)');
    expect(describeEventLog(setup)).not.toContain('s3cret');
    const providers = eventLogProviders('postgres://x@y/z', setup).map((provider) => (provider as { provide: unknown }).provide);
    expect(providers).toEqual([IndexedEventStore, EVENT_STORE, AUDITED_LOG]);
    if (setup.kind !== 'indexed') throw new Error('unreachable');
    // Nothing is contacted until the first call.
    const native = setup.openNative();
    expect(native).toBeInstanceOf(KurrentDbEventStore);
    await native.close();
  });
});
