/** Renders one `npm run bench` run as Markdown: the machine, the figures, and each target as met or missed. */

interface Latency {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
}

interface QueryLatencies {
  readonly timeline: Latency;
  readonly asOf: Latency;
}

interface QueryFigures extends QueryLatencies {
  readonly events: number;
  readonly entries: number;
  readonly asOfEntries: number;
  /** The same reads with the view cache off (STORYLINE_VIEW_CACHE=0): every request reads the tables. */
  readonly uncached: QueryLatencies;
}

export interface Figures {
  readonly append: readonly { system: string; writers: number; eventsPerSecond: number }[];
  readonly visible: { samples: number; p50: number; p99: number; max: number };
  readonly querySmall: QueryFigures;
  readonly rebuild: { events: number; seconds: number; eventsPerSecond: number; peakRssMiB: number; maxRssMiB: number; nodeCpuSeconds: number; loadEventsPerSecond: number };
  readonly queryLarge: QueryFigures;
}

export interface Machine {
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly postgres: string;
  readonly date: string;
  readonly minutes: number;
}

const number = (value: number): string => Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');
const ratio = (value: number): string => `${value.toFixed(2)}x`;
const verdict = (met: boolean): string => (met ? 'met' : '**missed**');

const PGBENCH = 'pgbench, one single-row INSERT a transaction';

interface AppendRates {
  readonly storyline: number;
  readonly emmett: number;
  readonly bare: number;
  /** 0 when pgbench was not found. */
  readonly pgbench: number;
}

function appendTable(figures: Figures): { lines: string[]; atOne: AppendRates; atEight: AppendRates } {
  const systems = [...new Set(figures.append.map((row) => row.system))];
  const rate = (system: string, writers: number): number => figures.append.find((row) => row.system === system && row.writers === writers)?.eventsPerSecond ?? 0;
  const [storyline, emmett, bare] = systems;
  const withPgbench = systems.includes(PGBENCH);
  const lines = [
    `| writers | ${systems.join(' | ')} | Storyline / Emmett | Storyline / bare INSERT |${withPgbench ? ' Storyline / pgbench |' : ''}`,
    `| ---: | ${systems.map(() => '---:').join(' | ')} | ---: | ---: |${withPgbench ? ' ---: |' : ''}`,
  ];
  for (const writers of [...new Set(figures.append.map((row) => row.writers))]) {
    const cells = systems.map((system) => number(rate(system, writers)));
    const versusPgbench = withPgbench ? ` ${ratio(rate(storyline, writers) / rate(PGBENCH, writers))} |` : '';
    lines.push(`| ${writers} | ${cells.join(' | ')} | ${ratio(rate(storyline, writers) / rate(emmett, writers))} | ${ratio(rate(storyline, writers) / rate(bare, writers))} |${versusPgbench}`);
  }
  const at = (writers: number): AppendRates => ({ storyline: rate(storyline, writers), emmett: rate(emmett, writers), bare: rate(bare, writers), pgbench: rate(PGBENCH, writers) });
  return { lines, atOne: at(1), atEight: at(8) };
}

function queryRow(query: QueryFigures, cache: 'on' | 'off'): string {
  const { timeline, asOf } = cache === 'on' ? query : query.uncached;
  return `| ${number(query.events)} | ${cache} | ${query.entries} / ${query.asOfEntries} | ${number(timeline.requestsPerSecond)} | ${timeline.p50} | ${timeline.p99} | ${number(asOf.requestsPerSecond)} | ${asOf.p50} | ${asOf.p99} |`;
}

