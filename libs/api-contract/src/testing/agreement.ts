import fc from 'fast-check';
import type { z } from 'zod';

/*
 * For specs that keep a hand-written parser beside the schema the document is made from:
 * both must accept and refuse the same values.
 */

const accepts = (parse: () => unknown): boolean => {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
};

/** Values near the usual rules' edges, plus arbitrary strings of the characters that matter. */
export const interestingValues = fc.oneof(
  fc.constantFrom('', '0', '1', '42', '100', '999', '1000', '1001', '4999', '5000', '5001', '99999', '100000', '-1', '1e3', ' 5', '5 ', '0x10', '1.5', '007'),
  fc.constantFrom('2025-11-27', '2025-11-27T09:30:00Z', '2025-11-27T09:30Z', '2025-11-27T09:30:00.1234567Z', '2025-11-27T09:30:00+02:00', '2025-02-30', '2025-13-01', '2025-11-27T09:30:00', 'yesterday'),
  fc.constantFrom('reported', 'recorded', 'occurred', 'Reported', 'summary', 'full', 'none', 'FactReported', 'witkoff-back-channel', 'Not A Slug', 'a\u0000b'),
  fc.constantFrom('2b0c6f5e-8d5a-4c1e-9a55-3f1f7d2f0b11', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'e3b0c442'),
  fc.stringMatching(/^[0-9eE+\-. :TZa-z]{0,12}$/),
  fc.array(fc.constantFrom('1', '2')),
);

/** The schema's field `name` accepts exactly the values `parse` accepts. */
export function expectAgreement(schema: z.ZodObject, name: string, parse: (value: unknown) => unknown, values: fc.Arbitrary<unknown> = interestingValues): void {
  fc.assert(
    fc.property(values, (value) => {
      const bySchema = schema.safeParse({ [name]: value }).success;
      const byParser = accepts(() => parse(value));
      if (bySchema !== byParser) throw new Error(`${name}=${JSON.stringify(value)}: schema ${bySchema ? 'accepts' : 'refuses'}, parser ${byParser ? 'accepts' : 'refuses'}`);
    }),
    { numRuns: 400 },
  );
}
