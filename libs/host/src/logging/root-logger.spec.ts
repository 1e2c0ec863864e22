import { Writable } from 'node:stream';
import { createRootLogger } from './root-logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line)) };
}

describe('createRootLogger', () => {
  it('writes JSON lines with ISO times and redacts authorization headers and secrets', () => {
    const out = capture();
    const logger = createRootLogger({ level: 'info', format: 'auto', destination: out.stream });
    logger.info({ req: { headers: { authorization: 'Bearer s3cret-key-value' } }, key: { id: 'k1', secret: 's3cret-key-value' } }, 'made a key');
    const [line] = out.lines();
    expect(line).toMatchObject({ msg: 'made a key', req: { headers: { authorization: '[redacted]' } }, key: { id: 'k1', secret: '[redacted]' } });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('keeps Nest\'s start-up chatter for debug, and respects the level', () => {
    const out = capture();
    const logger = createRootLogger({ level: 'info', format: 'json', destination: out.stream });
    logger.info({ context: 'RoutesResolver' }, 'mapped a route');
    logger.info({ context: 'storyline' }, 'listening');
    logger.debug('details');
    expect(out.lines().map((line) => line.msg)).toEqual(['listening']);
    const verbose = capture();
    createRootLogger({ level: 'debug', format: 'json', destination: verbose.stream }).info({ context: 'RoutesResolver' }, 'mapped a route');
    expect(verbose.lines()).toHaveLength(1);
  });
});
