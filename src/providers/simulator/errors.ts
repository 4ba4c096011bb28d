import { newTraceId } from './ids.js';

// Error bodies exactly as Meta sends them. Shapes and texts come from the bodies in
// shared/fixtures/graph-api/errors/ (observed or documented); where nobody published the exact
// body the function says INFERRED. Graph errors: https://developers.facebook.com/docs/graph-api/guides/error-handling

export interface GraphErrorBody {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
  fbtrace_id: string;
}

export interface GraphErrorInit {
  message: string;
  code: number;
  subcode?: number;
  type?: string;
  status?: number;
  isTransient?: boolean;
  userTitle?: string;
  userMsg?: string;
  headers?: Record<string, string>;
}

/** A Graph API error: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export class GraphError extends Error {
  readonly status: number;
  readonly body: { error: GraphErrorBody };
  readonly headers: Record<string, string>;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.status = init.status ?? 400;
    this.headers = init.headers ?? {};
    const error: GraphErrorBody = {
      message: init.message,
      type: init.type ?? 'OAuthException',
      code: init.code,
    } as GraphErrorBody;
    if (init.subcode !== undefined) error.error_subcode = init.subcode;
    if (init.isTransient !== undefined) error.is_transient = init.isTransient;
    if (init.userTitle !== undefined) error.error_user_title = init.userTitle;
    if (init.userMsg !== undefined) error.error_user_msg = init.userMsg;
    error.fbtrace_id = newTraceId();
    this.body = { error };
  }

  get code(): number {
    return this.body.error.code;
  }

  get subcode(): number | undefined {
    return this.body.error.error_subcode;
  }
}

/** Instagram-Login OAuth endpoints answer in their own shape: `{ error_type, code, error_message }`. */
export class OAuthError extends Error {
  readonly status = 400;
  readonly body: { error_type: string; code: number; error_message: string };
  constructor(message: string) {
    super(message);
    this.body = { error_type: 'OAuthException', code: 400, error_message: message };
  }
}

const ig = (init: GraphErrorInit) => new GraphError({ type: 'IGApiException', ...init });

export const graphErrors = {
  /** oauth_190_cannot_parse_access_token.observed.json — also used for a missing or unknown token */
  tokenUnparseable: () =>
    new GraphError({ message: 'Invalid OAuth access token - Cannot parse access token', code: 190 }),
  /** oauth_190_463_session_expired.observed.json */
  tokenExpired: (expiredAt: number, now: number) =>
    new GraphError({
      message: `Error validating access token: Session has expired on ${metaDate(expiredAt)}. The current time is ${metaDate(now)}.`,
      code: 190,
      subcode: 463,
    }),
  tokenRevoked: (subcode: number, message: string) => new GraphError({ message, code: 190, subcode }),
  /** permission_10_ig_login_IGApiException.observed.json */
  permission: () => ig({ message: 'Application does not have permission for this action', code: 10 }),
  /** param_100_33_unsupported_get_IGApiException.observed.json */
  unsupported: (method: string, id: string) =>
    ig({
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
      code: 100,
      subcode: 33,
    }),
  /** param_100_unsupported_request_method_get_IGApiException.observed.json */
  unsupportedMethod: (method: string) =>
    ig({ message: `Unsupported request - method type: ${method.toLowerCase()}`, code: 100 }),
  /** restfb_ig_login_exception_IGApiException_2500.json */
  unknownPath: (rest: string) => ig({ message: `Unknown path components: /${rest}`, code: 2500 }),
  /** param_100_nonexisting_field.observed.json */
  nonexistingField: (field: string, nodeType: string) =>
    new GraphError({
      message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`,
      code: 100,
    }),
  param: (message: string, subcode?: number) =>
    new GraphError({ message: `(#100) ${message}`, code: 100, subcode }),
  missingParam: (name: string) =>
    new GraphError({ message: `(#100) The parameter ${name} is required`, code: 100 }),
};

/** "Feb 7, 2014 9:54am" in UTC, the way the 463 message writes times. */
function metaDate(ms: number): string {
  const d = new Date(ms);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const h = d.getUTCHours();
  const m = String(d.getUTCMinutes()).padStart(2, '0');
  return `${month} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h % 12 || 12}:${m}${h < 12 ? 'am' : 'pm'}`;
}
