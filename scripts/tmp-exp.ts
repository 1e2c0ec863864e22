import { ClaimIndex, keyDevelopments, topDays, occurredDayOf } from '../libs/claims/src';
import { loadT17Topics } from './corpora/t17';
import { extractArticles } from './eval/extraction-cache';
import { claimFactsOf, dateF1, publicationRanking } from './eval/claims';
const fresh = process.argv.includes('--fresh');
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 864e5);
for (const topic of loadT17Topics()) {
  const ex = extractArticles(topic.articles, { fresh });
  const facts = claimFactsOf(ex);
  const dayFacts = facts.filter((f) => occurredDayOf(f));
  const golds = topic.timelines.map((t) => [...new Set(t.dates.map((e) => e.date))].sort());
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const score = (ranking: string[]) => mean(golds.map((g) => dateF1(ranking.slice(0, g.length), g))).toFixed(3);
  const index = new ClaimIndex(); for (const f of facts) index.add(f);
  const view = keyDevelopments(index.claims());
  const cur = mean(golds.map((g) => dateF1(topDays(view, g.length), g))).toFixed(3);
  const pub = publicationRanking(topic);
  const pubCount = new Map<string, number>(); for (const a of topic.articles) pubCount.set(a.publishedOn, (pubCount.get(a.publishedOn) ?? 0) + 1);
  const first = topic.articles.map((a) => a.publishedOn).sort()[0];
  // per article day mention sets
  const perArticle = new Map<string, Map<string, number>>();
  for (const f of dayFacts) { const d = occurredDayOf(f)!; const p = f.reportedAt.slice(0, 10); const gap = daysBetween(d, p);
    if (gap < 0 || daysBetween(d, first) > 31) continue;
    const m = perArticle.get(f.reportId) ?? new Map(); perArticle.set(f.reportId, m); m.set(d, (m.get(d) ?? 0) + 1); }
  const pubOf = new Map(facts.map((f) => [f.reportId, f.reportedAt.slice(0, 10)]));
  const rank = (w: (gap: number, n: number) => number, alpha = 0) => { const s = new Map<string, number>();
    for (const [r, m] of perArticle) for (const [d, n] of m) s.set(d, (s.get(d) ?? 0) + w(daysBetween(d, pubOf.get(r)!), n));
    if (alpha) for (const d of s.keys()) s.set(d, s.get(d)! + alpha * (pubCount.get(d) ?? 0));
    return [...s].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d); };
  const log = (g: number) => 1 + Math.log2(1 + Math.min(g, 30)) / 2;
  const goldAll = new Set(golds.flat());
  console.log(topic.name, 'facts', facts.length, 'dayFacts', dayFacts.length, (dayFacts.length / facts.length * 100).toFixed(1) + '%', 'articlesWithDay', perArticle.size,
    'goldCovered', [...goldAll].filter((d) => [...perArticle.values()].some((m) => m.has(d))).length + '/' + goldAll.size);
  const next = (d: string) => new Date(Date.parse(d) + 864e5).toISOString().slice(0, 10);
  const rank2 = (w: (gap: number) => number, beta: number) => { const s = new Map<string, number>();
    for (const [r, m] of perArticle) for (const [d] of m) s.set(d, (s.get(d) ?? 0) + w(daysBetween(d, pubOf.get(r)!)));
    for (const d of s.keys()) s.set(d, s.get(d)! + beta * ((pubCount.get(d) ?? 0) + (pubCount.get(next(d)) ?? 0)));
    return [...s].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d); };
  const sq = (g: number) => 1 + Math.sqrt(Math.min(g, 30)) / 4;
  console.log(' pubnext', [0.25, 0.5, 1].map((b) => score(rank2(() => 1, b)) + '/' + score(rank2(log, b)) + '/' + score(rank2(sq, b))).join(' '));
  const outletOf = new Map(facts.map((f) => [f.reportId, f.outlet]));
  const feat = (f: (rs: string[], d: string) => number) => { const by = new Map<string, string[]>();
    for (const [r, m] of perArticle) for (const [d] of m) { const l = by.get(d) ?? []; l.push(r); by.set(d, l); }
    return [...by].map(([d, rs]) => [d, f(rs, d)] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d); };
  const later = (rs: string[], d: string) => rs.filter((r) => daysBetween(d, pubOf.get(r)!) >= 1).length;
  const same = (rs: string[], d: string) => rs.filter((r) => daysBetween(d, pubOf.get(r)!) <= 1).length;
  const outl = (rs: string[]) => new Set(rs.map((r) => outletOf.get(r))).size;
  const pubdays = (rs: string[]) => new Set(rs.map((r) => pubOf.get(r))).size;
  console.log(' later', score(feat(later)), 'same', score(feat(same)), 'outl+n', score(feat((rs) => outl(rs) * 100 + rs.length)), 'pubdays', score(feat(pubdays)), 'pubdays+n/100', score(feat((rs) => pubdays(rs) + rs.length / 100)),
    'later+same', score(feat((rs, d) => later(rs, d) + 0.5 * same(rs, d))));
  const MONTHS = ['jan','feb','mar','apr','may','jun','jul','aug','sep','oct','nov','dec'];
  const absOf = (st: string, d: string) => { const m = MONTHS[Number(d.slice(5, 7)) - 1]; const day = String(Number(d.slice(8, 10)));
    return new RegExp(`\\b${m}[a-z]*\\.?\\s+${day}(?!\\d)|\\b${day}(?:st|nd|rd|th)?\\s+${m}`, 'i').test(st); };
  const pa = new Map<string, Map<string, boolean>>();
  for (const f of dayFacts) { const d = occurredDayOf(f)!; const gap = daysBetween(d, f.reportedAt.slice(0, 10)); if (gap < 0 || daysBetween(d, first) > 31) continue;
    const m = pa.get(f.reportId) ?? new Map(); pa.set(f.reportId, m); m.set(d, (m.get(d) ?? false) || absOf(f.statement, d)); }
  const rank3 = (w: (g: number) => number, ab: number) => { const s = new Map<string, number>();
    for (const [r, m] of pa) for (const [d, abs] of m) s.set(d, (s.get(d) ?? 0) + w(daysBetween(d, pubOf.get(r)!)) * (abs ? ab : 1));
    return [...s].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d); };
  console.log(' abs', [1, 2, 3, 4, 6].map((ab) => `${ab}:` + score(rank3(() => 1, ab)) + '/' + score(rank3(log, ab)) + '/' + score(rank3(sq, ab))).join(' '));
  const ws: Record<string, (g: number) => number> = { one: () => 1, log, sq, soon: (g) => 1 + 1 / (1 + g), cap7: (g) => Math.min(g, 7) / 7 + 1 };
  const out: string[] = [];
  for (const [wn, w] of Object.entries(ws)) for (const ab of [1, 1.5, 2]) for (const al of [0, 0.25, 0.5, 1]) {
    const s = new Map<string, number>();
    for (const [r, m] of pa) for (const [d, abs] of m) s.set(d, (s.get(d) ?? 0) + w(daysBetween(d, pubOf.get(r)!)) * (abs ? ab : 1));
    for (const d of s.keys()) s.set(d, s.get(d)! + al * (pubCount.get(d) ?? 0));
    out.push(`${wn}/${ab}/${al}=${score([...s].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d))}`); }
  console.log(' GRID', out.join(' '));
  const factById = new Map(facts.map((f) => [f.id, f]));
  const pc = new Map<string, Map<string, boolean>>();
  for (const c of index.claims()) { const seen = new Set<string>();
    for (const mb of c.members) { const d = mb.occurredDay; if (!d) continue; const gap = daysBetween(d, mb.reportedAt.slice(0, 10)); if (gap < 0 || daysBetween(d, first) > 31) continue;
      const key = mb.outlet + d; if (seen.has(key)) continue; seen.add(key);
      const m = pc.get(mb.reportId) ?? new Map(); pc.set(mb.reportId, m); m.set(d, (m.get(d) ?? false) || absOf(factById.get(mb.factId)!.statement, d)); } }
  const out2: string[] = [];
  for (const [wn, w] of Object.entries(ws)) for (const ab of [1, 1.5, 2]) for (const al of [0, 0.5]) {
    const s = new Map<string, number>();
    for (const [r, m] of pc) for (const [d, abs] of m) s.set(d, (s.get(d) ?? 0) + w(daysBetween(d, pubOf.get(r)!)) * (abs ? ab : 1));
    for (const d of s.keys()) s.set(d, s.get(d)! + al * (pubCount.get(d) ?? 0));
    out2.push(`${wn}/${ab}/${al}=${score([...s].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([d]) => d))}`); }
  console.log(' GRID2', out2.join(' '));
  console.log(' current', cur, 'pub', score(pub), 'cnt1', score(rank(() => 1)), 'log', score(rank(log)), 'sooner', score(rank((g) => 1 / (1 + g))),
    'log+a.5', score(rank(log, 0.5)), 'log+a1', score(rank(log, 1)), '1+a1', score(rank(() => 1, 1)), '1+a.5', score(rank(() => 1, .5)), 'nsent', score(rank((g, n) => n)));
}
