import type { ArgumentsHost } from '@nestjs/common';
import { ConcurrencyError } from '@storyline/event-store';
import { LogIndexLagError } from '@storyline/event-store/indexed';
import { DomainError } from '@storyline/story-events';
import { ErrorFilter } from './error-filter';

function answer(error: unknown): { status: number; body: unknown; headers?: Record<string, string> } {
  const sent = { status: 0, body: undefined as unknown };
  const response = {
    headersSent: false,
    headers: {} as Record<string, string>,
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  const filter = new ErrorFilter();
  (filter as unknown as { logger: { error(): void } }).logger = { error: () => undefined };
  filter.catch(error, host);
  return Object.keys(response.headers).length ? { ...sent, headers: response.headers } : sent;
}

describe('ErrorFilter', () => {
  it('answers a write the event log index has not caught up with as 503, not as an internal error', () => {
    expect(answer(new LogIndexLagError(1n << 70n, 5n, 10_000))).toEqual({
      status: 503,
      body: { error: { code: 'EVENT_LOG.INDEX_BEHIND', message: expect.stringMatching(/stored, but the event log index has not caught up/) } },
    });
  });

  it('answers a story too busy to take a command as 503 with Retry-After, not as a conflict', () => {
    expect(answer(new DomainError('STORY.BUSY', 'story-a kept changing'))).toEqual({
      status: 503,
      body: { error: { code: 'STORY.BUSY', message: 'story-a kept changing' } },
      headers: { 'Retry-After': '1' },
    });
  });

  it('keeps answering a stale revision as 409 and anything unexpected as a bare 500', () => {
    expect(answer(new ConcurrencyError('story-a', '1', '2')).status).toBe(409);
    expect(answer(new Error('SELECT secret FROM somewhere'))).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: 'internal error; it has been logged' } } });
  });
});
