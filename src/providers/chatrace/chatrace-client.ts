import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { redactSecrets } from '../instagram/graph-redact.js';
import {
  apiMessage,
  ChatraceError,
  DEFAULT_RETRY_AFTER_MS,
  describeStatus,
  isChatraceError,
  kindForStatus,
  parseRetryAfter,
} from './chatrace-errors.js';
import { accountMeSchema, type ChatraceContact, contactSchema, toContact } from './chatrace-schemas.js';
import { parseChatraceToken } from './chatrace-token.js';

// All outbound Chatrace traffic: https://api.chatrace.com (Swagger at /swagger/), header
// `X-ACCESS-TOKEN: <token>`. The token is passed per call (one Chatrace connection per account) and
// never reaches a log line or an error message. No retries here: sends are not idempotent, so the
// job that made the call decides from `kind`.

export interface ChatraceClientConfig {
  /** CHATRACE_API_URL, e.g. https://api.chatrace.com (a 127.0.0.1 stub in tests) */
  apiUrl: string;
  timeoutMs: number;
  logger: Logger;
  fetch?: typeof fetch;
  /** channel name for the send endpoints; Swagger's example says "messenger", Relaydesk talks Instagram */
  channel?: string;
  clock?: () => number;
}

export type ChatraceTokenForm = 'full' | 'bare';

export interface ChatraceVerifyResult {
  accountId: string | null;
  name: string | null;
  raw: unknown;
  /** which form Chatrace accepted: the string as given, or only the part after `{accountId}.` */
  tokenUsed: ChatraceTokenForm;
  /** the exact string to store and send from now on (cleaned of blanks/quotes) */
  token: string;
}

export type ChatraceFileType = 'image' | 'video' | 'audio' | 'file';

export interface ChatraceSendResult {
  /** Swagger documents only `{success: true}`; filled when Chatrace returns an id anyway */
  messageId: string | null;
  raw: unknown;
}

export class ChatraceClient {
  private readonly fetchImpl: typeof fetch;
  private readonly root: string;
  private readonly channel: string;
  private readonly clock: () => number;
  private readonly log: Logger;

  constructor(private readonly config: ChatraceClientConfig) {
    this.fetchImpl = config.fetch ?? globalThis.fetch.bind(globalThis);
    this.root = config.apiUrl.replace(/\/+$/, '');
    this.channel = config.channel ?? 'instagram';
    this.clock = config.clock ?? Date.now;
    this.log = config.logger;
  }

  /**
   * Checks a token with GET /accounts/me. Chatrace shows tokens as `{accountId}.{token}` and public
   * integrations send that whole string as X-ACCESS-TOKEN; the seed backends' 401s came from made-up
   * endpoints and headers, not from the full form. So the full string goes first and, only on a 401,
   * the part after the dot; the result says which one worked.
   */
  async verify(token: string): Promise<ChatraceVerifyResult> {
    const parsed = parseChatraceToken(token);
    if (!parsed.ok) {
      throw new ChatraceError({
        kind: 'token_invalid',
        message: `Chatrace token not sent: ${parsed.message}`,
      });
    }
    const full = parsed.accountId ? `${parsed.accountId}.${parsed.token}` : parsed.token;
    try {
      return await this.me(full, 'full', parsed.accountId);
    } catch (err) {
      if (!parsed.accountId || !isChatraceError(err) || err.httpStatus !== 401) throw err;
    }
    this.log.info(
      { account: parsed.accountId },
      'chatrace refused the {accountId}.{token} form; trying the part after the dot',
    );
    try {
      return await this.me(parsed.token, 'bare', parsed.accountId);
    } catch (err) {
      if (!isChatraceError(err) || err.kind !== 'token_invalid') throw err;
      throw new ChatraceError({
        kind: 'token_invalid',
        httpStatus: err.httpStatus,
        message: `Chatrace rejected the token both as given ({accountId}.{token}) and as the part after the dot (HTTP ${err.httpStatus}); copy a fresh API token from Chatrace settings`,
      });
    }
  }

  /** POST /contacts/{id}/send/text `{text, channel}` */
  sendText(token: string, contactId: string, text: string): Promise<ChatraceSendResult> {
    return this.send(token, contactId, 'text', { text, channel: this.channel });
  }

  /** POST /contacts/{id}/send/file `{url, type, channel}` — Chatrace fetches the file from `url` */
  sendFile(
    token: string,
    contactId: string,
    url: string,
    type: ChatraceFileType,
  ): Promise<ChatraceSendResult> {
    return this.send(token, contactId, 'file', { url, type, channel: this.channel });
  }

