import { inboxIdForName, read } from '@storyline/story-events';

/** An inbox's name: lowercase letters, digits and single hyphens, like a story's slug. */
export const INBOX_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Where `POST /reports` without a story and without `?inbox=` sends a report. */
export const DEFAULT_INBOX = 'default';

/** Reads an inbox name from untrusted input (absent: the default inbox); its id follows from the name. */
export function parseInboxName(value: unknown, field = 'inbox'): { name: string; inboxId: string } {
  const name = value === undefined || value === null || value === '' ? DEFAULT_INBOX : read.text(value, field, { max: 80, pattern: INBOX_NAME, patternHint: 'must be lowercase letters, digits and single hyphens (like "wires")' });
  return { name, inboxId: inboxIdForName(name) };
}
