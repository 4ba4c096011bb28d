import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pino from 'pino';
import { GraphClient, type GraphClientConfig } from '../../src/providers/instagram/graph-client.js';

// A tiny Graph stand-in on 127.0.0.1 for GraphClient unit tests: replies are registered per
// "METHOD /path"; every request is recorded. Unregistered routes answer 599 so a test fails loudly.

export interface StubRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  form: Record<string, string>;
  json: unknown;
}

export interface StubReply {
  status?: number;
  /** serialized as JSON */
  body?: unknown;
  /** sent as is (wins over body) */
  raw?: string;
  headers?: Record<string, string>;
  /** never answer (timeout tests) */
  hang?: boolean;
}

export type StubRoute = StubReply | ((req: StubRequest) => StubReply);

export interface GraphStub {
  url: string;
  requests: StubRequest[];
  on(method: string, path: string, route: StubRoute): void;
  close(): Promise<void>;
}

export async function startGraphStub(): Promise<GraphStub> {
  const routes = new Map<string, StubRoute>();
  const requests: StubRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      const type = req.headers['content-type'] ?? '';
      const stubReq: StubRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        form: type.includes('x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(body)) : {},
        json: type.includes('application/json') && body ? JSON.parse(body) : undefined,
      };
      requests.push(stubReq);
      const route = routes.get(`${stubReq.method} ${stubReq.path}`);
      const reply: StubReply = !route
        ? { status: 599, body: { stub: `no route for ${stubReq.method} ${stubReq.path}` } }
        : typeof route === 'function'
          ? route(stubReq)
          : route;
      if (reply.hang) return;
      const payload = reply.raw ?? JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (method, path, route) => routes.set(`${method} ${path}`, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const fixtureRoot = join(import.meta.dirname, '..', 'fixtures', 'graph-api');

export function graphFixture(name: string): unknown {
  return JSON.parse(readFileSync(join(fixtureRoot, name), 'utf8'));
}

export function graphFixtureNames(sub = ''): string[] {
  return readdirSync(join(fixtureRoot, sub))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** a pino logger whose lines are kept, to check that nothing secret is logged */
export function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => lines.push(s) });
  return { logger, lines };
}

export const TEST_TOKEN = 'tok-7c1e5a0b9d2f4e6a8b3c';
export const TEST_APP_SECRET = 'appsecret-5f2d9c8e7b6a';

/**
 * A GraphClient aimed at the stub, with a fake clock that sleep() advances (no wall time), and
 * the recorded sleeps and log lines.
 */
export function makeGraphClient(stub: GraphStub, over: Partial<GraphClientConfig> = {}) {
  const { logger, lines } = capturingLogger();
  const sleeps: number[] = [];
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  const client = new GraphClient({
    graphUrl: stub.url,
    apiVersion: 'v23.0',
    oauthTokenUrl: `${stub.url}/oauth/access_token`,
    appId: '990011223344',
    appSecret: TEST_APP_SECRET,
    timeoutMs: 5_000,
    logger,
    clock: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    ...over,
  });
  return { client, lines, sleeps, clock };
}
