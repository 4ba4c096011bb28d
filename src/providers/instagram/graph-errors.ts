import {
  isPublishingSubcode,
  publishingErrorMessage,
  rateLimitReason,
  tokenInvalidReason,
} from './graph-error-messages.js';

// The ONE place that turns Graph error bodies into a closed union; services switch on `kind`,
// never on HTTP status or message text. Code reference:
// https://developers.facebook.com/docs/graph-api/guides/error-handling
// https://developers.facebook.com/documentation/business-messaging/messenger-platform/error-codes

export const graphErrorKinds = [
  'token_invalid',
  'permission',
  'rate_limited',
  'outside_window',
  'recipient_unavailable',
  'not_found',
  'bad_request',
  'transient',
] as const;
export type GraphErrorKind = (typeof graphErrorKinds)[number];

/**
 * Where the failure was seen: a Graph error body, the Instagram-Login OAuth body
 * (`{error_type, code, error_message}`), a bare HTTP status, the network, the timeout, a 2xx body of
 * the wrong shape, or the client's own rate gate (no request was sent).
 */
export type GraphErrorOrigin =
  | 'graph'
  | 'oauth'
  | 'http'
  | 'network'
  | 'timeout'
  | 'bad_response'
  | 'rate_gate';

export interface GraphErrorInit {
  kind: GraphErrorKind;
  origin: GraphErrorOrigin;
  message: string;
  code?: number | null;
  subcode?: number | null;
  type?: string | null;
  graphMessage?: string | null;
  fbtraceId?: string | null;
  httpStatus?: number | null;
  retryAfterMs?: number;
  userTitle?: string;
  userMessage?: string;
}

export class GraphError extends Error {
  readonly kind: GraphErrorKind;
  readonly origin: GraphErrorOrigin;
  readonly code: number | null;
  readonly subcode: number | null;
  /** OAuthException, IGApiException… */
  readonly type: string | null;
  /** Meta's own `message` (token-free) */
  readonly graphMessage: string | null;
  readonly fbtraceId: string | null;
  readonly httpStatus: number | null;
  /** set on rate_limited: how long this account (or the app) is blocked */
  readonly retryAfterMs?: number;
  /** Meta's error_user_title / error_user_msg, possibly in the token owner's language */
  readonly userTitle?: string;
  readonly userMessage?: string;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.name = 'GraphError';
    this.kind = init.kind;
    this.origin = init.origin;
    this.code = init.code ?? null;
    this.subcode = init.subcode ?? null;
    this.type = init.type ?? null;
    this.graphMessage = init.graphMessage ?? null;
    this.fbtraceId = init.fbtraceId ?? null;
    this.httpStatus = init.httpStatus ?? null;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.userTitle) this.userTitle = init.userTitle;
    if (init.userMessage) this.userMessage = init.userMessage;
  }

  /** worth retrying the same call later */
  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'rate_limited';
  }
}

export function isGraphError(err: unknown): err is GraphError {
  return err instanceof GraphError;
}

const TOKEN_CODES = new Set([190, 102]);
// 2018065 (needs News Messaging) and 2018278/2534022 all mean "the 24 h window is closed".
const OUTSIDE_WINDOW_SUBCODES = new Set([2534022, 2018278, 2018065]);
const RATE_CODES = new Set([4, 17, 32, 613]);
// 2534040 family: Instagram messaging rate limits; 2207042: daily publishing quota; 2207051: spam throttle.
const RATE_SUBCODES = new Set([2534040, 2207042, 2207051]);
// 1545041 "this person isn't available", 2018108 "can't receive your messages", 2018001/2534014 "no
// matching user": the message cannot reach that person, whatever the parent code.
const RECIPIENT_SUBCODES = new Set([1545041, 2018108, 2018001, 2534014]);
// Publishing failures that succeed when simply retried (server error, slow download, not ready yet).
const TRANSIENT_PUBLISHING = new Set([2207001, 2207003, 2207027, 2207053]);

interface Classified {
  kind: GraphErrorKind;
  summary: string;
}

