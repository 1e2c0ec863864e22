import type { ValueTransformer } from 'typeorm';

/**
 * pg hands bigint columns back as strings (they can exceed 2^53); positions are bigints in
 * the domain, so entities carry them as bigint, and so do readers' answers: only the edge (the
 * HTTP app's JSON replacer, `answerToJson`) turns them into JSON numbers.
 */
export const bigintColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};

