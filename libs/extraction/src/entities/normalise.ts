import type { EntityMention, EntityType, ReportEntity } from '../types';
import type { NameRun } from './recognise';

/**
 * Ties mentions of one entity together: a person's shorter mentions ("Witkoff", "Dr. Mitchell")
 * take the longest name the report gives them ("Steve Witkoff", "Laura Mitchell").
 */
export function normaliseMentions(text: string, runs: readonly NameRun[]): EntityMention[] {
  const people = fullNames(runs);
  return runs.map((run) => {
    // A lone surname that a list knows as an organisation ("Bloomberg") is the person when the
    // report names someone in full with it ("Michael Bloomberg").
    const fullPerson = run.words.length === 1 && (people.get(lastWord(run.name))?.split(' ').length ?? 0) >= 2;
    const person = run.type === 'person' || run.type === 'unknown' || fullPerson ? people.get(lastWord(run.name)) : undefined;
    const type: EntityType = person ? 'person' : run.type === 'unknown' ? 'other' : run.type;
    const name = person && person.split(' ').length >= run.name.split(' ').length ? person : run.name;
    return { name, type, text: text.slice(run.start, run.end), start: run.start, end: run.end };
  });
}

/** The key under which person names are compared across reports: the last word, lower-cased. */
export function personKey(name: string): string {
  return lastWord(name);
}

function lastWord(name: string): string {
  const words = name.toLowerCase().replace(/[\u2019']s$/, '').split(/\s+/);
  return words[words.length - 1] ?? '';
}

// The longest multi-word person name per last word; one-word names never define a person.
function fullNames(runs: readonly NameRun[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const run of runs) {
    if (run.type !== 'person' || run.name.split(' ').length < 2) continue;
    const key = lastWord(run.name);
    const known = names.get(key);
    if (!known || run.name.length > known.length) names.set(key, run.name);
  }
  for (const run of runs) {
    if (run.type === 'person' && !names.has(lastWord(run.name))) names.set(lastWord(run.name), run.name);
  }
  return names;
}

/** Groups mentions by normalised name, in order of first mention. */
export function reportEntities(mentions: readonly EntityMention[]): ReportEntity[] {
  const byName = new Map<string, { type: EntityType; mentions: { start: number; end: number }[] }>();
  for (const mention of mentions) {
    const entry = byName.get(mention.name) ?? { type: mention.type, mentions: [] };
    entry.mentions.push({ start: mention.start, end: mention.end });
    byName.set(mention.name, entry);
  }
  return [...byName].map(([name, entry]) => ({ name, type: entry.type, mentions: entry.mentions }));
}
