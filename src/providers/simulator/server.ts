import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tokenAccount } from './auth.js';
import type { RawReply, SimContext, SimSettings } from './context.js';
import { handleControl } from './control.js';
import { GraphError, OAuthError } from './errors.js';
import { faultAnswer } from './fault-response.js';
import { Faults } from './faults.js';
import { handleGraph } from './graph-router.js';
import { type ParsedRequest, readRequest, redact, sendJson } from './http-io.js';
import { authorize, exchangeCode, exchangeForLongLived, refreshLongLived } from './oauth.js';
import { createSimulatorApi, type SimulatorApi } from './simulator-api.js';
import { SimState } from './state.js';
import type { RecordedCall } from './types.js';
import { UsageMeter, type UsageOptions } from './usage.js';
import { WebhookOutbox } from './webhooks.js';

// A local, stateful stand-in for graph.instagram.com (+ the OAuth hosts) on plain node:http.
// It speaks Meta's wire format so the real GraphClient runs against it unchanged.

export interface SimulatorOptions {
  clock?: () => number;
  appId?: string;
  /** the Meta app secret: OAuth client_secret, appsecret_proof and webhook signatures */
  appSecret?: string;
  webhookUrl?: string;
  webhookRetryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  /** deliver only fields the account subscribed to via subscribed_apps (default true, like Meta) */
  requireWebhookSubscription?: boolean;
  /** listen address (default 127.0.0.1) */
  host?: string;
  /** when mounted under a prefix of another server: the prefix, e.g. `/sim` */
  basePath?: string;
  /** the URL the simulator is reached at when it does not listen itself (mounted via `handle`) */
  publicUrl?: string;
  /** how latency faults wait (tests may pass a recorder) */
  sleep?: (ms: number) => Promise<void>;
  usage?: UsageOptions;
  settings?: Partial<SimSettings>;
  /** a bug inside the simulator (default: console.error); the caller still gets a Graph code-1 error */
  onInternalError?: (err: unknown) => void;
}

export type Simulator = SimulatorApi & {
  /** listens (default: an ephemeral port on 127.0.0.1); resolves to the URL */
  start(port?: number): Promise<string>;
  /** stops listening, cuts hanging requests, cancels webhook retries */
  stop(): Promise<void>;
  /** the request listener, to mount the simulator inside another node:http server */
  handle(req: IncomingMessage, res: ServerResponse): void;
};

const defaultSettings: SimSettings = {
  apiVersion: 'v23.0',
  containerPolls: 1,
  containerProcessingMs: 0,
  publishingQuota: 100,
  oauthTokenShape: 'data',
  oauthConsentPage: false,
  commentWebhookShape: 'changes',
  insightLagHours: 48,
};

