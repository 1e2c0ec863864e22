import { occurredDayOf } from '../libs/claims/src';
import { loadT17Topics } from './corpora/t17';
import { extractArticles } from './eval/extraction-cache';
import { claimFactsOf } from './eval/claims';
const want = process.argv.slice(2);
for (const topic of loadT17Topics()) {
  const facts = claimFactsOf(extractArticles(topic.articles));
  for (const d of want) { const fs = facts.filter((f) => occurredDayOf(f) === d); if (!fs.length) continue;
    console.log('==', topic.name, d, fs.length, 'facts', new Set(fs.map((f) => f.reportId)).size, 'reports');
    for (const f of fs.slice(0, 8)) console.log('  ', f.reportedAt.slice(0, 10), f.outlet, '|', f.statement.slice(0, 160)); }
}
