import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { classifyGraphError, GraphError } from './graph-errors.js';
import {
  defaultRateLimitOptions,
  GraphRateLimiter,
  type GraphUsageSnapshot,
  type RateLimitOptions,
} from './graph-rate-limiter.js';
import { redactSecrets, redactUrl } from './graph-redact.js';

// The transport under GraphClient: URL building, token placement, timeouts, rate-limit gate and
// usage headers, error mapping and response validation. Nothing else in Relaydesk calls fetch for
// Meta. No retries here: sends are not idempotent, so the job that made the call decides (by kind).

export interface GraphHttpConfig {
  /** e.g. https://graph.instagram.com (the simulator's URL in demo mode and tests) */
  graphUrl: string;
  /** e.g. v23.0 */
  apiVersion: string;
  timeoutMs: number;
  logger: Logger;
  fetch?: typeof fetch;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  rateLimit?: Partial<RateLimitOptions>;
  /** strings that must never appear in logs or errors (the app secret) */
  secrets?: string[];
}

/** whose token a call uses; igUserId (the professional account's user_id) keys rate-limit tracking */
export interface TokenAuth {
  accessToken: string;
  igUserId?: string;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface GraphRequest<T> {
  method: 'GET' | 'POST' | 'DELETE';
  /** path under /{apiVersion} (or under the root when versioned is false), e.g. `/me` */
  path?: string;
  /** absolute URL instead of path (OAuth token endpoint on another host) */
  url?: string;
  versioned?: boolean;
  auth?: TokenAuth;
  /** Authorization: Bearer (default) or the access_token query parameter where Meta documents only that */
  tokenIn?: 'header' | 'query';
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: Record<string, string>;
  schema: z.ZodType<T>;
  /** extra strings to keep out of logs and errors (an OAuth code) */
  secrets?: string[];
  /** OAuth endpoints are not subject to the Graph rate gate */
  gated?: boolean;
  signal?: AbortSignal;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class GraphHttp {
  private readonly fetchImpl: typeof fetch;
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly limiter: GraphRateLimiter;
  private readonly log: Logger;

  constructor(private readonly config: GraphHttpConfig) {
    this.fetchImpl = config.fetch ?? globalThis.fetch.bind(globalThis);
    this.clock = config.clock ?? Date.now;
    this.sleep = config.sleep ?? defaultSleep;
    this.limiter = new GraphRateLimiter(this.clock, { ...defaultRateLimitOptions, ...config.rateLimit });
    this.log = config.logger;
  }

  usage(): GraphUsageSnapshot {
    return this.limiter.snapshot();
  }

  async request<T>(req: GraphRequest<T>): Promise<T> {
    const token = req.auth?.accessToken;
    const secrets = [token, ...(this.config.secrets ?? []), ...(req.secrets ?? [])];
    const key = req.auth?.igUserId ?? null;
    const url = this.buildUrl(req);
    const where = `${req.method} ${redactUrl(url, secrets)}`;
    if (req.gated !== false) await this.passGate(key, where);

    const headers: Record<string, string> = { accept: 'application/json' };
    if (token && req.tokenIn !== 'query') headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }

    const started = this.clock();
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(url, { method: req.method, headers, body, signal });
      text = await res.text();
    } catch (err) {
      const timedOut = timeout.aborted;
      const reason = redactSecrets(describeCause(err), secrets);
      this.log.warn({ call: where, timedOut, reason }, 'graph call failed before a response');
      throw new GraphError({
        kind: 'transient',
        origin: timedOut ? 'timeout' : 'network',
        message: timedOut
          ? `Instagram did not answer ${where} within ${this.config.timeoutMs} ms`
          : `Could not reach Instagram for ${where}: ${reason}`,
      });
    }

    this.limiter.record(key, res.headers);
    const parsed = parseBody(text);
    this.log.debug({ call: where, status: res.status, ms: this.clock() - started }, 'graph call');
    if (!res.ok || hasErrorObject(parsed)) throw this.toError(res.status, parsed, key, secrets, where);

    const result = req.schema.safeParse(parsed);
    if (!result.success) {
      const issues = result.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
        .join('; ');
      this.log.warn({ call: where, issues }, 'graph response has an unexpected shape');
      throw new GraphError({
        kind: 'transient',
        origin: 'bad_response',
        httpStatus: res.status,
        message: `Instagram answered ${where} with an unexpected body (${redactSecrets(issues, secrets)})`,
      });
    }
    return result.data;
  }

  private buildUrl(req: GraphRequest<unknown>): URL {
    let url: URL;
    if (req.url) url = new URL(req.url);
    else {
      const root = this.config.graphUrl.replace(/\/+$/, '');
      url = new URL(`${root}${req.versioned === false ? '' : `/${this.config.apiVersion}`}${req.path ?? ''}`);
    }
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    }
    if (req.tokenIn === 'query' && req.auth) url.searchParams.set('access_token', req.auth.accessToken);
    return url;
  }

  private async passGate(key: string | null, where: string): Promise<void> {
    const gate = this.limiter.gate(key);
    if (gate.action === 'blocked') {
      throw new GraphError({
        kind: 'rate_limited',
        origin: 'rate_gate',
        retryAfterMs: gate.retryAfterMs,
        message: `Instagram rate limit: ${gate.scope === 'app' ? 'the app' : `account ${key}`} is blocked for another ${Math.ceil(gate.retryAfterMs / 1000)} s; ${where} was not sent`,
      });
    }
    if (gate.action === 'delay') {
      this.log.info(
        { call: where, account: key, usagePercent: gate.percent, delayMs: gate.delayMs },
        'graph usage high, slowing down',
      );
      await this.sleep(gate.delayMs);
    }
  }

  private toError(
    status: number,
    body: unknown,
    key: string | null,
    secrets: Array<string | undefined>,
    where: string,
  ) {
    const init = classifyGraphError(status, body);
    const clean = (s: string | null | undefined) => (s ? redactSecrets(s, secrets) : s);
    init.message = clean(init.message) ?? '';
    init.graphMessage = clean(init.graphMessage) ?? null;
    if (init.userTitle) init.userTitle = clean(init.userTitle) as string;
    if (init.userMessage) init.userMessage = clean(init.userMessage) as string;
    if (init.kind === 'rate_limited') {
      const retryAfterMs = this.limiter.regainAccessMs(key) ?? this.limiter.options.defaultRetryAfterMs;
      init.retryAfterMs = retryAfterMs;
      // code 4 is the app-wide limit; everything else is charged to the account (when known).
      if (init.code === 4) this.limiter.block(null, retryAfterMs);
      else if (key !== null) this.limiter.block(key, retryAfterMs);
    }
    const err = new GraphError(init);
    this.log.warn(
      { call: where, kind: err.kind, code: err.code, subcode: err.subcode, fbtraceId: err.fbtraceId, status },
      'graph call returned an error',
    );
    return err;
  }
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function hasErrorObject(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  return typeof body.error === 'object' && body.error !== null;
}

function describeCause(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as Error & { cause?: unknown }).cause;
  const detail = cause instanceof Error ? `${cause.message}` : '';
  return detail ? `${err.message} (${detail})` : err.message;
}
