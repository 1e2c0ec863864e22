import type { z } from 'zod';

type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

/** `true` when every value of `View` (what the code answers) is a value the schema documents. */
export type Fits<View, Schema extends z.ZodType> = [DeepMutable<View>] extends [z.output<Schema>] ? true : false;

/**
 * A compile-time check, for beside a schema: `export type X = Check<Fits<View, typeof Schema>>`
 * stops `npm run typecheck` when the code's answer and its documented schema drift apart.
 */
export type Check<T extends true> = T;
