import type { z } from 'zod';

/**
 * A view as its JSON reads: mutable, and bigints (log positions) as the numbers the HTTP edge
 * writes them as (`bigintsAsJson`).
 */
type AsJson<T> = T extends bigint
  ? number
  : T extends readonly (infer U)[]
    ? AsJson<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: AsJson<T[K]> }
      : T;

/** `true` when every value of `View` (what the code answers), as JSON, is a value the schema documents. */
export type Fits<View, Schema extends z.ZodType> = [AsJson<View>] extends [z.output<Schema>] ? true : false;

/**
 * A compile-time check, for beside a schema: `export type X = Check<Fits<View, typeof Schema>>`
 * stops `npm run typecheck` when the code's answer and its documented schema drift apart.
 */
export type Check<T extends true> = T;
