import { createHash, randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
export const newId = (): string => randomUUID();

/** Storyline's namespace for name-based (version 5) ids. */
const NAMESPACE = Buffer.from('5a1c2f0e9b7d4e3a8c6b1d2e3f405162', 'hex');

/**
 * A version-5 UUID: the same name always gives the same id. A story's id comes from the
 * slug it was opened with, so "is this slug taken?" is an append to a stream that must
 * not exist yet: atomic, with no second table to keep in step.
 */
export function nameBasedId(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A story's slug: lowercase letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const storyIdForSlug = (slug: string): string => nameBasedId(`story:${slug}`);
/** An inbox is named by its users ("wires"); its id follows from the name, like a story's from its slug. */
export const inboxIdForName = (name: string): string => nameBasedId(`inbox:${name}`);
export const sourceIdForName = (normalisedName: string): string => nameBasedId(`source:${normalisedName}`);

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The story opened for a report that matched none in its inbox (by the router at once, or by
 * an analyst): named after the report, so both ways open the same story and a replay opens
 * it once. Its title is the report's headline when it has one.
 */
export function storyForInboxReport(reportId: string, headline: string | null): { storyId: string; slug: string; title: string } {
  const slug = `report-${reportId.replace(/-/g, '').slice(0, 12).toLowerCase()}`;
  const title = headline?.trim().slice(0, 200) || `Report ${reportId.slice(0, 8)}`;
  return { storyId: storyIdForSlug(slug), slug, title };
}