export function renderSection(figures: Figures, machine: Machine, command: string): string {
  const append = appendTable(figures);
  const { rebuild, visible, querySmall, queryLarge } = figures;
  const asOfGrowth = queryLarge.uncached.asOf.p99 / querySmall.uncached.asOf.p99;
  const cachedGrowth = queryLarge.asOf.p99 / querySmall.asOf.p99;
  const targets = [
    ['append, 8 writers, vs Emmett', '>= 3x', ratio(append.atEight.storyline / append.atEight.emmett), append.atEight.storyline >= 3 * append.atEight.emmett],
    ['append, 8 writers, vs bare INSERT', '>= 0.5x', ratio(append.atEight.storyline / append.atEight.bare), append.atEight.storyline >= 0.5 * append.atEight.bare],
    ...(append.atEight.pgbench > 0
      ? ([['append, 8 writers, vs pgbench with 8 connections (one single-row commit each)', '>= 1x', ratio(append.atEight.storyline / append.atEight.pgbench), append.atEight.storyline >= append.atEight.pgbench]] as const)
      : []),
    ['append, 1 writer, vs Emmett', '>= 2x', ratio(append.atOne.storyline / append.atOne.emmett), append.atOne.storyline >= 2 * append.atOne.emmett],
    ['rebuild throughput', '>= 50 000 events/s', `${number(rebuild.eventsPerSecond)} events/s`, rebuild.eventsPerSecond >= 50_000],
    ['rebuild peak RSS', '< 400 MB', `${rebuild.peakRssMiB} MiB (${Math.round((rebuild.peakRssMiB * 2 ** 20) / 1e6)} MB)`, rebuild.peakRssMiB * 2 ** 20 < 400e6],
    [`as-of p99 at ${number(queryLarge.events)} vs at ${number(querySmall.events)} events, view cache off`, '<= 1.5x', `${ratio(asOfGrowth)} (${queryLarge.uncached.asOf.p99} / ${querySmall.uncached.asOf.p99} ms)`, asOfGrowth <= 1.5],
    [`the same, view cache on`, '<= 1.5x', `${ratio(cachedGrowth)} (${queryLarge.asOf.p99} / ${querySmall.asOf.p99} ms)`, cachedGrowth <= 1.5],
    ['append-to-visible p99', '< 100 ms', `${visible.p99} ms`, visible.p99 < 100],
  ] as const;
  return [
    `Command: \`${command}\`. Machine: ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, Linux; PostgreSQL ${machine.postgres}, on the same machine.`,
    `Date: ${machine.date}. The whole run took ${machine.minutes.toFixed(1)} min.`,
    '',
    `**Append throughput** (events/s; one ~300-byte event an append, each writer on its own stream with the expected revision; the bare INSERT writes 1 000 rows a statement; pgbench commits one single-row INSERT a transaction on as many connections as writers):`,
    '',
    ...append.lines,
    '',
    `**Projection rebuild** (all four projections from position 0, shadow schema and swap):`,
    '',
    '| events | rebuild | events/s | peak RSS | Node CPU during the rebuild | loading them (not timed) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${number(rebuild.events)} | ${rebuild.seconds} s | ${number(rebuild.eventsPerSecond)} | ${rebuild.peakRssMiB} MiB | ${rebuild.nodeCpuSeconds} s | ${number(rebuild.loadEventsPerSecond)} events/s |`,
    '',
    `**Query latency under load** (autocannon, 50 connections; one bulk story's timeline, and as of 2025-11-05 on the reported clock; latencies in ms; with the view cache on, the default, and off, so every request reads the tables):`,
    '',
    '| events stored | view cache | entries / as-of entries | timeline req/s | timeline p50 | timeline p99 | as-of req/s | as-of p50 | as-of p99 |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    queryRow(querySmall, 'on'),
    queryRow(queryLarge, 'on'),
    queryRow(querySmall, 'off'),
    queryRow(queryLarge, 'off'),
    '',
    `**Append-to-visible** (${visible.samples} reports, one after another, \`STORYLINE_READ_YOUR_WRITES_MS=0\`; from the 201 to the timeline checkpoint reaching the report): p50 ${visible.p50} ms, p99 ${visible.p99} ms, max ${visible.max} ms.`,
    '',
    '| target | wanted | this run | |',
    '| --- | --- | --- | --- |',
    ...targets.map(([name, wanted, got, met]) => `| ${name} | ${wanted} | ${got} | ${verdict(met)} |`),
  ].join('\n');
}
