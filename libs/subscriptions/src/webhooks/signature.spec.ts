import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './signature';

describe('webhook signatures', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = JSON.stringify({ id: 'e1', type: 'FactReported' });
  const now = 1_800_000_000;

  it('signs HMAC-SHA256 of "timestamp.body" as t=...,v1=... (as Stripe does)', () => {
    const header = signatureHeader(secret, body, now);
    const expected = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
    expect(header).toBe(`t=${now},v1=${expected}`);
    expect(verifySignature(secret, body, header, 300, now + 10)).toBe(true);
  });

  it('refuses another secret, a changed body, a stale timestamp and a malformed header', () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature('another-secret-0123', body, header, 300, now)).toBe(false);
    expect(verifySignature(secret, body.replace('e1', 'e2'), header, 300, now)).toBe(false);
    expect(verifySignature(secret, body, header, 300, now + 301)).toBe(false);
    expect(verifySignature(secret, body, header.replace(`t=${now}`, `t=${now + 1}`), 300, now)).toBe(false);
    expect(verifySignature(secret, body, 'v1=abc', 300, now)).toBe(false);
  });
});
