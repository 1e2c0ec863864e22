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
