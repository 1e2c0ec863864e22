import { ClaimIndex, keyDevelopments } from '../libs/claims/src';
import { loadT17Topics } from './corpora/t17';
import { extractArticles } from './eval/extraction-cache';
import { claimFactsOf } from './eval/claims';
for (const topic of loadT17Topics()) {
  const facts = claimFactsOf(extractArticles(topic.articles));
  const index = new ClaimIndex(); for (const f of facts) index.add(f);
  const view = keyDevelopments(index.claims());
  const pubCount = new Map<string, number>(); for (const a of topic.articles) pubCount.set(a.publishedOn, (pubCount.get(a.publishedOn) ?? 0) + 1);
  topic.timelines.forEach((t, i) => {
    const gold = new Set(t.dates.map((e) => e.date)); const k = gold.size;
    console.log(topic.name, i, t.outlet, 'k', k, 'span', [...gold].sort()[0], [...gold].sort()[k-1]);
    console.log('  top:', view.days.slice(0, k).map((d) => `${d.day.slice(2)}${gold.has(d.day) ? '*' : ''}:${d.score.toFixed(0)}/${pubCount.get(d.day) ?? 0}`).join(' '));
    const rankOf = new Map(view.days.map((d, r) => [d.day, r]));
    console.log('  missed gold:', [...gold].sort().filter((d) => (rankOf.get(d) ?? 1e9) >= k).map((d) => `${d.slice(2)}@${rankOf.get(d) ?? '-'}/${pubCount.get(d) ?? 0}`).join(' '));
  });
}
