// A GET with a short timeout that never throws: diagnostics want "what happened", in words an
// operator recognises (refused, no such host, certificate, timeout), not a stack trace.

export type ProbeResult =
  | { ok: true; status: number; body: string; ms: number }
  | { ok: false; reason: string; ms: number };

export async function probe(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<ProbeResult> {
  const started = Date.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // redirect: 'manual' — Meta does not follow redirects to a webhook, so neither does the check.
    const res = await fetchImpl(url, {
      signal,
      redirect: 'manual',
      headers: { 'user-agent': 'relaydesk-doctor' },
    });
    const body = (await res.text()).slice(0, 2000);
    return { ok: true, status: res.status, body, ms: Date.now() - started };
  } catch (err) {
    const reason = signal.aborted ? `no answer within ${timeoutMs / 1000} s` : describeFetchError(err);
    return { ok: false, reason, ms: Date.now() - started };
  }
}

const known: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ENOTFOUND: 'the host name does not resolve (DNS)',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ETIMEDOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'the TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate is self-signed (Meta does not accept it)',
  SELF_SIGNED_CERT_IN_CHAIN: 'the TLS certificate chain is self-signed (Meta does not accept it)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the TLS certificate chain is incomplete',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the TLS certificate is for another host name',
};

export function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code;
  if (code && known[code]) return known[code];
  return cause?.message ?? (err as Error)?.message ?? String(err);
}
