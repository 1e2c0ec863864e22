import { occurredIn } from '../libs/extraction/src/time/occurred';
import { loadT17Topics } from './corpora/t17';
import { dateF1 } from './eval/claims';
const db = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 864e5);
for (const t of loadT17Topics()) {
  const first = t.articles.map((a) => a.publishedOn).sort()[0];
  const per: [string, string, boolean][] = [];
  for (const a of t.articles) { const pub = new Date(a.publishedOn + 'T00:00:00Z'); const ds = new Map<string, boolean>();
    for (const s of a.text.split(/(?<=[.!?])\s+|\n+/)) { const o = occurredIn(s, pub); if (o && (o.precision === 'day' || o.precision === 'instant')) { const d = o.from!.slice(0, 10); if (d <= a.publishedOn && db(d, first) <= 31) ds.set(d, (ds.get(d) ?? false) || /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(s)); } }
    for (const [d, abs] of ds) per.push([d, a.publishedOn, abs]); }
  const golds = t.timelines.map((x) => [...new Set(x.dates.map((e) => e.date))].sort());
  const rank = (w: (g: number) => number, ab = 1) => { const s = new Map<string, number>(); for (const [d, p, abs] of per) s.set(d, (s.get(d) ?? 0) + w(db(d, p)) * (abs ? ab : 1)); return [...s].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d); };
  const sc = (r: string[]) => (golds.map((g) => dateF1(r.slice(0, g.length), g)).reduce((x, y) => x + y, 0) / golds.length).toFixed(3);
  console.log(t.name, 'abs2', sc(rank(() => 1, 2)), 'abs4', sc(rank(() => 1, 4)), 'absonly', sc(rank(() => 1, 100)), 'abs3log', sc(rank((g) => 1 + Math.log2(1 + Math.min(g, 30)) / 2, 3)), 'cnt', sc(rank(() => 1)), 'log', sc(rank((g) => 1 + Math.log2(1 + Math.min(g, 30)) / 2)));
}
