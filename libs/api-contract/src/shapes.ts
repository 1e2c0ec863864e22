import { z } from 'zod';
import { read } from '@storyline/story-events';

/** Every error the API answers: `{error: {code, message, field?}}` (codes in docs/api.md). */
export const ErrorModel = z
  .object({
    // Loose: a few errors carry one more field (a running rebuild's rebuildId).
    error: z.looseObject({
      code: z.string().meta({ description: 'stable error code', example: 'VALIDATION.INVALID' }),
      message: z.string().meta({ example: 'limit: must be an integer from 1 to 1000' }),
      field: z.string().optional().meta({ description: 'the input field at fault, as a path', example: 'limit' }),
    }),
  })
  .meta({ id: 'ErrorModel', description: 'The one error body of the API' });

/** An ISO-8601 instant as the API writes it. */
export const isoTime = z.string().meta({ format: 'date-time', example: '2025-11-27T00:00:00.000Z' });

export const uuid = z.string().meta({ format: 'uuid', example: '2b0c6f5e-8d5a-4c1e-9a55-3f1f7d2f0b11' });

/** A global log position: a JSON number, exact below 2^53. */
export const positionNumber = z.number().int().meta({ description: 'global log position', example: 42 });

/** A JSON object whose keys are not fixed by the API (event payloads, details). */
export const jsonObject = z.record(z.string(), z.unknown());

/** An instant in a query string, as the domain reads it: a date, or a date-time with its offset. */
export const instantParam = z
  .string()
  .regex(read.ISO_INSTANT)
  .refine((value) => {
    try {
      read.instant(value, 'instant');
      return true;
    } catch {
      return false;
    }
  }, 'is not a real date')
  .meta({ format: 'date-time', example: '2025-11-27T00:00:00Z' });

/**
 * A whole number in a query string, as the parsers read it: digits only (no sign, exponent or
 * spaces), within bounds. Documented as an integer.
 */
export const integerParam = (min: number, max: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${String(max).length}}$`))
    .refine((value) => Number(value) >= min && Number(value) <= max, `must be between ${min} and ${max}`)
    .meta({ type: 'integer', minimum: min, maximum: max });

/** One of a few words, refused with the words `read.oneOf` uses (`must be one of a, b, got "c"`). */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `must be one of ${values.join(', ')}, got ${read.describe(issue.input)}` });
