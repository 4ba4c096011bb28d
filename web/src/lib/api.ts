// The one way the dashboard talks to the server: adds the bearer token, turns error bodies
// `{error, message, statusCode, requestId}` into ApiError, and reports a 401 so the app can
// send the user back to the login page.

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly requestId?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiClient {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  del<T>(path: string): Promise<T>;
  /** POSTs a file as the raw body (its own Content-Type), with extra headers such as x-file-name */
  upload<T>(path: string, file: Blob, headers?: Record<string, string>): Promise<T>;
}

interface RawBody {
  body: Blob;
  headers: Record<string, string>;
}

export interface ApiOptions {
  baseUrl?: string;
  getToken(): string | null;
  onUnauthorized(error: ApiError): void;
  fetch?: typeof fetch;
}

export function toQueryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface ErrorBody {
  error?: unknown;
  message?: unknown;
  requestId?: unknown;
  details?: unknown;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // not JSON (a proxy's HTML page, say): fall back to the status
  }
  const code = typeof body.error === 'string' ? body.error : `http_${res.status}`;
  const message = typeof body.message === 'string' ? body.message : res.statusText;
  const requestId = typeof body.requestId === 'string' ? body.requestId : undefined;
  const details =
    body.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : undefined;
  return new ApiError(code, message, res.status, requestId, details);
}

export function createApi(opts: ApiOptions): ApiClient {
  const base = opts.baseUrl ?? '/api/v1';
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Query,
    raw?: RawBody,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = opts.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw)
      Object.assign(headers, { 'content-type': raw.body.type || 'application/octet-stream' }, raw.headers);
    let res: Response;
    try {
      res = await doFetch(base + path + toQueryString(query), {
        method,
        headers,
        body: raw ? raw.body : body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiError('network', err instanceof Error ? err.message : String(err), 0);
    }
    if (!res.ok) {
      const error = await toApiError(res);
      // A failed login is a wrong password, not an expired session.
      if (res.status === 401 && token) opts.onUnauthorized(error);
      throw error;
    }
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  return {
    get: (path, query) => request('GET', path, undefined, query),
    post: (path, body) => request('POST', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    del: (path) => request('DELETE', path),
    upload: (path, file, extra = {}) =>
      request('POST', path, undefined, undefined, { body: file, headers: extra }),
  };
}
