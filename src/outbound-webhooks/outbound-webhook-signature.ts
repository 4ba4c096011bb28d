import { createHmac, timingSafeEqual } from 'node:crypto';

// Stripe-style signatures: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
// The timestamp is inside the signed text, so a captured request replayed later carries an old
// `t` that cannot be changed without breaking `v1`; receivers reject it outside a tolerance.

export const SIGNATURE_HEADER = 'x-relaydesk-signature';

export function computeSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** the header value for `body` signed at `nowMs` */
export function signatureHeader(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${computeSignature(secret, t, body)}`;
}

/**
 * What a receiver does: true when some `v1` in the header is the HMAC of `"<t>.<body>"` under
 * `secret` and `t` is within `toleranceSeconds` of `nowMs`. `body` must be the raw bytes as
 * received, not re-serialized JSON. Several `v1` entries are accepted (room for key rotation).
 */
export function verifySignature(
  header: string | undefined,
  body: string,
  secret: string,
  toleranceSeconds = 300,
  nowMs: number = Date.now(),
): boolean {
  if (!header) return false;
  let t: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d+$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (t === undefined || candidates.length === 0) return false;
  if (Math.abs(nowMs / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(computeSignature(secret, t, body), 'hex');
  return candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
}
