import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, type Simulator, type SimulatorOptions } from './server.js';

// Helpers for tests that talk to the simulator (this folder's and anyone's): a movable clock,
// a started simulator, a tiny Graph caller and a webhook receiver on 127.0.0.1.

export interface TestClock {
  (): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2026, 0, 15, 12, 0, 0)): TestClock {
  let now = start;
  return Object.assign(() => now, {
    set: (ms: number) => {
      now = ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  });
}

export interface GraphResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface GraphCaller {
  get<T = Record<string, unknown>>(
    path: string,
    query?: Record<string, string | number>,
  ): Promise<GraphResponse<T>>;
  /** JSON body by default; `form` sends application/x-www-form-urlencoded like `curl -d` */
  post<T = Record<string, unknown>>(
    path: string,
    body?: Record<string, unknown>,
    as?: 'json' | 'form',
  ): Promise<GraphResponse<T>>;
  del<T = Record<string, unknown>>(path: string): Promise<GraphResponse<T>>;
}

/** Calls `${sim.url}/v23.0${path}` with the token as `Authorization: Bearer` (none when token is null). */
export function graphCaller(sim: Simulator, token: string | null, version = 'v23.0'): GraphCaller {
  const call = async <T>(
    method: string,
    path: string,
    query: Record<string, string | number>,
    body?: Record<string, unknown>,
    as: 'json' | 'form' = 'json',
  ) => {
    const url = new URL(`${sim.url}${version ? `/${version}` : ''}${path}`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let payload: string | undefined;
    if (body && as === 'json') {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    } else if (body) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const form = Object.entries(body).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]);
      payload = new URLSearchParams(form).toString();
    }
    const res = await fetch(url, { method, headers, body: payload });
    return { status: res.status, headers: res.headers, body: (await res.json()) as T };
  };
  return {
    get: (path, query = {}) => call('GET', path, query),
    post: (path, body, as) => call('POST', path, {}, body ?? {}, as),
    del: (path) => call('DELETE', path, {}),
  };
}

/** the environment that points an app at this simulator (Graph API, Instagram Login, app secret) */
export function simEnv(sim: Simulator): Record<string, string> {
  const ep = sim.endpoints();
  return {
    INSTAGRAM_APP_ID: sim.app.id,
    INSTAGRAM_APP_SECRET: sim.app.secret,
    INSTAGRAM_GRAPH_URL: ep.graphUrl,
    INSTAGRAM_API_VERSION: ep.apiVersion,
    INSTAGRAM_OAUTH_TOKEN_URL: ep.tokenUrl,
    INSTAGRAM_OAUTH_AUTHORIZE_URL: ep.authorizeUrl,
  };
}

export async function startTestSimulator(opts: SimulatorOptions = {}) {
  const clock = testClock();
  const sim = createSimulator({ clock, ...opts });
  await sim.start();
  return { sim, clock, close: () => sim.stop() };
}

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  /** the exact bytes received */
  raw: Buffer;
  json: unknown;
}

/** A webhook endpoint on 127.0.0.1; `status(n)` decides the answer to the n-th delivery (0-based). */
export async function startWebhookReceiver(status: (n: number) => number = () => 200) {
  const received: ReceivedDelivery[] = [];
  let waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const n = received.length;
      received.push({ headers: req.headers, raw, json: JSON.parse(raw.toString('utf8')) });
      res.writeHead(status(n)).end('EVENT_RECEIVED');
      for (const w of waiters) w();
      waiters = [];
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    /** resolves once `n` deliveries arrived */
    async waitFor(n: number): Promise<void> {
      while (received.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** the structure of a JSON value with the values left out: keys (sorted) and primitive types */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]),
    );
  }
  return typeof value;
}
