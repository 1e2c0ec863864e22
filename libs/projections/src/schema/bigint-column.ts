import { positionToJson } from '@storyline/story-events';
import type { ValueTransformer } from 'typeorm';

/**
 * pg hands bigint columns back as strings (they can exceed 2^53); positions are bigints in
 * the domain, so entities carry them as bigint and readers narrow them to numbers.
 */
export const bigintColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};

/** Positions stay below 2^53 for any log Storyline will hold: the one guarded crossing, {@link positionToJson}. */
export const positionToNumber = positionToJson;
