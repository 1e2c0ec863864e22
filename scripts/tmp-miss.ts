import { occurredDayOf } from '../libs/claims/src';
import { loadT17Topics } from './corpora/t17';
import { extractArticles } from './eval/extraction-cache';
import { claimFactsOf } from './eval/claims';
const re = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b)/;
let n = 0, shown = 0;
for (const topic of loadT17Topics()) {
  const facts = claimFactsOf(extractArticles(topic.articles));
  const miss = facts.filter((f) => !occurredDayOf(f) && re.test(f.statement));
  console.log(topic.name, 'missed with day word', miss.length, 'of', facts.length);
  for (const f of miss.filter((_, i) => i % 40 === 0).slice(0, 15)) console.log('  ', JSON.stringify(f.occurred), f.reportedAt.slice(0,10), '|', f.statement.slice(0, 200));
}
