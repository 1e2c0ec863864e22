/**
 * A webhook receiver in a process of its own for the subscriptions bench, as an outside
 * system would be: verifies each signature, keeps each event id once, answers 204 at once,
 * and tells the parent (over IPC, every 50 ms) which event ids it kept and when, on the
 * wall clock shared by both processes (`performance.timeOrigin + performance.now()`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { verifySignature } from '../../libs/subscriptions/src/webhooks/signature';

const secret = process.argv[2];
const seen = new Set<string>();
let pending: [string, number][] = [];
let unsigned = 0;

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    const body = Buffer.concat(chunks).toString('utf8');
    const id = String(request.headers['storyline-event-id']);
    if (!verifySignature(secret, body, String(request.headers['storyline-signature']))) unsigned += 1;
    else if (!seen.has(id)) {
      seen.add(id);
      pending.push([id, at]);
    }
    response.writeHead(204).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
setInterval(() => {
  if (!process.connected || (pending.length === 0 && unsigned === 0)) return;
  process.send!({ kept: pending, unsigned });
  pending = [];
}, 50);
process.on('disconnect', () => process.exit(0));
