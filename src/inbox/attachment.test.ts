import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { errors } from '../errors.js';
import { createHttpServer, type HttpServer } from '../http/server.js';
import { createLogger } from '../logger.js';
import { AttachmentRepository } from './attachment.repository.js';
import { attachmentFileRoutes, attachmentUploadRoutes } from './attachment.routes.js';
import { AttachmentService } from './attachment.service.js';

const maxBytes = 64 * 1024;

describe.each(dialects)('attachment routes (%s)', (dialect) => {
  let tdb: TestDatabase;
  let dataDir: string;
  let service: AttachmentService;
  let app: HttpServer;
  let now = Date.parse('2026-11-22T10:00:00Z');

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-att-'));
    service = new AttachmentService({
      repo: new AttachmentRepository(tdb.db),
      dataDir,
      urlKey: randomBytes(32),
      maxBytes,
      publicUrl: null,
      log: createLogger('silent'),
      clock: () => now,
    });
    app = await createHttpServer({ logger: createLogger('silent'), trustProxy: false });
    attachmentFileRoutes(app, service);
    // the authenticated scope as app.ts builds it, with a stand-in for the bearer check
    await app.register(async (api: HttpServer) => {
      api.addHook('onRequest', async (req) => {
        const ws = req.headers['x-test-workspace'];
        if (typeof ws !== 'string') throw errors.unauthorized();
        req.auth = { userId: 'u-1', workspaceId: ws, role: 'agent', isAdmin: false, via: 'session' };
      });
      attachmentUploadRoutes(api, service);
      // a sibling JSON route: the upload's catch-all body parser must not reach it
      api.post('/echo', { schema: { body: z.object({ a: z.number() }) } }, async (req) => req.body);
    });
  });
  afterAll(async () => {
    await app.close();
    await tdb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (body: Buffer | string, type: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: body,
      headers: { 'content-type': type, 'x-test-workspace': 'w-1', ...headers },
    });
  const storedFiles = () =>
    readdirSync(join(dataDir, 'attachments'), { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && /^[0-9a-f]{64}$/.test(e.name),
    );

  it('stores an upload and serves the identical bytes through the signed path', async () => {
    const bytes = randomBytes(5000);
    const res = await upload(bytes, 'image/png', { 'x-file-name': encodeURIComponent('café photo.png') });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ mimeType: 'image/png', size: 5000, fileName: 'café photo.png' });
    expect(body.url).toMatch(new RegExp(`^/api/v1/attachments/${body.id}\\?exp=\\d+&sig=[\\w-]{43}$`));

    const file = await app.inject({ method: 'GET', url: body.url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(file.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': '5000',
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
    });
    expect(file.headers['content-disposition']).toMatch(/^inline; filename="caf_ photo.png"/);
  });

  it('keeps one row and one file for the same bytes in a workspace', async () => {
    const bytes = randomBytes(3000);
    const first = (await upload(bytes, 'application/pdf')).json();
    const again = (await upload(bytes, 'application/pdf')).json();
    expect(again.id).toBe(first.id);
    const other = await upload(bytes, 'application/pdf', { 'x-test-workspace': 'w-2' });
    expect(other.json().id).not.toBe(first.id);
    const sha = (await service.get('w-1', first.id)).sha256;
    expect(storedFiles().filter((f) => f.name === sha)).toHaveLength(1);
  });

  it('refuses empty, oversized and multipart bodies, and anonymous uploads', async () => {
    expect((await upload(Buffer.alloc(0), 'image/png')).json().error).toBe('validation_failed');
    const big = await upload(randomBytes(maxBytes + 1), 'image/png');
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('attachment_too_large');
    const form = await upload('--x\r\n\r\nhi\r\n--x--', 'multipart/form-data; boundary=x');
    expect([form.statusCode, form.json().error]).toEqual([415, 'unsupported_media_type']);
    const none = await app.inject({ method: 'POST', url: '/api/v1/attachments', payload: 'hi' });
    expect(none.statusCode).toBe(401);
  });

  it('stores a JSON file as its bytes and leaves JSON parsing of other routes alone', async () => {
    const json = '{ "kept": "exactly",\n  "as": "sent" }';
    const { url } = (await upload(json, 'application/json')).json();
    expect((await app.inject({ method: 'GET', url })).body).toBe(json);
    const res = await app.inject({
      method: 'POST',
      url: '/echo',
      payload: { a: 1 },
      headers: { 'x-test-workspace': 'w-1' },
    });
    expect([res.statusCode, res.json()]).toEqual([200, { a: 1 }]);
  });

  it('serves an uploaded HTML page sandboxed and as a download', async () => {
    const html = '<script>alert(document.cookie)</script>';
    const { url } = (await upload(html, 'text/html; charset=utf-8', { 'x-file-name': 'x.html' })).json();
    const res = await app.inject({ method: 'GET', url });
    expect(res.body).toBe(html);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="x.html"/);
  });

  it('answers 403 to a tampered or expired signature and 404 to an unknown id', async () => {
    const { id, url } = (await upload(randomBytes(100), 'video/mp4')).json();
    const tampered = url.replace(/sig=(.)/, (_: string, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const otherExp = url.replace(/exp=(\d+)/, (_: string, e: string) => `exp=${Number(e) + 3600}`);
    const unsigned = `/api/v1/attachments/${id}`;
    for (const u of [tampered, otherExp, unsigned]) {
      const res = await app.inject({ method: 'GET', url: u });
      expect([res.statusCode, res.json().error]).toEqual([403, 'attachment_link_invalid']);
    }
    const unknown = await app.inject({ method: 'GET', url: service.signedPath('no-such-id') });
    expect([unknown.statusCode, unknown.json().error]).toEqual([404, 'not_found']);

    const saved = now;
    now += 7 * 3600 * 1000;
    const expired = await app.inject({ method: 'GET', url });
    now = saved;
    expect(expired.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(200);
  });

  it('serves a byte range with 206 and refuses one past the end with 416', async () => {
    const bytes = randomBytes(1000);
    const { url } = (await upload(bytes, 'video/mp4')).json();
    const part = await app.inject({ method: 'GET', url, headers: { range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/1000');
    expect(part.headers['content-length']).toBe('100');
    expect(part.rawPayload.equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await app.inject({ method: 'GET', url, headers: { range: 'bytes=-10' } });
    expect(tail.rawPayload.equals(bytes.subarray(990))).toBe(true);
    const open = await app.inject({ method: 'GET', url, headers: { range: 'bytes=995-' } });
    expect(open.headers['content-range']).toBe('bytes 995-999/1000');
    const head = await app.inject({ method: 'HEAD', url });
    expect([head.statusCode, head.headers['content-length'], head.body]).toEqual([200, '1000', '']);
    const past = await app.inject({ method: 'GET', url, headers: { range: 'bytes=1000-' } });
    expect([past.statusCode, past.headers['content-range']]).toEqual([416, 'bytes */1000']);
  });
});
