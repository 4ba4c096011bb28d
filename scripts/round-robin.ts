import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// The smallest load balancer that behaves like one in front of Relaydesk instances: requests go
// to the backends in turn; a backend that refuses the connection or answers 503 (shutting down,
// not ready) is skipped for a second and the request goes to the next one, as nginx does with
// `proxy_next_upstream error http_503`. Bodies are buffered (webhooks are small) so that a retry
// can send them again; responses are streamed, so Server-Sent Events pass through.

export interface RoundRobin {
  url: string;
  /** replaces the backends (base URLs, http://127.0.0.1:port) */
  setBackends(urls: string[]): void;
  /** requests answered by each backend so far */
  counts(): Map<string, number>;
  stop(): Promise<void>;
}

const maxBody = 16 * 1024 * 1024;
const skipMs = 1_000;

export async function startRoundRobin(backends: string[] = [], port = 0): Promise<RoundRobin> {
  let pool = [...backends];
  let turn = 0;
  const down = new Map<string, number>();
  const answered = new Map<string, number>();
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });

  const pick = (tried: Set<string>): string | undefined => {
    const now = Date.now();
    for (let i = 0; i < pool.length; i++) {
      const b = pool[turn++ % pool.length] as string;
      if (!tried.has(b) && (down.get(b) ?? 0) <= now) return b;
    }
    return pool.find((b) => !tried.has(b)); // all marked down: try one anyway
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried: Set<string>) => {
    const backend = pick(tried);
    if (!backend) {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{"error":"service_unavailable","message":"No backend answered","statusCode":503}');
      return;
    }
    tried.add(backend);
    const target = new URL(req.url ?? '/', backend);
    const upstream = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, agent },
      (up) => {
        if (up.statusCode === 503 && tried.size < pool.length) {
          down.set(backend, Date.now() + skipMs);
          up.resume();
          forward(req, res, body, tried);
          return;
        }
        answered.set(backend, (answered.get(backend) ?? 0) + 1);
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (res.headersSent) return res.destroy();
      // Nothing reached the backend: another one may take the request.
      if (err.code === 'ECONNREFUSED' || err.code === 'ECONNRESET') down.set(backend, Date.now() + skipMs);
      forward(req, res, body, tried);
    });
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    setBackends(urls) {
      pool = [...urls];
    },
    counts: () => new Map(answered),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
