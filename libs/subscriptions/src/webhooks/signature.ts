import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header every delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as Stripe's. */
export const SIGNATURE_HEADER = 'Storyline-Signature';
export const EVENT_ID_HEADER = 'Storyline-Event-Id';

const hmac = (secret: string, timestamp: number, body: string): string => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export function signatureHeader(secret: string, body: string, timestamp: number = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/**
 * What a receiver does: recompute the HMAC over the timestamp and the raw body and compare
 * in constant time; refuse a timestamp further than `toleranceSeconds` from now (replays).
 */
export function verifySignature(secret: string, body: string, header: string, toleranceSeconds = 300, now: number = Date.now() / 1000): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) return false;
  if (Math.abs(now - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(hmac(secret, timestamp, body), 'hex'), Buffer.from(parts.v1, 'hex'));
}
