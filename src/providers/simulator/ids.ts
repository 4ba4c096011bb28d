import { randomBytes } from 'node:crypto';

// Ids that look like Meta's (numeric strings of the right length, base64 message/thread ids) but
// come from a per-simulator counter, so a seeded simulator produces the same ids on every run.
// The counter is scrambled by an odd multiplier (a bijection modulo 10^k), so consecutive ids do
// not look consecutive and nobody is tempted to treat them as ordered numbers.

const SCRAMBLE = 7_919_123_456_789n;

function numeric(prefix: string, digits: number, n: number): string {
  const mod = 10n ** BigInt(digits);
  const value = (BigInt(n) * SCRAMBLE) % mod;
  return prefix + value.toString().padStart(digits, '0');
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

export class IdGenerator {
  private n = 0;

  private tick(): number {
    this.n += 1;
    return this.n;
  }

  /** the professional account id (`/me` user_id, webhook entry[].id): 17841… */
  professionalId = () => numeric('17841', 12, this.tick());
  /** the app-scoped Instagram user id (`/me` id, the OAuth token's user_id); stays below 2^53 */
  appScopedId = () => numeric('26', 14, this.tick());
  /** an Instagram-scoped id of a customer (IGSID) */
  igsid = () => numeric('6', 15, this.tick());
  mediaId = () => numeric('179', 14, this.tick());
  containerId = () => numeric('178', 14, this.tick());
  commentId = () => numeric('180', 14, this.tick());
  threadNumber = () => numeric('3402823668417103', 23, this.tick());

  /** Meta's mids are base64 of an `ig_message_item:…` string; base64url keeps them path-safe */
  messageId = (accountId: string, thread: string) =>
    b64(`ig_message_item:1:IGMessageID:${accountId}:${thread}:${numeric('321', 32, this.tick())}`);

  conversationId = (accountId: string, thread: string) =>
    b64(`ig_d:1:IGMessageThread:${accountId}:${thread}`);

  shortcode = () => b64(numeric('', 9, this.tick())).slice(0, 11);
}

/** Secrets (tokens, OAuth codes) are random, never derived from the counter. */
export function randomAlnum(length: number): string {
  let out = '';
  while (out.length < length)
    out += randomBytes(length)
      .toString('base64')
      .replace(/[^A-Za-z0-9]/g, '');
  return out.slice(0, length);
}

export const newAccessToken = () => `IGAA${randomAlnum(140)}`;
export const newOAuthCode = () => `AQ${randomAlnum(120)}`;
export const newTraceId = () => randomAlnum(22);
