import { classifyName, isDemonym } from '../entities/classify';
import { HEADLINE_SPEAKER, NOT_HEADLINE_SPEAKERS } from '../rules/attribution-cues';
import type { Span } from '../types';
import type { Frame } from './frame';

/** A line whose words are put in someone's mouth by a colon: "Trump: Mexico will pay for the wall". */
export interface SpeakerLine {
  readonly frame: Frame;
  /** What the speaker is reported to say: the part after the colon. */
  readonly said: Span;
}

const MIN_SAID_WORDS = 3;

/** Reads "Name: words" at the start of a line (`start` is where the line begins in the report). */
export function speakerLine(line: string, start: number): SpeakerLine | null {
  const match = HEADLINE_SPEAKER.exec(line);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const words = groups.name.split(/\s+/);
  if (NOT_HEADLINE_SPEAKERS.has(groups.name.toLowerCase()) || (words.length === 1 && isDemonym(words[0]))) return null;
  if (classifyName(words).type === 'place' || groups.said.split(/\s+/).length < MIN_SAID_WORDS) return null;
  const colon = start + groups.name.length + (groups.gap?.length ?? 0);
  const source = { start, end: start + groups.name.length };
  return {
    frame: { source, cue: { start: colon, end: colon + 1 }, cueWord: ':', kind: 'speech' },
    said: { start: start + match[0].length - groups.said.length, end: start + match[0].length },
  };
}
