import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpDrain } from './drain';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('HttpDrain', () => {
  let server: Server;
  let port: number;
  let finishSlow: () => void;

  beforeEach(async () => {
    server = createServer((req, res) => {
      if (req.url === '/stream') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write(': open\n\n');
        return;
      }
      finishSlow = () => res.end('written');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => server.closeAllConnections());

  it('tells event streams to reconnect, lets the request in flight finish, then closes', async () => {
    const drain = new HttpDrain(server);
    const stream = get(port, '/stream');
    const slow = get(port, '/write');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const drained = drain.drain(Date.now() + 5_000);
    expect((await stream).body).toContain('retry: 1000\nevent: shutdown');
    setTimeout(() => finishSlow(), 200);
    expect(await slow).toEqual({ status: 200, body: 'written' });
    expect(await drained).toEqual({ streams: 1, forced: 0 });
    expect(server.listening).toBe(false);
  });

  it('cuts off what is still open at the deadline', async () => {
    const drain = new HttpDrain(server);
    const slow = get(port, '/write').catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await drain.drain(Date.now() + 300)).toEqual({ streams: 0, forced: 1 });
    expect(await slow).toMatchObject({ message: expect.stringMatching(/socket hang up|ECONNRESET/) });
  });
});