export function createSimulator(opts: SimulatorOptions = {}): Simulator {
  let offset = 0;
  const clock = opts.clock ?? (() => Date.now() + offset);
  const app = {
    id: opts.appId ?? '1234567890123456',
    secret: opts.appSecret ?? randomBytes(16).toString('hex'),
  };
  const state = new SimState(clock);
  const settings: SimSettings = { ...defaultSettings, ...opts.settings };
  const basePath = (opts.basePath ?? '').replace(/\/$/, '');
  let url = opts.publicUrl?.replace(/\/$/, '') ?? '';
  const ctx: SimContext = {
    state,
    clock,
    settings,
    app,
    faults: new Faults(state, app.id),
    webhooks: new WebhookOutbox(clock, {
      url: opts.webhookUrl,
      appSecret: app.secret,
      retryDelaysMs: opts.webhookRetryDelaysMs,
      timeoutMs: opts.webhookTimeoutMs,
      requireSubscription: opts.requireWebhookSubscription,
    }),
    baseUrl: () => url,
  };
  const usage = new UsageMeter(clock, opts.usage);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const onInternalError =
    opts.onInternalError ?? ((err: unknown) => console.error('[instagram simulator]', err));
  const hanging = new Set<ServerResponse>();
  let server: Server | null = null;

  const api = createSimulatorApi(
    ctx,
    () => {
      if (!url) throw new Error('the simulator is not started');
      return url;
    },
    (ms) => {
      if (opts.clock)
        throw new Error('advanceTime works only with the built-in clock; move your injected clock instead');
      offset += ms;
    },
  );

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let parsed: ParsedRequest;
    try {
      parsed = await readRequest(req, basePath);
    } catch (err) {
      return sendJson(res, 400, { error: 'bad_request', message: String(err), statusCode: 400 });
    }
    if (parsed.path.startsWith('/__sim/')) return handleControl(simulator, parsed, res);
    const accountId = tokenAccount(ctx, parsed);
    const call = state.recordCall({
      at: clock(),
      method: parsed.method,
      path: parsed.path,
      version: parsed.version,
      params: redact(parsed.params),
      accountId,
      status: 0,
    });
    usage.record(accountId);
    const graphHeaders = (exhausted?: { scope: 'app' | 'account'; regainMinutes: number }) => ({
      ...usage.headers(accountId, exhausted),
      'facebook-api-version': parsed.version ?? settings.apiVersion,
      'x-fb-trace-id': randomBytes(8).toString('base64url'),
    });

    const { latencyMs, terminal } = ctx.faults.match(parsed.method, parsed.path);
    if (latencyMs > 0) await sleep(latencyMs);
    if (terminal) {
      call.faultId = terminal.id;
      const answer = faultAnswer(terminal);
      if (answer.kind === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (answer.kind === 'raw') {
        call.status = answer.status;
        res.writeHead(answer.status, { 'content-type': answer.contentType, ...graphHeaders() });
        res.end(answer.body);
        return;
      }
      return fail(res, call, answer.error, graphHeaders(answer.exhausted));
    }

    try {
      const reply = dispatch(parsed);
      if (isRaw(reply)) {
        call.status = reply.status;
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body ?? '');
        return;
      }
      call.status = 200;
      sendJson(res, 200, reply, graphHeaders());
    } catch (err) {
      if (err instanceof OAuthError) {
        call.status = err.status;
        return sendJson(res, err.status, err.body);
      }
      if (err instanceof GraphError) return fail(res, call, err, graphHeaders());
      // a bug in the simulator: say so loudly, answer like a Meta outage
      onInternalError(err);
      fail(
        res,
        call,
        new GraphError({ message: 'An unknown error occurred', code: 1, status: 500 }),
        graphHeaders(),
      );
    }
  }

  function dispatch(req: ParsedRequest): unknown {
    const route = `${req.method} ${req.path.replace(/\/$/, '')}`;
    if (route === 'GET /oauth/authorize') return authorize(ctx, req);
    if (route === 'POST /oauth/access_token') return exchangeCode(ctx, req);
    if (route === 'GET /access_token') return exchangeForLongLived(ctx, req);
    if (route === 'GET /refresh_access_token') return refreshLongLived(ctx, req);
    return handleGraph(ctx, req);
  }

  function fail(res: ServerResponse, call: RecordedCall, error: GraphError, headers: Record<string, string>) {
    call.status = error.status;
    call.error = { code: error.code, subcode: error.subcode };
    const extra: Record<string, string> =
      error.code === 190
        ? {
            'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${error.message.replace(/"/g, "'")}"`,
          }
        : {};
    sendJson(res, error.status, error.body, { ...headers, ...extra, ...error.headers });
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    serve(req, res).catch((err) => {
      onInternalError(err);
      sendJson(res, 500, { error: 'internal_error', message: 'simulator failure', statusCode: 500 });
    });
  };

  // Object.assign keeps api's `url` getter (a spread would read it once, before start()).
  const simulator: Simulator = Object.assign(api, {
    handle,
    async start(port = 0): Promise<string> {
      if (server) return url;
      const s = createServer(handle);
      server = s;
      const host = opts.host ?? '127.0.0.1';
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => resolve());
      });
      const address = s.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      url =
        opts.publicUrl?.replace(/\/$/, '') ??
        `http://${host.includes(':') ? `[${host}]` : host}:${actual}${basePath}`;
      return url;
    },
    async stop(): Promise<void> {
      ctx.webhooks.stop();
      for (const res of hanging) res.destroy();
      hanging.clear();
      const s = server;
      server = null;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  });
  return simulator;
}

const isRaw = (x: unknown): x is RawReply =>
  typeof x === 'object' && x !== null && (x as RawReply).raw === true;
