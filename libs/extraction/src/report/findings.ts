import * as chrono from 'chrono-node';
import { KNOWN_PLACES, NOT_NAMES } from '../rules/entities';
import { WIRE_DATELINE } from '../rules/furniture';
import { BYLINE, DATELINE, OUTLET_WORDS, PUBLISHED_LINE, SIGN_OFF } from '../rules/report';
import type { Paragraph } from '../text/layout';
import type { ExtractionOptions, ReportFinding, TextSpan } from '../types';

/** What the page says about the report itself, and where the body's first sentence starts. */
export interface ReportFindings {
  readonly outlet: ReportFinding | null;
  readonly publishedAt: ReportFinding | null;
  readonly dateline: ReportFinding | null;
  readonly byline: ReportFinding | null;
  readonly headline: ReportFinding | null;
  /** Offset where facts may start in the first body paragraph (after its dateline). */
  readonly bodyStart: number | null;
}

const given = (value: string): ReportFinding => ({ value, evidence: null });
const found = (value: string, text: string, start: number): ReportFinding => ({ value, evidence: span(text, start) });
const span = (text: string, start: number): TextSpan => ({ text, start, end: start + text.length });

/** Reads outlet, date, dateline, byline and headline from the page; the caller's values win. */
export function findReportFindings(paragraphs: readonly Paragraph[], options: ExtractionOptions): ReportFindings {
  const firstBody = paragraphs.find((paragraph) => paragraph.kind === 'body');
  const dateline = firstBody ? findDateline(firstBody) : null;
  const signOff = findSignOff(paragraphs);
  const byline = findByline(paragraphs);
  const published = findPublishedLine(paragraphs);
  const outlet = options.outlet ? given(options.outlet) : signOff?.outlet ?? byline?.outlet ?? null;
  const publishedAt = options.publishedAt
    ? given(new Date(options.publishedAt).toISOString())
    : dateline?.date ?? published ?? signOff?.date ?? null;
  return {
    outlet,
    publishedAt,
    dateline: dateline?.finding ?? null,
    byline: byline?.person ?? signOff?.person ?? null,
    headline: findHeadline(paragraphs, firstBody),
    bodyStart: dateline ? dateline.end : wireDatelineEnd(paragraphs),
  };
}

const WIRE_DATELINE_REACH = 3000;

// Front matter a scraped page runs into the story (headline, byline, captions, highlights)
// ends at the wire dateline, when one opens the story near the top.
function wireDatelineEnd(paragraphs: readonly Paragraph[]): number | null {
  const first = paragraphs.find((paragraph) => paragraph.kind === 'body');
  for (const paragraph of paragraphs) {
    if (!first || paragraph.start - first.start > WIRE_DATELINE_REACH) return null;
    const match = WIRE_DATELINE.exec(paragraph.text);
    if (match && match.index <= WIRE_DATELINE_REACH) return paragraph.start + match.index + match[0].length;
  }
  return null;
}

/** Midnight UTC of a date written out in full; null when day, month or year is missing. */
export function parseFullDate(text: string): string | null {
  const [result] = chrono.strict.parse(text, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 'UTC' });
  if (!result || !['day', 'month', 'year'].every((part) => result.start.isCertain(part as chrono.Component))) return null;
  const day = Date.UTC(result.start.get('year') ?? 0, (result.start.get('month') ?? 1) - 1, result.start.get('day') ?? 1);
  return new Date(day).toISOString();
}

function findDateline(paragraph: Paragraph) {
  const match = DATELINE.exec(paragraph.text);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const place = groups.place;
  const plausible = groups.date || /^[\p{Lu}\s.'-]+$/u.test(place) || KNOWN_PLACES.has(place.toLowerCase());
  if (!plausible || NOT_NAMES.has(place.toLowerCase())) return null;
  const start = paragraph.start;
  const iso = groups.date ? parseFullDate(groups.date) : null;
  const dateAt = groups.date ? start + groups.dateline.lastIndexOf(groups.date) : 0;
  return {
    finding: found(groups.dateline, groups.dateline, start),
    date: iso ? { value: iso, evidence: span(groups.date, dateAt) } : null,
    end: start + match[0].length,
  };
}

function findSignOff(paragraphs: readonly Paragraph[]) {
  const line = paragraphs.find((paragraph) => paragraph.kind === 'sign-off');
  const groups = line && SIGN_OFF.exec(line.text)?.groups;
  if (!line || !groups) return null;
  const name = groups.name.trim();
  const iso = parseFullDate(groups.date);
  const named = found(name, name, line.start + line.text.indexOf(name));
  const isOutlet = OUTLET_WORDS.test(name);
  return {
    outlet: isOutlet ? named : null,
    person: isOutlet ? null : named,
    date: iso ? { value: iso, evidence: span(groups.date, line.start + line.text.lastIndexOf(groups.date)) } : null,
  };
}

function findByline(paragraphs: readonly Paragraph[]) {
  const line = paragraphs.find((paragraph) => paragraph.kind === 'byline');
  const groups = line && BYLINE.exec(line.text)?.groups;
  if (!line || !groups) return null;
  const at = (part: string) => line.start + line.text.indexOf(part);
  const outlet = groups.outlet?.trim();
  return {
    person: found(groups.name.trim(), groups.name.trim(), at(groups.name.trim())),
    outlet: outlet ? found(outlet, outlet, at(outlet)) : null,
  };
}

function findPublishedLine(paragraphs: readonly Paragraph[]): ReportFinding | null {
  const line = paragraphs.find((paragraph) => paragraph.kind === 'published');
  const date = line && PUBLISHED_LINE.exec(line.text)?.groups?.date;
  const iso = date ? parseFullDate(date) : null;
  return line && date && iso ? { value: iso, evidence: span(date, line.start + line.text.indexOf(date)) } : null;
}

// The headline is the first heading above the body; a page with no heading before it has none.
function findHeadline(paragraphs: readonly Paragraph[], firstBody: Paragraph | undefined): ReportFinding | null {
  const heading = paragraphs.find((paragraph) => paragraph.kind === 'heading' && (!firstBody || paragraph.start < firstBody.start));
  return heading ? found(heading.text, heading.text, heading.start) : null;
}
