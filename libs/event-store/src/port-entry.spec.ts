import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Whether requiring `entry` (through swc, as the CLI does) loads the `pg` driver. */
function loadsPg(entry: string): boolean {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('/node_modules/pg/'))))`;
  const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
    cwd: root,
    env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') },
    encoding: 'utf8',
  });
  return out.trim().endsWith('true');
}

describe('the event store port entry point', () => {
  it('loads no database driver: adapters are subpath imports', () => {
    expect(loadsPg('./libs/event-store/src')).toBe(false);
  });

  it('while the PostgreSQL adapter does load it (so the check above can fail)', () => {
    expect(loadsPg('./libs/event-store/src/postgres')).toBe(true);
  });
});
