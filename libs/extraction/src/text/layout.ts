import { isFurniture } from '../rules/furniture';
import { BYLINE, PUBLISHED_LINE, SIGN_OFF } from '../rules/report';

export type ParagraphKind = 'furniture' | 'heading' | 'byline' | 'published' | 'sign-off' | 'body';

/** One line of the report with its offsets (trimmed) and what it is on the page. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: ParagraphKind;
}

const HEADING_MAX_WORDS = 16;
const TERMINAL = /[.!?:;\u201d"\u2019')\]]$/;

/** Splits text into non-empty lines and tells page furniture, headings and sign-offs from body. */
export function layOut(text: string): Paragraph[] {
  const lines = splitLines(text);
  const kinds = lines.map((line) => firstGuess(line.text));
  markSignOff(lines, kinds);
  markTrailingJunk(lines, kinds);
  return lines.map((line, index) => ({ ...line, kind: kinds[index] }));
}

function splitLines(text: string): { start: number; end: number; text: string }[] {
  const lines: { start: number; end: number; text: string }[] = [];
  const pattern = /[^\r\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const lead = match[0].length - match[0].trimStart().length;
    const trimmed = match[0].trim();
    if (!trimmed) continue;
    const start = match.index + lead;
    lines.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return lines;
}

function firstGuess(line: string): ParagraphKind {
  if (isFurniture(line)) return 'furniture';
  if (BYLINE.test(line)) return 'byline';
  if (PUBLISHED_LINE.test(line)) return 'published';
  const words = line.split(/\s+/).length;
  if (words <= HEADING_MAX_WORDS && !TERMINAL.test(line)) return 'heading';
  return 'body';
}

// A sign-off closes the piece, so only the last few lines that are not furniture may be one.
function markSignOff(lines: readonly { text: string }[], kinds: ParagraphKind[]): void {
  let seen = 0;
  for (let index = lines.length - 1; index >= 0 && seen < 3; index -= 1) {
    if (kinds[index] === 'furniture') continue;
    seen += 1;
    if (SIGN_OFF.test(lines[index].text)) {
      kinds[index] = 'sign-off';
      return;
    }
  }
}

// Promotions and link lists a page appends after the story are long lines with no closing stop.
function markTrailingJunk(lines: readonly { text: string }[], kinds: ParagraphKind[]): void {
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    if (kinds[index] === 'furniture' || kinds[index] === 'sign-off') continue;
    if (kinds[index] !== 'body' || TERMINAL.test(lines[index].text)) return;
    kinds[index] = 'furniture';
  }
}
