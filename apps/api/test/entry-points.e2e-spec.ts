import { once } from 'node:events';
import { runTypeScript } from '@storyline/host/testing/child-process';

/** A bad variable stops every entry point with its named message and exit 2, never a stack trace. */
describe('configuration errors at start-up', () => {
  it.each([
    ['the API (npm start)', 'apps/api/src/main.ts', { PORT: 'abc' }, 'configuration: PORT must be a whole number, got "abc"'],
    ['the projector', 'apps/projector/src/main.ts', { STORYLINE_SHUTDOWN_TIMEOUT_MS: 'soon' }, 'configuration: STORYLINE_SHUTDOWN_TIMEOUT_MS must be a whole number, got "soon"'],
  ])('%s', async (_name, entry, env, message) => {
    const child = runTypeScript(entry, { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', ...env });
    const [code] = await once(child.process, 'exit');
    expect(code).toBe(2);
    expect(child.output().trim()).toBe(message);
  }, 120_000);
});
