import type { Span } from '../types';

/** A quotation: `start`/`end` include the marks, `inner` is what was said. */
export interface Quotation extends Span {
  readonly inner: Span;
}

type Mark = { readonly at: number; readonly role: 'open' | 'close' };

const OPENING = new Set(['\u201c', '\u00ab']);
const CLOSING = new Set(['\u201d', '\u00bb']);

/**
 * Finds quotations in one paragraph (`offset` is where it starts in the report). Straight
 * quotes open or close by what surrounds them, and curly and straight marks may pair up, as
 * scraped copy mixes them. A quotation left open runs to the end of the paragraph; one closed
 * without opening began in an earlier paragraph, as news style does for long quotes.
 */
export function findQuotations(paragraph: string, offset: number): Quotation[] {
  const found: Quotation[] = [];
  let open: number | null = null;
  for (const mark of quoteMarks(paragraph)) {
    if (mark.role === 'open' && open === null) open = mark.at;
    else if (mark.role === 'close') {
      const start = open ?? 0;
      found.push(quotation(paragraph, start, mark.at + 1, offset, open !== null));
      open = null;
    }
  }
  if (open !== null) found.push(quotation(paragraph, open, paragraph.length, offset, true));
  return found;
}

function quoteMarks(paragraph: string): Mark[] {
  const marks: Mark[] = [];
  for (let at = 0; at < paragraph.length; at += 1) {
    const char = paragraph[at];
    if (OPENING.has(char)) marks.push({ at, role: 'open' });
    else if (CLOSING.has(char)) marks.push({ at, role: 'close' });
    else if (char === '"') marks.push({ at, role: straightRole(paragraph, at) });
  }
  return marks;
}

// A straight quote after a space (or at the start) opens; one after a word or stop closes.
function straightRole(paragraph: string, at: number): Mark['role'] {
  const before = at === 0 ? ' ' : paragraph[at - 1];
  return /[\s(\[\u2014\u2013-]/.test(before) ? 'open' : 'close';
}

function quotation(paragraph: string, start: number, end: number, offset: number, opened: boolean): Quotation {
  const innerStart = opened ? start + 1 : start;
  const innerEnd = end === paragraph.length && !CLOSING.has(paragraph[end - 1]) && paragraph[end - 1] !== '"' ? end : end - 1;
  return { start: offset + start, end: offset + end, inner: trimSpan(paragraph, innerStart, Math.max(innerStart, innerEnd), offset) };
}

function trimSpan(text: string, start: number, end: number, offset: number): Span {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from])) from += 1;
  while (to > from && /\s/.test(text[to - 1])) to -= 1;
  return { start: offset + from, end: offset + to };
}
