import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the embedded server when DATABASE_URL is absent', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.loadExample).toBe(true);
    expect(config.shutdownTimeoutMs).toBe(10_000);
  });

  it('bounds the shutdown time', () => {
    expect(loadConfig({ STORYLINE_SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
    expect(() => loadConfig({ STORYLINE_SHUTDOWN_TIMEOUT_MS: '10s' })).toThrow(new ConfigError('STORYLINE_SHUTDOWN_TIMEOUT_MS', 'must be a whole number, got "10s"'));
    expect(() => loadConfig({ STORYLINE_SHUTDOWN_TIMEOUT_MS: '10' })).toThrow(/STORYLINE_SHUTDOWN_TIMEOUT_MS must be between 1000 and 600000/);
  });

  it('names the variable and the problem when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(new ConfigError('PORT', 'must be a whole number, got "eighty"'));
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be between 0 and 65535/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL must start with postgres:\/\//);
    expect(() => loadConfig({ STORYLINE_LOAD_EXAMPLE: 'maybe' })).toThrow(/STORYLINE_LOAD_EXAMPLE must be true or false/);
  });

  it('accepts an external PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }).databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
  });
});

describe('loadConfig: where the event log lives', () => {
  it('keeps the log in PostgreSQL unless told otherwise, and ignores KURRENTDB_URL then', () => {
    expect(loadConfig({})).toMatchObject({ eventStore: 'postgres', kurrentDbUrl: null });
    expect(loadConfig({ STORYLINE_EVENT_STORE: 'postgres', KURRENTDB_URL: 'kurrentdb://kurrentdb:2113?tls=false' })).toMatchObject({ eventStore: 'postgres', kurrentDbUrl: null });
  });

  it('takes KurrentDB with its connection string', () => {
    const url = 'kurrentdb://admin:changeit@node1:2113,node2:2113?tls=false';
    expect(loadConfig({ STORYLINE_EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url })).toMatchObject({ eventStore: 'kurrentdb', kurrentDbUrl: url });
    expect(loadConfig({ STORYLINE_EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb+discover://cluster.example:2113' }).kurrentDbUrl).toBe('kurrentdb+discover://cluster.example:2113');
  });

  it('names the variable when the choice or the connection string is wrong', () => {
    expect(() => loadConfig({ STORYLINE_EVENT_STORE: 'eventstore' })).toThrow(new ConfigError('STORYLINE_EVENT_STORE', 'must be postgres or kurrentdb, got "eventstore"'));
    expect(() => loadConfig({ STORYLINE_EVENT_STORE: 'kurrentdb' })).toThrow(/^configuration: KURRENTDB_URL must be set when STORYLINE_EVENT_STORE=kurrentdb/);
    expect(() => loadConfig({ STORYLINE_EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'postgres://user:secret@y/z' })).toThrow(
      new ConfigError('KURRENTDB_URL', 'must be a KurrentDB connection string starting with kurrentdb:// (or kurrentdb+discover://), got postgres://'),
    );
  });
});

describe('loadConfig: following the log', () => {
  it('allows no webhook host and no JetStream unless told', () => {
    expect(loadConfig({})).toMatchObject({ webhookAllowedHosts: [], natsUrl: null });
    expect(loadConfig({ STORYLINE_WEBHOOK_ALLOWED_HOSTS: ' Hooks.Example.org, 127.0.0.1:4000,*.corp.example ', NATS_URL: 'nats://127.0.0.1:4222' })).toMatchObject({
      webhookAllowedHosts: ['hooks.example.org', '127.0.0.1:4000', '*.corp.example'],
      natsUrl: 'nats://127.0.0.1:4222',
    });
  });

  it('names the variable when a host or the NATS URL is malformed', () => {
    expect(() => loadConfig({ STORYLINE_WEBHOOK_ALLOWED_HOSTS: 'ok.example, http://bad/' })).toThrow(/^configuration: STORYLINE_WEBHOOK_ALLOWED_HOSTS .*"http:\/\/bad\/" is not one/);
    expect(() => loadConfig({ NATS_URL: 'http://127.0.0.1:4222' })).toThrow(/^configuration: NATS_URL must be a NATS server/);
  });
});

describe('loadConfig: logs', () => {
  it('writes info and up, pretty on a terminal and JSON otherwise, unless told', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', logFormat: 'auto' });
    expect(loadConfig({ STORYLINE_LOG_LEVEL: 'DEBUG', STORYLINE_LOG_FORMAT: 'json' })).toMatchObject({ logLevel: 'debug', logFormat: 'json' });
  });

  it('names the variable and the choices when a value is wrong', () => {
    expect(() => loadConfig({ STORYLINE_LOG_LEVEL: 'loud' })).toThrow(new ConfigError('STORYLINE_LOG_LEVEL', 'must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'));
    expect(() => loadConfig({ STORYLINE_LOG_FORMAT: 'xml' })).toThrow(/STORYLINE_LOG_FORMAT must be one of auto, json, pretty/);
  });
});
