#!/usr/bin/env node
// The `storyline` command. In a checkout it runs the TypeScript sources through swc, so it
// can never be older than the code beside it; an installed copy without sources runs dist/.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const source = join(root, 'apps', 'cli', 'src', 'main.ts');
const entry = existsSync(source) ? source : join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
if (entry.endsWith('.ts')) {
  // swc-node reads the path aliases (@storyline/...) from this tsconfig.
  process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || join(root, 'tsconfig.json');
  require('@swc-node/register');
}
require(entry)
  .run(process.argv.slice(2))
  .then((code) => process.exit(code));
