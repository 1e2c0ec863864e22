/** Patterns for report-level findings: datelines, sign-offs, bylines, publication lines. */

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** "November 20, 2025", "20 November 2025", "Nov. 20", "2025-11-20". */
export const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?(?:\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2})`;
const DASH = '[\\u2014\\u2013-]{1,2}|\\(\\w+\\)\\s*[\\u2014\\u2013-]';
const PLACE = "[\\p{Lu}][\\p{L}.'\\u2019-]*(?:\\s[\\p{Lu}][\\p{L}.'\\u2019-]*){0,3}";

/** "Kyiv, November 20, 2025 — ..." or "WASHINGTON — ..." at the start of the body. */
export const DATELINE = new RegExp(
  `^(?<dateline>(?<place>${PLACE})(?:,\\s*(?:${PLACE},\\s*)?(?<date>${DATE}))?)\\s*(?:${DASH})\\s+`,
  'u',
);

/** A closing line naming who signed the piece and when: "Newshub Editorial in Europe – 27 November 2025". */
export const SIGN_OFF = new RegExp(`^(?<name>[\\p{Lu}][^\\n]{1,80}?)\\s+(?:[\\u2014\\u2013|-]|,)\\s*(?<date>${DATE})\\.?$`, 'u');

/** "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By Jane Doe | Politico". */
export const BYLINE = /^by\s+(?<name>[\p{Lu}][\p{L}.'\u2019-]*(?:\s+(?:and\s+)?[\p{Lu}][\p{L}.'\u2019-]*){0,5})(?:\s*(?:,|\||\u2014|\u2013|-)\s*(?<outlet>[\p{Lu}][^\n]{1,60}))?$/iu;

/** "Published: 20 November 2025", "Posted on Nov 20, 2025", "Updated November 20, 2025". */
export const PUBLISHED_LINE = new RegExp(`^(?:published|posted|updated)(?:\\s+on)?:?\\s+(?<date>${DATE})`, 'iu');

/** Words that make a signature an outlet rather than a person. */
export const OUTLET_WORDS = /\b(editorial|news|newsroom|desk|staff|team|times|post|press|agency|media|journal|herald|tribune|gazette|wire|reporters?|correspondents?|bureau|daily|weekly|online|network|magazine|review|hub)\b/i;
