import type { AttachmentFiles, StoredFile } from './attachment.files.js';
import { mediaTypeOf } from './attachment.media.js';

export interface Downloaded extends StoredFile {
  mimeType: string;
}

export interface DownloadOptions {
  fetch: typeof fetch;
  files: AttachmentFiles;
  maxBytes: number;
  timeoutMs: number;
}

/** Meta's CDN URLs carry signatures in the query: only this part may reach a log or an error. */
export function loggableUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * Streams `url` into the file store. Resolves null when the body is larger than maxBytes (the
 * download is cancelled there and then, nothing is kept); throws on a non-2xx answer, a network
 * error or the timeout, so the job that called it retries.
 */
export async function download(url: URL, o: DownloadOptions): Promise<Downloaded | null> {
  const where = loggableUrl(url);
  let res: Response;
  try {
    res = await o.fetch(url, { signal: AbortSignal.timeout(o.timeoutMs), redirect: 'follow' });
  } catch (err) {
    // undici's message can quote the URL; say only where and why.
    throw new Error(`attachment download from ${where} failed: ${reason(err)}`);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => {});
    throw new Error(`attachment download from ${where} failed: HTTP ${res.status}`);
  }
  const mimeType = mediaTypeOf(res.headers.get('content-type')) ?? 'application/octet-stream';
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > o.maxBytes) {
    await res.body.cancel().catch(() => {});
    return null;
  }
  try {
    const stored = await o.files.putChunks(chunksOf(res.body), o.maxBytes);
    return stored && { ...stored, mimeType };
  } catch (err) {
    throw new Error(`attachment download from ${where} failed: ${reason(err)}`);
  }
}

/** a code (ECONNREFUSED, TimeoutError, ENOSPC) rather than a message that may quote the URL */
function reason(err: unknown): string {
  const e = err as { name?: unknown; code?: unknown; cause?: { code?: unknown } };
  // DOMExceptions have a numeric legacy code; their name says more.
  const text = [e.cause?.code, e.code, e.name].find((v) => typeof v === 'string' && v !== 'Error');
  return (text as string | undefined) ?? 'unknown error';
}

/** A web stream as an async iterable whose early exit cancels the stream (and so the connection). */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    while (true) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => {});
  }
}
