import { createHmac, timingSafeEqual } from 'node:crypto';

// Meta signs every delivery with HMAC-SHA256 of the body keyed by the app secret and sends it as
// `X-Hub-Signature-256: sha256=<hex>`. The MAC covers the bytes on the wire: re-serialized JSON
// differs (Meta escapes non-ASCII as \uXXXX, `/` as \/, and spaces differ), so it must never be
// verified against JSON.stringify(JSON.parse(body)).
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads

export type SignatureCheck = { valid: true } | { valid: false; reason: 'missing' | 'malformed' | 'mismatch' };

const headerPattern = /^sha256=([0-9a-f]{64})$/i;

export function verifyMetaSignature(
  raw: Buffer,
  header: string | undefined,
  appSecret: string,
): SignatureCheck {
  const value = typeof header === 'string' ? header.trim() : '';
  if (value === '') return { valid: false, reason: 'missing' };
  const match = headerPattern.exec(value);
  if (!match?.[1]) return { valid: false, reason: 'malformed' };
  // An empty secret would make the MAC forgeable by anyone; it can never verify.
  if (appSecret === '') return { valid: false, reason: 'mismatch' };
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(raw).digest();
  // Both are 32 bytes (the pattern fixes the hex length), as timingSafeEqual requires.
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { valid: true }
    : { valid: false, reason: 'mismatch' };
}

/** The header value Meta would send for these bytes: `sha256=<lowercase hex>` (tests and the simulator). */
export function signMetaBody(raw: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}
