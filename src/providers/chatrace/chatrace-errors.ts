// The one place that turns a failed Chatrace call into a closed union, like GraphError for Meta:
// callers switch on `kind`, never on HTTP status or message text. Chatrace documents no error codes
// (its Swagger lists bodies for success only; a bad key answers 401 "No valid API key provided"),
// so the HTTP status decides.

export const chatraceErrorKinds = [
  'token_invalid',
  'not_found',
  'rate_limited',
  'bad_request',
  'transient',
] as const;
export type ChatraceErrorKind = (typeof chatraceErrorKinds)[number];

export interface ChatraceErrorInit {
  kind: ChatraceErrorKind;
  message: string;
  /** null when no response was received (network, timeout) or nothing was sent (bad input) */
  httpStatus?: number | null;
  retryAfterMs?: number;
}

export class ChatraceError extends Error {
  readonly kind: ChatraceErrorKind;
  readonly httpStatus: number | null;
  /** set on rate_limited: from Retry-After, else DEFAULT_RETRY_AFTER_MS */
  readonly retryAfterMs?: number;

  constructor(init: ChatraceErrorInit) {
    super(init.message);
    this.name = 'ChatraceError';
    this.kind = init.kind;
    this.httpStatus = init.httpStatus ?? null;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** worth retrying the same call later */
  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'rate_limited';
  }
}

export function isChatraceError(err: unknown): err is ChatraceError {
  return err instanceof ChatraceError;
}

/** used when a 429 carries no usable Retry-After */
export const DEFAULT_RETRY_AFTER_MS = 60_000;

export function kindForStatus(status: number): ChatraceErrorKind {
  if (status === 401 || status === 403) return 'token_invalid';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'transient';
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Chatrace's own words from an error body, if any: `message`, `error` (string or {message}), `detail`. */
export function apiMessage(body: unknown): string | null {
  // a plain-text reason is kept; an HTML error page (proxy, load balancer) says nothing useful
  if (typeof body === 'string') return body.trim().startsWith('<') ? null : body.trim().slice(0, 200) || null;
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const nested = typeof b.error === 'object' && b.error !== null ? (b.error as Record<string, unknown>) : {};
  for (const v of [b.message, b.error, nested.message, b.detail, b.error_description]) {
    if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 200);
  }
  return null;
}

export function describeStatus(kind: ChatraceErrorKind, status: number, where: string): string {
  switch (kind) {
    case 'token_invalid':
      return `Chatrace rejected the API token for ${where} (HTTP ${status}); reconnect the account with a valid token`;
    case 'not_found':
      return `Chatrace found nothing at ${where} (HTTP 404): the contact does not exist or this token cannot see it`;
    case 'rate_limited':
      return `Chatrace rate limit reached on ${where} (HTTP 429)`;
    case 'bad_request':
      return `Chatrace refused ${where} (HTTP ${status})`;
    default:
      return `Chatrace had a problem answering ${where} (HTTP ${status}); try again later`;
  }
}
