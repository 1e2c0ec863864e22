import { grants, type Role } from '@storyline/access';
import type { StoriesReader } from '@storyline/projections';
import { invalid } from '@storyline/story-events';
import { resolveStory } from '@storyline/projections';

/** An event type's name (also the OpenAPI pattern of `types`). */
export const TYPE_NAME = /^[A-Z][A-Za-z0-9]{0,79}$/;
export const MAX_LIST = 100;

/** A log position: a whole number >= 0; absent is 0 (the start of the log). */
export function readPosition(value: string | undefined, field: string): bigint {
  if (value === undefined || value === '') return 0n;
  if (!/^\d{1,15}$/.test(value)) throw invalid(field, `must be a log position (a whole number >= 0), got "${value.slice(0, 40)}"`);
  return BigInt(value);
}

export function readLimit(value: string | undefined): number {
  if (value === undefined) return 100;
  const limit = Number(value);
  if (!/^\d{1,4}$/.test(value) || limit < 1 || limit > 1000) throw invalid('limit', `must be between 1 and 1000, got "${value.slice(0, 20)}"`);
  return limit;
}

/** Event type names (`FactReported`), from a list or a comma-separated query value. */
export function readTypes(value: unknown, field: string): string[] | null {
  if (value === undefined || value === null || value === '') return null;
  const list = typeof value === 'string' ? value.split(',').map((type) => type.trim()) : value;
  if (!Array.isArray(list)) throw invalid(field, 'must be a list of event type names such as ["FactReported"]');
  if (list.length > MAX_LIST) throw invalid(field, `may name at most ${MAX_LIST} event types`);
  list.forEach((type, index) => {
    if (typeof type !== 'string' || !TYPE_NAME.test(type)) {
      throw invalid(`${field}[${index}]`, `must be an event type name such as FactReported, got ${JSON.stringify(type)?.slice(0, 60)}`);
    }
  });
  return list.length === 0 ? null : [...new Set(list as string[])];
}

/** Stories by slug or id, resolved to their ids; an unknown one is STORY.NOT_FOUND naming the field. */
export async function readStories(stories: StoriesReader, value: unknown, field: string): Promise<string[] | null> {
  if (value === undefined || value === null || value === '') return null;
  const list = typeof value === 'string' ? value.split(',').map((ref) => ref.trim()) : value;
  if (!Array.isArray(list)) throw invalid(field, 'must be a list of story slugs or ids');
  if (list.length > MAX_LIST) throw invalid(field, `may name at most ${MAX_LIST} stories`);
  const ids: string[] = [];
  for (const [index, ref] of list.entries()) {
    if (typeof ref !== 'string' || ref === '' || ref.length > 200) throw invalid(`${field}[${index}]`, 'must be a story slug or id');
    const story = await resolveStory(stories, ref).catch((error: unknown) => {
      throw invalid(`${field}[${index}]`, error instanceof Error ? error.message : String(error));
    });
    ids.push(story.id);
  }
  return ids.length === 0 ? null : [...new Set(ids)];
}

/** Auditors and admins see events' metadata (actors, correlation); readers see what happened. */
export const seesMetadata = (role: string | undefined): boolean => role !== undefined && grants(role as Role, 'auditor');
