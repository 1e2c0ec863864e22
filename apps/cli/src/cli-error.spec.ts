import { describeFailure, EXIT } from './cli-error';

describe('describeFailure', () => {
  it('says the database went away, rather than "unexpected error: undefined"', () => {
    const refused = new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })], '');
    const { message, exitCode } = describeFailure(refused);
    expect(message).toMatch(/^the database is unreachable \(connect ECONNREFUSED 127\.0\.0\.1:5432\)/);
    expect(exitCode).toBe(EXIT.failed);
    expect(describeFailure(new Error('Connection terminated unexpectedly')).exitCode).toBe(EXIT.failed);
  });

  it('never prints "undefined" for an error without a message', () => {
    expect(describeFailure(undefined).message).toBe('unexpected error: it stopped without saying why');
    expect(describeFailure(Object.assign(new Error(''), { code: 'EWEIRD' })).message).toBe('unexpected error: EWEIRD');
  });
});
