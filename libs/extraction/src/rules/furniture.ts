/**
 * Page furniture: lines a scraped page carries that are not part of the report
 * (theme placeholders, widgets, share bars). They yield no facts and no findings.
 */
export const FURNITURE_LINES: readonly RegExp[] = [
  /^physical address$/i,
  // A WordPress theme's demo address, kept by sites that never filled in their own.
  /^\d{1,6}\s+[\p{L}.\s]+\s(st|street|ave|avenue|rd|road|blvd|boulevard|ln|lane|dr|drive)\.?$/iu,
  /^[\p{L}.\s]+,\s*[A-Z]{2}\s+\d{5}(-\d{4})?$/u,
  /^(recent|related|popular|latest) (comments|posts|articles|stories|news)$/i,
  /^(leave a (reply|comment)|share this:?|share|subscribe|advertisement|sponsored|skip to (main )?content)$/i,
  /^(read more|click here|continue reading|sign up|log ?in|menu|search)\.?$/i,
  /^(tags|categories|filed under|posted in):?(\s.*)?$/i,
  /^(?:copyright|©)\s|all rights reserved\.?$/i,
  /^(facebook|twitter|linkedin|whatsapp|email|print)(\s*[|·•]\s*(facebook|twitter|linkedin|whatsapp|email|print))*$/i,
  /^(previous|next) (post|article)(:.*)?$/i,
];

/** Furniture lines are short; a long line is prose whatever words it contains. */
const FURNITURE_MAX_CHARS = 120;

export function isFurniture(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= FURNITURE_MAX_CHARS && FURNITURE_LINES.some((pattern) => pattern.test(trimmed));
}

/**
 * Sentences of page furniture that share a line with the report: photo credits and captions,
 * social and newsletter prompts, tip lines, editor's notes, embedded-post markup, bylines.
 * Such a sentence yields no fact, wherever it stands.
 */
export const FURNITURE_SENTENCES: readonly RegExp[] = [
  /\b(?:via|credit:?|photo:|photograph:|photo by|picture by)\s.{0,60}\b(?:Getty|Reuters|AFP|AP|EPA|Bloomberg|Shutterstock)\b/i,
  /\bGetty Images\b|\b(?:AP|AFP|EPA|Reuters) (?:Photo|Images)\b/,
  /\b(?:is|are) (?:seen|pictured|shown) (?:in|on) (?:this|a|an) (?:\w+ ){0,2}(?:photo|picture|image|handout|video|still|screenshot|screengrab)\b/i,
  /\bin this (?:\w+ ){0,2}(?:photo|picture|image|handout|screenshot)\b/i,
  /^\(?(?:photos?|pictured|caption|image|file photo|watch|video|listen|related|read more|more)\s*:/i,
  /\bireport\b|\bterms of (?:service|use)\b|\bprivacy policy\b|\bscreen name\b/i,
  /\bfollow\b.{0,60}\bon (?:twitter|facebook|instagram|x|threads|bluesky)\b|\blike us on facebook\b/i,
  /\b(?:sign up|subscribe)\b.{0,60}\b(?:newsletter|alerts?|updates|briefing|podcast)\b/i,
  /\b(?:send|share|email) (?:us )?(?:your )?(?:a )?(?:news )?tips?\b|\btip ?line\b|\bhave a (?:news )?tip\b|\bcontact (?:us|the newsroom) at\b/i,
  /\beditor['\u2019]?s['\u2019]?s? note\b/i,
  /pic\.twitter\.com|twitter\.com\/\w+\/status|\(@\w+\)\s+\p{L}+ \d{1,2}, \d{4}|&mdash;|\bview this post on instagram\b|\ba post shared by\b/iu,
  /^advertisement\b|\badvertisement$/i,
  /\bany opinions expressed here are\b|\bclick here\b|\ball rights reserved\b|\bcopyright \d{4}\b/i,
];

/**
 * A sentence that closes the report (credits, the comment section's prompt): it and everything
 * after it are page furniture, such as the promotions that follow a wire story's credits.
 */
export const CLOSING_SENTENCES: readonly RegExp[] = [
  /^\(?(?:with )?(?:additional )?(?:reporting|editing|writing|compiled|edited|written)(?: and (?:additional )?(?:reporting|editing|writing))? by\b/i,
  /\bcontributed (?:reporting )?to this (?:report|story|article)\b/i,
  /\b\d{1,2}:\d{2} ?[ap]m \| Reply\b/i,
  /\bwe welcome comments\b|\bthis discussion is (?:now )?closed\b|\bcomments? (?:are|is) (?:now )?closed\b/i,
];

/**
 * "Tripoli, Libya (CNN) --", "TRIPOLI (Reuters) -": the wire dateline that opens the story
 * proper; what comes before it on the page is headline, byline, captions and highlights.
 */
export const WIRE_DATELINE = /(?:^|\s)(?:[\p{Lu}][\p{L}.\\/'-]*(?:,?\s[\p{Lu}][\p{L}.\\/'-]*){0,3}\s)?\((?:CNN|Reuters|AP|AFP|BBC|Bloomberg|UPI|dpa|Xinhua|[\p{Lu}][\p{L}]+ News)\)\s*(?:--|[\u2014\u2013-])\s+/u;

/** A byline that opens a sentence, however long the page made that sentence. */
export const BYLINE_SENTENCES: readonly RegExp[] = [
  /^By (?:the )?(?:[\p{Lu}][\p{L}'-]+ ){0,3}(?:Wire |News )?Staff\b/u,
  /^By [\p{Lu}][\p{L}'-]+(?: [\p{Lu}][\p{L}.'-]*){1,4}(?: and [\p{Lu}][\p{L}'-]+(?: [\p{Lu}][\p{L}.'-]*){1,3})?(?:,|$| [\p{Lu}]{2,}\b| \|| [\p{Lu}]?[\p{L}]+ (?:News|correspondent|analyst|editor)\b)/u,
];

const SENTENCE_FURNITURE_MAX_CHARS = 400;

export function isFurnitureSentence(sentence: string): boolean {
  const trimmed = sentence.trim();
  if (BYLINE_SENTENCES.some((pattern) => pattern.test(trimmed))) return true;
  return trimmed.length <= SENTENCE_FURNITURE_MAX_CHARS && FURNITURE_SENTENCES.some((pattern) => pattern.test(trimmed));
}

export function isClosingSentence(sentence: string): boolean {
  return CLOSING_SENTENCES.some((pattern) => pattern.test(sentence.trim()));
}
