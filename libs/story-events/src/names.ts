/**
 * One normal form for source names, so "Politico", "POLITICO" and " politico " are one
 * source before any alias is registered.
 */
export function normaliseSourceName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}
