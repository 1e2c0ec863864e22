import { expectAgreement } from '@storyline/api-contract/testing/agreement';
import fc from 'fast-check';
import { parseCreateKey } from '../keys/create-key-request';
import { createKeyBody } from './schema';

/* POST /keys: the documented body schema accepts exactly what the parser (the API's messages) accepts. */

describe('the keys body schema agrees with its parser', () => {
  const names = fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('', '   ', 'a\u0000', ' x ', 'x'.repeat(100), ' '.repeat(99) + 'x ', 'x'.repeat(101)), fc.integer(), fc.constant(null));
  const roles = fc.oneof(fc.constantFrom('reader', 'editor', 'auditor', 'admin', 'Admin', ''), fc.string());
  const bodies = fc.oneof(
    fc.record({ name: names, role: roles }),
    fc.record({ name: names, role: roles, extra: fc.string() }),
    fc.record({ name: names }, { requiredKeys: [] }),
    fc.constantFrom(null, [], 'text', 3),
  );

  it('on whole bodies', () => {
    fc.assert(
      fc.property(bodies, (body) => {
        const bySchema = createKeyBody.safeParse(body).success;
        let byParser = true;
        try {
          parseCreateKey(body);
        } catch {
          byParser = false;
        }
        expect({ body, accepted: bySchema }).toEqual({ body, accepted: byParser });
      }),
      { numRuns: 500 },
    );
  });

  it('on the name alone', () => {
    expectAgreement(createKeyBody.pick({ name: true }), 'name', (name) => parseCreateKey({ name, role: 'reader' }), names);
  });
});
