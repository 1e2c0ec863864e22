import { read } from '@storyline/story-events';
import { z } from 'zod';
import { parseWith } from './parse';
import { oneOf } from './shapes';

const thrown = (run: () => unknown): { code?: string; message?: string; field?: string } => {
  try {
    run();
  } catch (error) {
    const { code, message, field } = error as { code?: string; message: string; field?: string };
    return { code, message, field };
  }
  return {};
};

describe('parseWith', () => {
  const body = z.object({ facts: z.array(z.object({ evidence: z.object({ end: z.number().int().min(0) }) })) });

  it('answers the data when the input fits', () => {
    expect(parseWith(body, { facts: [{ evidence: { end: 4 } }] })).toEqual({ facts: [{ evidence: { end: 4 } }] });
  });

  it('names the field at fault as a path, in the API error', () => {
    const error = thrown(() => parseWith(body, { facts: [{ evidence: { end: 4 } }, { evidence: { end: -1 } }] }));
    expect(error.code).toBe('VALIDATION.INVALID');
    expect(error.field).toBe('facts[1].evidence.end');
    expect(error.message).toMatch(/^facts\[1\]\.evidence\.end: /);
  });

  it('puts a prefix before the path', () => {
    expect(thrown(() => parseWith(z.object({ id: z.string() }), { id: 3 }, 'query')).field).toBe('query.id');
  });

  it('words a oneOf refusal exactly as read.oneOf does', () => {
    const values = ['proposed', 'accepted', 'rejected'] as const;
    for (const input of ['maybe', '', ['proposed'], 7, null]) {
      expect(thrown(() => parseWith(z.object({ status: oneOf(values) }), { status: input }))).toEqual(thrown(() => read.oneOf(input, 'status', values)));
    }
  });
});
