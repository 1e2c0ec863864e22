import type { Provider } from '@nestjs/common';
import { AUDITED_LOG, ChainAuditedLog, type AuditedLog } from '@storyline/audit';
import { ConfigError, type StorylineConfig } from '@storyline/database';
import { chainedLogOf, EVENT_STORE, type EventStore } from '@storyline/event-store';
import { IndexedEventStore } from '@storyline/event-store/indexed';
import { createKurrentDbEventStore } from '@storyline/event-store/kurrentdb';
import { PostgresEventStore } from '@storyline/event-store/postgres';
import { MeteredEventStore } from './metrics/metered-event-store';

/** Where the host keeps the event log. */
export type EventLogSetup =
  /** The `events` table in the PostgreSQL of DATABASE_URL. */
  | { readonly kind: 'postgres' }
  /** Another store (KurrentDB), with its dense log index in that PostgreSQL. */
  | {
      readonly kind: 'indexed';
      /** Opens the store that keeps the events; the indexed store closes it. */
      readonly openNative: () => EventStore;
      /** Where it is, for the start-up log, without credentials. */
      readonly description: string;
    };

/** The setup STORYLINE_EVENT_STORE and KURRENTDB_URL ask for. */
export function eventLogSetup(config: StorylineConfig): EventLogSetup {
  if (config.eventStore === 'postgres') return { kind: 'postgres' };
  const url = config.kurrentDbUrl;
  if (!url) throw new ConfigError('KURRENTDB_URL', 'must be set when STORYLINE_EVENT_STORE=kurrentdb');
  return { kind: 'indexed', openNative: () => createKurrentDbEventStore(url), description: `KurrentDB at ${hostsOf(url)}` };
}

/** One line for the start-up log. */
export function describeEventLog(setup: EventLogSetup): string {
  return setup.kind === 'postgres' ? 'PostgreSQL (events table)' : `${setup.description}, indexed in PostgreSQL (log_index table)`;
}

/** The host's {@link EVENT_STORE} and the matching {@link AUDITED_LOG}. */
export function eventLogProviders(databaseUrl: string, setup: EventLogSetup): Provider[] {
  if (setup.kind === 'postgres') {
    return [
      { provide: PostgresEventStore, useFactory: () => new PostgresEventStore({ connectionString: databaseUrl }) },
      { provide: EVENT_STORE, inject: [PostgresEventStore], useFactory: (store: PostgresEventStore) => new MeteredEventStore(store) },
      // The audit reads the log through the port: the store's own hash chain (ChainedLog).
      { provide: AUDITED_LOG, inject: [PostgresEventStore], useFactory: (store: PostgresEventStore): AuditedLog => new ChainAuditedLog(chainedLogOf(store)) },
    ];
  }
  return [
    { provide: IndexedEventStore, useFactory: () => new IndexedEventStore({ native: setup.openNative(), database: databaseUrl }) },
    { provide: EVENT_STORE, inject: [IndexedEventStore], useFactory: (store: IndexedEventStore) => new MeteredEventStore(store) },
    { provide: AUDITED_LOG, inject: [IndexedEventStore], useFactory: (store: IndexedEventStore): AuditedLog => new ChainAuditedLog(chainedLogOf(store)) },
  ];
}

/** `node1:2113,node2:2113` from a connection string, leaving out user and password. */
function hostsOf(url: string): string {
  const afterScheme = url.slice(url.indexOf('://') + 3);
  const afterCredentials = afterScheme.slice(afterScheme.lastIndexOf('@') + 1);
  return afterCredentials.split(/[/?]/)[0];
}
