export interface SseEvent<D = Record<string, unknown>> {
  type: string;
  data: D;
}

/**
 * Collects the workspace's Server-Sent Events over a real connection until `stop()`. Lines are
 * buffered across chunks: under load one event's `data:` line can arrive in two reads.
 */
export async function collectEvents<D = Record<string, unknown>>(
  base: string,
  token: string,
): Promise<{ events: SseEvent<D>[]; stop(): void }> {
  const events: SseEvent<D>[] = [];
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/events?access_token=${token}`, { signal: abort.signal });
  (async () => {
    const decoder = new TextDecoder();
    let pending = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      pending += decoder.decode(chunk, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)));
    }
  })().catch(() => undefined);
  return { events, stop: () => abort.abort() };
}