  /** GET /contacts/{id} */
  async getContact(token: string, contactId: string): Promise<ChatraceContact> {
    const id = checkContactId(contactId);
    const raw = await this.call(token, 'GET', `/contacts/${encodeURIComponent(id)}`);
    return toContact(id, this.shape(contactSchema, raw, `GET /contacts/${id}`), raw);
  }

  private async me(token: string, form: ChatraceTokenForm, tokenAccountId: string | null) {
    const raw = await this.call(token, 'GET', '/accounts/me');
    const me = this.shape(accountMeSchema, raw, 'GET /accounts/me');
    this.log.info({ account: me.page_id ?? tokenAccountId, tokenUsed: form }, 'chatrace token verified');
    return { accountId: me.page_id ?? tokenAccountId, name: me.name, raw, tokenUsed: form, token };
  }

  private async send(token: string, contactId: string, what: 'text' | 'file', body: object) {
    const id = checkContactId(contactId);
    const path = `/contacts/${encodeURIComponent(id)}/send/${what}`;
    const raw = await this.call(token, 'POST', path, body);
    const rec = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    // A 2xx that says {success:false} was not delivered; retrying the same body will not help.
    if (rec.success === false) {
      const detail = apiMessage(raw);
      throw new ChatraceError({
        kind: 'bad_request',
        httpStatus: 200,
        message: `Chatrace did not send POST ${path}${detail ? `: ${redactSecrets(detail, secretsOf(token))}` : ''}`,
      });
    }
    const mid = rec.message_id ?? rec.mid ?? rec.id;
    return { messageId: typeof mid === 'string' || typeof mid === 'number' ? String(mid) : null, raw };
  }

  private async call(token: string, method: 'GET' | 'POST', path: string, json?: object): Promise<unknown> {
    checkToken(token);
    const secrets = secretsOf(token);
    const where = `${method} ${path}`;
    const headers: Record<string, string> = { accept: 'application/json', 'x-access-token': token };
    if (json) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const started = this.clock();
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(`${this.root}${path}`, {
        method,
        headers,
        body: json ? JSON.stringify(json) : undefined,
        signal: timeout,
      });
      text = await res.text();
    } catch (err) {
      const timedOut = timeout.aborted;
      const reason = redactSecrets(describeCause(err), secrets);
      this.log.warn({ call: where, timedOut, reason }, 'chatrace call failed before a response');
      throw new ChatraceError({
        kind: 'transient',
        message: timedOut
          ? `Chatrace did not answer ${where} within ${this.config.timeoutMs} ms`
          : `Could not reach Chatrace for ${where}: ${reason}`,
      });
    }
    const body = parseBody(text);
    this.log.debug({ call: where, status: res.status, ms: this.clock() - started }, 'chatrace call');
    if (res.ok) return body;

    const kind = kindForStatus(res.status);
    const detail = apiMessage(body);
    const retryAfterMs =
      kind === 'rate_limited'
        ? (parseRetryAfter(res.headers.get('retry-after'), this.clock()) ?? DEFAULT_RETRY_AFTER_MS)
        : undefined;
    const wait = retryAfterMs === undefined ? '' : `; retry in ${Math.ceil(retryAfterMs / 1000)} s`;
    const message = `${describeStatus(kind, res.status, where)}${detail ? `: ${detail}` : ''}${wait}`;
    const err = new ChatraceError({
      kind,
      httpStatus: res.status,
      message: redactSecrets(message, secrets),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
    this.log.warn({ call: where, status: res.status, kind }, 'chatrace call returned an error');
    throw err;
  }

  private shape<T extends z.ZodType>(schema: T, body: unknown, where: string): z.output<T> {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('; ');
    this.log.warn({ call: where, issues }, 'chatrace response has an unexpected shape');
    throw new ChatraceError({
      kind: 'transient',
      httpStatus: 200,
      message: `Chatrace answered ${where} with an unexpected body (${issues})`,
    });
  }
}

/** the token as sent plus, for `{accountId}.{token}`, the bare part: neither may be echoed */
function secretsOf(token: string): string[] {
  const parsed = parseChatraceToken(token);
  return parsed.ok && parsed.token !== token ? [token, parsed.token] : [token];
}

// A header value with blanks or non-ASCII makes fetch throw before sending; say so plainly instead.
function checkToken(token: string): void {
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new ChatraceError({
      kind: 'token_invalid',
      message: 'Chatrace token not sent: it is empty or contains spaces or non-ASCII characters',
    });
  }
}

function checkContactId(contactId: string): string {
  const id = typeof contactId === 'string' ? contactId.trim() : '';
  if (id === '' || id.includes('/')) {
    throw new ChatraceError({
      kind: 'bad_request',
      message: `Not a Chatrace contact id: ${JSON.stringify(id)}`,
    });
  }
  return id;
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeCause(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${err.message} (${cause.message})` : err.message;
}
