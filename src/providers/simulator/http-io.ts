import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

// Request/response plumbing. Graph takes parameters from the query string, a urlencoded or
// multipart form (Meta's own examples use `curl -F`), or a JSON body; the simulator merges them.

export interface ParsedRequest {
  method: string;
  /** the path after the base path and the optional `/vNN.N` prefix, e.g. `/me/media` */
  path: string;
  version: string | null;
  segments: string[];
  query: Record<string, string>;
  params: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

const MAX_BODY = 10 * 1024 * 1024;

export async function readRequest(req: IncomingMessage, basePath: string): Promise<ParsedRequest> {
  const url = new URL(req.url ?? '/', 'http://simulator.local');
  let pathname = url.pathname;
  if (basePath && pathname.startsWith(basePath)) pathname = pathname.slice(basePath.length) || '/';
  const versioned = /^\/(v\d+\.\d+)(\/.*|$)/.exec(pathname);
  const path = versioned ? versioned[2] || '/' : pathname;
  const query = Object.fromEntries(url.searchParams);
  const rawBody = await readBody(req);
  const body = rawBody.length ? await parseBody(req.headers, rawBody) : {};
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    version: versioned?.[1] ?? null,
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    query,
    params: { ...query, ...body },
    headers: req.headers,
    rawBody,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function parseBody(headers: IncomingHttpHeaders, raw: Buffer): Promise<Record<string, unknown>> {
  const type = String(headers['content-type'] ?? '');
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
    // undici's Request parses both form encodings; no dependency needed.
    const form = await new Request('http://simulator.local', {
      method: 'POST',
      headers: { 'content-type': type },
      body: new Uint8Array(raw),
    }).formData();
    const out: Record<string, unknown> = {};
    for (const [k, v] of form) if (typeof v === 'string') out[k] = v;
    return out;
  }
  return {};
}

/** a string parameter (numbers and booleans from JSON bodies are stringified) */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** an object parameter: JSON bodies give objects, forms give JSON text (`recipient={"id":"…"}`) */
export function obj(v: unknown): Record<string, unknown> | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  if (typeof v === 'string' && v.trim().startsWith('{')) {
    try {
      return obj(JSON.parse(v));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** a list parameter: a JSON array, JSON text of one, or comma-separated text */
export function list(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  if (v.trim().startsWith('[')) {
    try {
      return list(JSON.parse(v));
    } catch {
      return undefined;
    }
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function bool(v: unknown): boolean | undefined {
  const s = str(v);
  return s === undefined ? undefined : s === 'true' || s === '1';
}

/** `access_token` from the query or body, or `Authorization: Bearer|OAuth <token>` */
export function accessToken(r: ParsedRequest): string | undefined {
  const auth = r.headers.authorization;
  const fromHeader = auth ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(auth)?.[1]?.trim() : undefined;
  return str(r.params.access_token) || fromHeader || undefined;
}

const SECRET_PARAMS = new Set(['access_token', 'client_secret', 'code', 'appsecret_proof', 'input_token']);

export function redact(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = SECRET_PARAMS.has(k) ? '[redacted]' : v;
  return out;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(text);
}
