import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the embedded server when DATABASE_URL is absent', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.loadExample).toBe(true);
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
