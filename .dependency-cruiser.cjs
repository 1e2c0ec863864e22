/**
 * The house rules, checked by `npm run depcheck` (the first step of `npm test`). See
 * docs/architecture.md for what each lib is and what it may import.
 */
const LIB_ENTRY = '^libs/[^/]+/src/index\\.ts$';
// Subpath entry points a lib offers on purpose: the event store's adapters, each lib's migrations, the
// driver-free connection-fault helpers (so the event-store port need not load the database lib), test helpers.
const PUBLIC_SUBPATHS = ['^libs/event-store/src/(postgres|indexed|kurrentdb)/index\\.ts$', '^libs/[^/]+/src/migrations/index\\.ts$', '^libs/database/src/connection-faults\\.ts$', '^libs/[^/]+/src/.*testing/'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A file cycle means two things that cannot be understood (or changed) apart.',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
    {
      name: 'lib-imports-app',
      severity: 'error',
      comment: 'Libs are what apps are built of; an app is never a building block.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-other-app',
      severity: 'error',
      comment: 'What two apps share belongs in a lib.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'lib-internals',
      severity: 'error',
      comment: "Import another lib by its root (@storyline/<lib>) or a subpath it offers on purpose, never its internals.",
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', LIB_ENTRY, ...PUBLIC_SUBPATHS] },
    },
    {
      name: 'app-imports-lib-internals',
      severity: 'error',
      comment: 'Apps too import a lib by its root or a subpath it offers on purpose.',
      from: { path: '^apps/' },
      to: { path: '^libs/', pathNot: [LIB_ENTRY, ...PUBLIC_SUBPATHS] },
    },
    {
      name: 'write-side-reads-no-read-model',
      severity: 'error',
      comment: 'The write side (libs/timeline) decides on its own streams; it never reads a read model.',
      from: { path: '^libs/timeline/' },
      to: { path: '^libs/projections/' },
    },
    {
      name: 'read-side-gives-no-commands',
      severity: 'error',
      comment: 'The read side (libs/projections) shares only the vocabulary with the write side.',
      from: { path: '^libs/projections/' },
      to: { path: '^libs/timeline/' },
    },
    {
      name: 'story-events-stands-alone',
      severity: 'error',
      comment: 'The event vocabulary depends on nothing but Node, so both sides can import it.',
      from: { path: '^libs/story-events/' },
      to: { pathNot: ['^libs/story-events/', '^node:', '^(crypto|fs|path)$'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'command-folders-stand-apart',
      severity: 'error',
      comment: 'A command folder (libs/timeline/src/commands/<command>/) is read and changed on its own; what two commands share lives in command-handling/ or http/.',
      from: { path: '^libs/timeline/src/commands/([^/]+)/' },
      to: { path: '^libs/timeline/src/commands/', pathNot: '^libs/timeline/src/commands/$1/' },
    },
    {
      name: 'deciders-are-pure',
      severity: 'error',
      comment: 'A decider (and the state and rules it reads) decides on the state it is given: no framework, no database, no event store, no I/O.',
      from: { path: ['^libs/timeline/src/commands/[^/]+/decide\\.ts$', '^libs/timeline/src/command-handling/(decider|story-state|source-state|fact-rules|input)\\.ts$'] },
      to: {
        path: [
          '^node_modules/(@nestjs|pg|pg-[^/]+|typeorm|@kurrent|@nats-io|express)/',
          '^libs/(event-store|database|host|server|projections)/',
          '^(node:)?(fs|net|http|https|http2|dgram|child_process|worker_threads)(/|$)',
        ],
      },
    },
    {
      name: 'audit-reads-through-the-port',
      severity: 'error',
      comment: "The audit reads the log through the event-store port's ChainedLog capability: no driver, no SQL, no adapter (tests may set a log up).",
      from: { path: '^libs/audit/', pathNot: '\\.(int-)?spec\\.ts$' },
      to: { path: ['^node_modules/(pg|pg-[^/]+|typeorm)/', '^libs/event-store/src/(postgres|indexed|kurrentdb)/', '^libs/database/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
