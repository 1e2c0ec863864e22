import { findChronoTimes, withoutPageStamps } from './occurred';

/** A calendar day a report names, with how it names it. */
export interface ReportDayMention {
  /** The day named, YYYY-MM-DD (UTC). Never after the report's publication day. */
  readonly day: string;
  /** How many sentences of the report name it. */
  readonly sentences: number;
  /** Index (from 0) of the first sentence that names it: 0 is the lead. */
  readonly firstSentence: number;
  /** Whether some sentence names it as a calendar date ("March 17", "17 March"), not only relative to the report ("on Friday"). */
  readonly calendar: boolean;
}

// Sentence ends for this purpose: a line break, or . ! ? (optionally closing a quotation) before a capital or an opening quote.
const SENTENCE_BREAK = /\n+|(?<=[.!?]["\u201d\u2019']?)\s+(?=["\u201c\u2018'(]?[\p{Lu}\d])/u;
const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?/;
const DAY_MS = 86_400_000;

/**
 * The distinct days a report names in any sentence, not only in the facts the extractor keeps:
 * explicit dates ("on March 17", "17 March 2011") and relative ones resolved against the
 * publication date ("on Tuesday", "last Friday", "yesterday"), with the same rules as a fact's
 * occurred time (page stamps masked, a weekday after a future marker is the coming one). Only
 * day or instant precision counts; days after the publication day are left out, since what is
 * scheduled has not happened yet. Without a publication date nothing relative can be resolved,
 * so the answer is empty. Pure and deterministic; in publication order of first mention.
 */
export function reportDayMentions(text: string, publishedAt: string | null): ReportDayMention[] {
  if (!publishedAt) return [];
  const published = new Date(publishedAt);
  if (Number.isNaN(published.getTime())) return [];
  const lastDay = Math.floor(published.getTime() / DAY_MS) * DAY_MS;
  const found = new Map<string, { sentences: number; firstSentence: number; calendar: boolean }>();
  const sentences = text.split(SENTENCE_BREAK).filter((sentence) => sentence.trim().length > 0);
  sentences.forEach((raw, index) => {
    const sentence = withoutPageStamps(raw);
    const named = new Map<string, boolean>();
    for (const match of findChronoTimes(sentence, published)) {
      const { from, to, precision } = match.occurred;
      if ((precision !== 'day' && precision !== 'instant') || !from) continue;
      const start = Date.parse(from);
      if (to && Date.parse(to) - start > DAY_MS) continue;
      if (start >= lastDay + DAY_MS) continue;
      const day = new Date(start).toISOString().slice(0, 10);
      const calendar = MONTH_NAME.test(sentence.slice(match.index, match.index + match.length)) && /\d/.test(sentence.slice(match.index, match.index + match.length));
      named.set(day, (named.get(day) ?? false) || calendar);
    }
    for (const [day, calendar] of named) {
      const entry = found.get(day);
      if (entry) {
        entry.sentences += 1;
        entry.calendar ||= calendar;
      } else {
        found.set(day, { sentences: 1, firstSentence: index, calendar });
      }
    }
  });
  return [...found].map(([day, entry]) => ({ day, ...entry }));
}
