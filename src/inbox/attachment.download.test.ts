import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { AttachmentRepository } from './attachment.repository.js';
import { AttachmentService } from './attachment.service.js';

const maxBytes = 16 * 1024;
const photo = randomBytes(4000);

/** Meta-like CDN: every URL carries a signature in the query that must never be logged. */
function startCdn(): Promise<{ server: Server; base: string; aborted: string[] }> {
  const aborted: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/photo.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg; charset=binary' }).end(photo);
    } else if (path === '/raw') {
      res.writeHead(200).end(Buffer.from('no type'));
    } else if (path === '/declared-big') {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(maxBytes + 1) });
      res.write(randomBytes(100));
    } else if (path === '/endless') {
      // no content-length: only counting the streamed bytes can stop this one
      res.writeHead(200, { 'content-type': 'video/mp4' });
      let open = true;
      res.on('close', () => {
        open = false;
        aborted.push(path);
      });
      const pump = () => {
        while (open && res.write(randomBytes(4096))) {}
        if (open) res.once('drain', pump);
      };
      pump();
    } else if (path === '/hang') {
      // never answers
    } else {
      res.writeHead(404).end('gone');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, aborted });
    }),
  );
}

describe.each(dialects)('storeFromUrl (%s)', (dialect) => {
  let tdb: TestDatabase;
  let dataDir: string;
  let service: AttachmentService;
  let cdn: Awaited<ReturnType<typeof startCdn>>;
  const logs: string[] = [];
  const q = '?oh=SIGNATURE123&oe=abc';

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-dl-'));
    cdn = await startCdn();
    service = new AttachmentService({
      repo: new AttachmentRepository(tdb.db),
      dataDir,
      urlKey: randomBytes(32),
      maxBytes,
      publicUrl: null,
      log: pino({ level: 'info' }, { write: (line: string) => logs.push(line) }),
      clock: Date.now,
      timeoutMs: 300,
    });
  });
  afterAll(async () => {
    cdn.server.closeAllConnections();
    await new Promise((r) => cdn.server.close(r));
    await tdb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const leftovers = () =>
    readdirSync(join(dataDir, 'attachments'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);

  it('copies a file, keeping its content type and its source URL', async () => {
    const row = await service.storeFromUrl('w-1', `${cdn.base}/photo.jpg${q}`, { fileName: 'p.jpg' });
    expect(row).toMatchObject({ mime_type: 'image/jpeg', size: 4000, file_name: 'p.jpg' });
    expect(row?.source_url).toBe(`${cdn.base}/photo.jpg${q}`);
    const opened = await service.open(row!.id);
    expect(readFileSync(opened!.path).equals(photo)).toBe(true);
    // the same bytes again are the same attachment
    expect((await service.storeFromUrl('w-1', `${cdn.base}/photo.jpg?other=1`))?.id).toBe(row!.id);
  });

  it('falls back to application/octet-stream without a content type', async () => {
    expect((await service.storeFromUrl('w-1', `${cdn.base}/raw`))?.mime_type).toBe(
      'application/octet-stream',
    );
  });

  it('throws with the status (and without the query) on a non-2xx answer', async () => {
    const err = await service.storeFromUrl('w-1', `${cdn.base}/expired.jpg${q}`).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('HTTP 404');
    expect((err as Error).message).toContain('/expired.jpg');
    expect((err as Error).message).not.toContain('SIGNATURE123');
  });

  it('gives up on a file larger than the limit, leaving nothing behind and logging no signature', async () => {
    const before = leftovers();
    logs.length = 0;
    expect(await service.storeFromUrl('w-1', `${cdn.base}/declared-big${q}`)).toBeNull();
    expect(await service.storeFromUrl('w-1', `${cdn.base}/endless${q}`)).toBeNull();
    expect(leftovers()).toEqual(before);
    await expect.poll(() => cdn.aborted).toContain('/endless');
    const lines = logs.map((l) => JSON.parse(l) as { level: number; url: string });
    expect(lines.map((l) => [l.level, l.url])).toEqual([
      [30, `${cdn.base}/declared-big`],
      [30, `${cdn.base}/endless`],
    ]);
    expect(logs.join('')).not.toContain('SIGNATURE123');
  });

  it('throws when the server does not answer in time, and refuses other schemes', async () => {
    await expect(service.storeFromUrl('w-1', `${cdn.base}/hang${q}`)).rejects.toThrow(/TimeoutError/);
    await expect(service.storeFromUrl('w-1', 'file:///etc/passwd')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(service.storeFromUrl('w-1', 'not a url')).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
