import { occurredIn } from '../libs/extraction/src/time/occurred';
import { loadT17Topics } from './corpora/t17';
for (const t of loadT17Topics()) { let n = 0, d = 0; const arts = new Set<string>();
  for (const a of t.articles) { const pub = new Date(a.publishedOn + 'T00:00:00Z');
    for (const s of a.text.split(/(?<=[.!?])\s+|\n+/)) { n++; const o = occurredIn(s, pub); if (o && (o.precision === 'day' || o.precision === 'instant')) { d++; arts.add(a.id); } } }
  console.log(t.name, 'sentences', n, 'day', d, 'articles', arts.size); }
