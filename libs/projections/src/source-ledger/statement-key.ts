/**
 * What "the same statement" means when deciding who reported a fact first: case, spacing
 * and punctuation do not make a different fact.
 */
export function normaliseStatement(statement: string): string {
  return statement
    .normalize('NFKC')
    // Unicode's default mapping, which English does not tailor: the same as toLocaleLowerCase('en'), without ICU.
    .toLowerCase()
    // "back-channel" and "back channel" are one wording; "U.S." and "US" too.
    .replace(/\p{Pd}+/gu, ' ')
    .replace(/\p{P}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
