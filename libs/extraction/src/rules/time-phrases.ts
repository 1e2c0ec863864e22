/**
 * Vague time phrases chrono-node does not parse (or parses into a made-up exact day).
 * Each becomes a fuzzy interval relative to the publication date, never a single day.
 */

export type Unit = 'day' | 'week' | 'month' | 'year';

/** How far back "recent", "past few" and friends reach, in units. */
export const VAGUE_COUNTS: Readonly<Record<string, number>> = {
  recent: 3, few: 3, couple: 2, several: 5, many: 6, last: 1, past: 1,
};

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, eighteen: 18, twenty: 20, thirty: 30,
};

/** A count given in digits, in words, or vaguely ("few"). */
export function countOf(word: string | undefined): number {
  if (!word) return 1;
  const lower = word.toLowerCase();
  return Number(lower) || NUMBER_WORDS[lower] || VAGUE_COUNTS[lower] || 1;
}

export function unitOf(word: string): Unit {
  const lower = word.toLowerCase().replace(/s$/, '');
  return lower === 'decade' ? 'year' : (lower as Unit);
}

/** Decades are counted as ten years each. */
export function scaleOf(word: string): number {
  return /^decades?$/i.test(word) ? 10 : 1;
}

/** A fuzzy span reaching back (or forward) from the publication date. */
export interface FuzzyPhrase {
  readonly pattern: RegExp;
  readonly direction: 'past' | 'future';
}

const UNITS = '(days|weeks|months|years|decades)';
const COUNT = '(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|few|couple of|several|many)';

export const FUZZY_PHRASES: readonly FuzzyPhrase[] = [
  { pattern: new RegExp(`\\b(?:in|over|during|throughout)\\s+(?:the\\s+)?(recent)\\s+${UNITS}\\b`, 'i'), direction: 'past' },
  { pattern: new RegExp(`\\b(?:in|over|during|throughout|for)\\s+the\\s+(?:past|last)\\s+${COUNT}?\\s*${UNITS}\\b`, 'i'), direction: 'past' },
  { pattern: new RegExp(`\\b(?:in|over)\\s+the\\s+(?:coming|next)\\s+${COUNT}?\\s*${UNITS}\\b`, 'i'), direction: 'future' },
];

/** "recently", "lately": about a month back, fuzzy. */
export const RECENTLY = /\b(recently|lately|of late)\b/i;

/** "earlier this year", "earlier this month": from the start of that unit to publication. */
export const EARLIER_THIS = /\bearlier\s+this\s+(week|month|year)\b/i;

/** "last week", "last month", "last year": the whole previous calendar unit. */
export const LAST_UNIT = /\blast\s+(week|month|year)\b/i;

/** "in 2019", "since 2014": a bare year. */
export const BARE_YEAR = /\b(?:in|during|since|by|until|of|from)\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)/i;

const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const CLOCK = '\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?';

/**
 * Page stamps: the time a page or a comment was filed, never when anything it says happened.
 * A wire dateline ("BEIRUT | Fri Jun 3, 2011 3:22pm BST"), a reader comment's time
 * ("March 9, 2011 at 9:53 pm |"), an "updated:" line. The dateline's date is the report's
 * publication date, read elsewhere; here the stamp is masked so the sentence's own time counts.
 */
export const PAGE_STAMPS: readonly RegExp[] = [
  new RegExp(`\\|\\s*${WEEKDAY}\\s+${MONTH}\\s+\\d{1,2},?\\s+\\d{4}(?:\\s+${CLOCK}(?:\\s+[A-Z]{2,4}\\b)?)?`, 'g'),
  new RegExp(`\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4},?\\s+(?:at\\s+)?${CLOCK}\\s*\\|`, 'gi'),
  new RegExp(`\\bupdated:?\\s+(?:${WEEKDAY}\\s+)?(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}(?:\\s+${CLOCK})?|${CLOCK}(?:\\s+${WEEKDAY})?)`, 'gi'),
];

/** chrono-node finds these but they name no time in the world ("now", a modal "may"). */
export const IGNORED_CHRONO_TEXT = /^(now|may|right now|just now|second|sat|sun|mar|today's)$/i;

/** "last week", "this weekend": chrono-node makes a single day of these; they are a span, read by the rules above or not at all. */
export const CHRONO_WEEK_TEXT = /^(?:the\s+)?(?:last|past|next|this|coming)\s+week(?:end)?$/i;

/** A verb or phrase saying the sentence is about the future: keeps "in March" from moving back a year. */
export const FUTURE_MARKERS = /\b(will|shall|next|upcoming|coming|scheduled|plans? to|expected to|is to|are to|set to|due|as soon as|deadline)\b/i;

/**
 * A calendar day without a year ("10 April") at most this many days after publication is a
 * date ahead (a deadline, a scheduled vote); further ahead, it is last year's day.
 */
export const NEAR_FUTURE_DAYS = 14;

/** Text with none of these words or digits holds no date chrono-node could find; skip it. */
export const MAY_HOLD_DATE: readonly RegExp[] = [
  /\d/,
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b/,
  /\b(?:today|yesterday|tomorrow|tonight|ago|noon|midnight)\b/i,
  /\b(?:last|next|this|past|coming)\s+(?:week|month|year|weekend|morning|afternoon|evening|night|decade)/i,
];
