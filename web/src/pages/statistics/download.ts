import { ApiError, type Query, toQueryString } from '../../lib/api.js';

// CSV exports need the bearer token, which a plain link cannot send (and a token in a URL ends
// up in the browser's history), so the file is fetched and handed to the browser as a blob.

/** the name in `content-disposition: attachment; filename="…"`, else `fallback` */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ?? fallback;
}

export async function downloadCsv(token: string | null, path: string, query: Query): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${toQueryString(query)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch (err) {
    throw new ApiError('network', err instanceof Error ? err.message : String(err), 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; message?: string };
    throw new ApiError(body.error ?? `http_${res.status}`, body.message ?? res.statusText, res.status);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), 'statistics.csv');
  document.body.append(a);
  a.click();
  a.remove();
  // the click has started the download; the blob can go once the browser has read it
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
