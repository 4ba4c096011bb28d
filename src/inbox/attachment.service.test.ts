import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { createLogger } from '../logger.js';
import { AttachmentRepository } from './attachment.repository.js';
import { AttachmentService, type AttachmentServiceDeps } from './attachment.service.js';

const t0 = Date.parse('2026-11-22T10:00:00.500Z');

function serviceWith(over: Partial<AttachmentServiceDeps> = {}) {
  let now = t0;
  const service = new AttachmentService({
    repo: {} as AttachmentRepository,
    dataDir: '/nonexistent',
    urlKey: randomBytes(32),
    maxBytes: 1024,
    publicUrl: null,
    log: createLogger('silent'),
    clock: () => now,
    ...over,
  });
  return { service, setNow: (ms: number) => (now = ms) };
}

const parts = (path: string) => {
  const u = new URL(path, 'http://x');
  return { exp: u.searchParams.get('exp')!, sig: u.searchParams.get('sig')! };
};

describe('signed attachment URLs', () => {
  it('signs for at least the ttl, rounded up to the hour, and stops verifying after it', () => {
    const { service, setNow } = serviceWith();
    const { exp, sig } = parts(service.signedPath('a-1'));
    const expiry = Number(exp);
    expect(expiry % 3600).toBe(0);
    expect(expiry).toBeGreaterThanOrEqual(Math.floor(t0 / 1000) + 6 * 3600);
    expect(expiry).toBeLessThan(Math.floor(t0 / 1000) + 7 * 3600);
    expect(service.verify('a-1', exp, sig)).toBe(true);
    setNow((expiry - 1) * 1000);
    expect(service.verify('a-1', exp, sig)).toBe(true);
    setNow(expiry * 1000);
    expect(service.verify('a-1', exp, sig)).toBe(false);
  });

  it('rejects another id, another expiry, another key and malformed values', () => {
    const { service } = serviceWith();
    const { exp, sig } = parts(service.signedPath('a-1', 60));
    const other = serviceWith().service;
    expect(service.verify('a-2', exp, sig)).toBe(false);
    expect(service.verify('a-1', String(Number(exp) + 1), sig)).toBe(false);
    expect(other.verify('a-1', exp, sig)).toBe(false);
    expect(service.verify('a-1', exp, `${sig}A`)).toBe(false);
    expect(service.verify('a-1', exp, `${sig.slice(0, 20)}!${sig.slice(21)}`)).toBe(false);
    expect(service.verify('a-1', `${exp}x`, sig)).toBe(false);
    expect(service.verify('a-1', '', '')).toBe(false);
  });

  it('builds the public URL Meta fetches only when PUBLIC_URL is set', () => {
    expect(serviceWith().service.publicUrl('a-1')).toBeNull();
    const { service } = serviceWith({ publicUrl: 'https://relay.example.com/' });
    const url = service.publicUrl('a-1')!;
    expect(url).toMatch(/^https:\/\/relay\.example\.com\/api\/v1\/attachments\/a-1\?exp=\d+&sig=/);
    const { exp, sig } = parts(url);
    expect(Number(exp)).toBeGreaterThanOrEqual(Math.floor(t0 / 1000) + 24 * 3600);
    expect(service.verify('a-1', exp, sig)).toBe(true);
  });
});

describe.each(dialects)('attachment storage (%s)', (dialect) => {
  let tdb: TestDatabase;
  let repo: AttachmentRepository;
  let dataDir: string;
  let service: AttachmentService;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    repo = new AttachmentRepository(tdb.db);
    dataDir = mkdtempSync(join(tmpdir(), 'relaydesk-store-'));
    service = serviceWith({ repo, dataDir, maxBytes: 2048 }).service;
  });
  afterAll(async () => {
    await tdb.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds rows by id and by workspace and content', async () => {
    const row = {
      id: 'att-1',
      workspace_id: 'w-1',
      sha256: 'a'.repeat(64),
      mime_type: 'image/png',
      size: 12,
      file_name: null,
      source_url: 'https://cdn.example/x.png',
      created_at: '2026-11-22T10:00:00.000Z',
    };
    await repo.insert(row);
    await repo.insert({ ...row, id: 'att-2' });
    expect(await repo.findById('att-1')).toEqual(row);
    expect((await repo.findByWorkspaceAndSha('w-1', row.sha256))?.id).toBe('att-1');
    expect(await repo.findByWorkspaceAndSha('w-2', row.sha256)).toBeUndefined();
    expect(await repo.findById('nope')).toBeUndefined();
  });

  it('normalizes the media type and file name and writes the file into place', async () => {
    const bytes = randomBytes(100);
    const row = await service.storeUpload('w-1', bytes, 'Image/PNG; q=1', '../../etc/pic.png');
    expect(row).toMatchObject({ mime_type: 'image/png', file_name: 'pic.png', size: 100, source_url: null });
    expect(readdirSync(join(dataDir, 'attachments', '.tmp'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'attachments', row.sha256.slice(0, 2)))).toEqual([row.sha256]);
    expect((await service.get('w-1', row.id)).id).toBe(row.id);
    await expect(service.get('w-2', row.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses media types that are not type/subtype and files over the limit', async () => {
    for (const type of ['png', 'image/', 'multipart/form-data', 'text/html, image/png']) {
      await expect(service.storeUpload('w-1', Buffer.from('x'), type)).rejects.toMatchObject({
        code: 'unsupported_media_type',
        statusCode: 415,
      });
    }
    await expect(service.storeUpload('w-1', randomBytes(2049), 'image/png')).rejects.toMatchObject({
      code: 'attachment_too_large',
      statusCode: 413,
    });
  });

  it('opens nothing when the file has gone from DATA_DIR, until the bytes come again', async () => {
    const bytes = randomBytes(50);
    const row = await service.storeUpload('w-9', bytes, 'audio/mpeg');
    expect((await service.open(row.id))?.row.id).toBe(row.id);
    unlinkSync((await service.open(row.id))!.path);
    expect(await service.open(row.id)).toBeNull();
    expect(await service.open('missing')).toBeNull();
    // uploading the same bytes again puts the file back under the same row
    expect((await service.storeUpload('w-9', bytes, 'audio/mpeg')).id).toBe(row.id);
    expect((await service.open(row.id))?.row.id).toBe(row.id);
  });
});