function classifyCode(
  code: number | null,
  subcode: number | null,
  isTransient: boolean,
  status: number,
): Classified {
  const c = code ?? Number.NaN;
  if (TOKEN_CODES.has(c))
    return {
      kind: 'token_invalid',
      summary: `Instagram access token rejected: ${tokenInvalidReason(subcode)}`,
    };
  if (c === 10 && subcode !== null && OUTSIDE_WINDOW_SUBCODES.has(subcode))
    return {
      kind: 'outside_window',
      summary: 'Outside the messaging window: the customer has not written in the last 24 hours',
    };
  if (RATE_CODES.has(c) || (c >= 80000 && c <= 80014) || (subcode !== null && RATE_SUBCODES.has(subcode)))
    return {
      kind: 'rate_limited',
      summary: `Instagram rate limit reached: ${rateLimitReason(code, subcode)}`,
    };
  if (c === 551 || (subcode !== null && RECIPIENT_SUBCODES.has(subcode)))
    return {
      kind: 'recipient_unavailable',
      summary: 'This person cannot receive messages from the account right now',
    };
  if ((c === 100 && subcode === 33) || c === 803 || c === 9000001)
    return {
      kind: 'not_found',
      summary: 'The Instagram object does not exist, was deleted, or this token cannot see it',
    };
  if (isPublishingSubcode(subcode)) {
    const kind = isTransient || TRANSIENT_PUBLISHING.has(subcode) ? 'transient' : 'bad_request';
    return { kind, summary: publishingErrorMessage(subcode) };
  }
  if (isTransient || c === 1 || c === 2 || c === -1 || c === -2)
    return { kind: 'transient', summary: 'Instagram had a temporary problem; try again later' };
  if (c === 3 || c === 10 || (c >= 200 && c <= 299) || c === 36103 || c === 2018300 || subcode === 2018300)
    return { kind: 'permission', summary: 'The app or account is not allowed to do this' };
  if (c === 100) return { kind: 'bad_request', summary: 'Instagram rejected the request parameters' };
  return classifyStatus(status);
}

function classifyStatus(status: number): Classified {
  if (status >= 500 || status === 0)
    return { kind: 'transient', summary: `Instagram answered HTTP ${status}; try again later` };
  if (status === 429) return { kind: 'rate_limited', summary: 'Instagram rate limit reached (HTTP 429)' };
  if (status === 401) return { kind: 'token_invalid', summary: 'Instagram access token rejected (HTTP 401)' };
  if (status === 403)
    return { kind: 'permission', summary: 'The app or account is not allowed to do this (HTTP 403)' };
  if (status === 404) return { kind: 'not_found', summary: 'The Instagram object was not found (HTTP 404)' };
  return { kind: 'bad_request', summary: `Instagram rejected the request (HTTP ${status})` };
}

/** why Meta has no insights for a media, though the request itself was fine */
export type InsightsUnavailable = 'not_enough_viewers' | 'posted_before_business_conversion';

/**
 * Error 10 on /{media-id}/insights is not a missing permission when it says "(#10) Not enough
 * viewers for the media to show insights" (story metrics under 5) or has subcode 2108006 (media
 * posted before the account became a professional one): the media simply has no insights.
 * https://developers.facebook.com/docs/instagram-platform/reference/instagram-media/insights#limitations
 */
export function insightsUnavailable(err: GraphError): InsightsUnavailable | null {
  if (err.code !== 10) return null;
  if (err.subcode === 2108006) return 'posted_before_business_conversion';
  return /not enough viewers/i.test(err.graphMessage ?? '') ? 'not_enough_viewers' : null;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v)
    ? v
    : typeof v === 'string' && /^-?\d+$/.test(v)
      ? Number(v)
      : null;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function codeLabel(code: number | null, subcode: number | null): string {
  if (code === null) return '';
  return subcode === null ? ` (code ${code})` : ` (code ${code}, subcode ${subcode})`;
}

/**
 * Maps a failed response (HTTP status + parsed JSON body, or null when the body was not JSON) to a
 * GraphErrorInit. Pure: the HTTP layer adds retryAfterMs and redacts secrets.
 */
export function classifyGraphError(httpStatus: number, body: unknown): GraphErrorInit {
  if (isRec(body) && isRec(body.error)) {
    const e = body.error;
    const code = num(e.code);
    const subcode = num(e.error_subcode);
    const graphMessage = str(e.message);
    const { kind, summary } = classifyCode(code, subcode, e.is_transient === true, httpStatus);
    const init: GraphErrorInit = {
      kind,
      origin: 'graph',
      message: `${summary}${codeLabel(code, subcode)}${graphMessage ? `: ${graphMessage}` : ''}`,
      code,
      subcode,
      type: str(e.type),
      graphMessage,
      fbtraceId: str(e.fbtrace_id),
      httpStatus,
    };
    const userTitle = str(e.error_user_title);
    const userMessage = str(e.error_user_msg);
    if (userTitle) init.userTitle = userTitle;
    if (userMessage) init.userMessage = userMessage;
    return init;
  }
  // Instagram Login's OAuth endpoints answer `{error_type, code, error_message}`; `code` is an HTTP
  // status there, and the usual cause is a bad/used authorization code or redirect_uri -> bad_request.
  if (isRec(body) && (str(body.error_type) || str(body.error_message))) {
    const code = num(body.code);
    const graphMessage = str(body.error_message);
    const { kind } = classifyStatus(httpStatus >= 500 || httpStatus === 429 ? httpStatus : 400);
    return {
      kind,
      origin: 'oauth',
      message: `Instagram OAuth request refused${code !== null ? ` (code ${code})` : ''}${graphMessage ? `: ${graphMessage}` : ''}`,
      code,
      type: str(body.error_type),
      graphMessage,
      httpStatus,
    };
  }
  const { kind, summary } = classifyStatus(httpStatus);
  return { kind, origin: 'http', message: summary, httpStatus };
}
