import { createHmac, timingSafeEqual } from 'node:crypto';
import { newId, nowIso } from '../db/ids.js';
import { AppError, errors } from '../errors.js';
import type { Logger } from '../logger.js';
import { download, loggableUrl } from './attachment.download.js';
import { AttachmentFiles, type StoredFile } from './attachment.files.js';
import { cleanFileName, mediaTypeOf } from './attachment.media.js';
import type { AttachmentRepository, AttachmentRow } from './attachment.repository.js';

export interface AttachmentServiceDeps {
  repo: AttachmentRepository;
  dataDir: string;
  /** Secrets.urlKey */
  urlKey: Buffer;
  /** ATTACHMENT_MAX_BYTES */
  maxBytes: number;
  /** PUBLIC_URL: the origin Meta can reach, for files we send */
  publicUrl: string | null;
  log: Logger;
  clock: () => number;
  fetch?: typeof fetch;
  /** download timeout (default 30 s) */
  timeoutMs?: number;
}

const hour = 3600;
export const attachmentPath = '/api/v1/attachments';

/**
 * Our copies of media: uploads from the dashboard and Meta's attachments, whose URLs expire.
 * Files are served without a bearer token (an <img> cannot send one, nor can Meta), so access
 * is by a signed, expiring URL instead.
 */
export class AttachmentService {
  readonly maxBytes: number;
  private readonly files: AttachmentFiles;

  constructor(private readonly d: AttachmentServiceDeps) {
    this.maxBytes = d.maxBytes;
    this.files = new AttachmentFiles(d.dataDir);
  }

  async storeUpload(
    workspaceId: string,
    bytes: Buffer,
    mimeType: string,
    fileName?: string | null,
  ): Promise<AttachmentRow> {
    if (bytes.length === 0) throw errors.validation('The file is empty');
    if (bytes.length > this.maxBytes) throw tooLarge(this.maxBytes);
    const type = mediaTypeOf(mimeType);
    if (!type) throw errors.unsupportedMediaType('the file’s media type, like image/jpeg (not multipart)');
    return this.record(workspaceId, await this.files.put(bytes), type, cleanFileName(fileName), null);
  }

  /** Null when the file is larger than maxBytes (the caller keeps Meta's URL); throws to be retried. */
  async storeFromUrl(
    workspaceId: string,
    url: string,
    opts: { fileName?: string } = {},
  ): Promise<AttachmentRow | null> {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw errors.validation('An attachment URL must be an http or https URL');
    }
    const got = await download(parsed, {
      fetch: this.d.fetch ?? globalThis.fetch,
      files: this.files,
      maxBytes: this.maxBytes,
      timeoutMs: this.d.timeoutMs ?? 30_000,
    });
    if (!got) {
      this.d.log.info(
        { url: loggableUrl(parsed), maxBytes: this.maxBytes },
        'attachment larger than ATTACHMENT_MAX_BYTES not copied',
      );
      return null;
    }
    return this.record(workspaceId, got, got.mimeType, cleanFileName(opts.fileName), url);
  }

  /** the row if it belongs to the workspace (e.g. an upload named in a message to send) */
  async get(workspaceId: string, id: string): Promise<AttachmentRow> {
    const row = await this.d.repo.findById(id);
    if (!row || row.workspace_id !== workspaceId) throw errors.notFound('Attachment');
    return row;
  }

  async open(id: string): Promise<{ row: AttachmentRow; path: string } | null> {
    const row = await this.d.repo.findById(id);
    if (!row) return null;
    if (!(await this.files.exists(row.sha256))) {
      this.d.log.warn({ attachmentId: id }, 'attachment file missing from DATA_DIR');
      return null;
    }
    return { row, path: this.files.pathOf(row.sha256) };
  }

  /**
   * Valid for at least ttlSeconds. The expiry is rounded up (to the hour for long links) so the
   * same attachment keeps the same URL for a while and the browser's cache can work.
   */
  signedPath(id: string, ttlSeconds = 6 * hour): string {
    const step = Math.max(1, Math.min(hour, ttlSeconds));
    const exp = Math.ceil((Math.floor(this.d.clock() / 1000) + ttlSeconds) / step) * step;
    return `${attachmentPath}/${encodeURIComponent(id)}?exp=${exp}&sig=${this.sign(id, exp)}`;
  }

  /** what Meta fetches when we send an uploaded file; null without PUBLIC_URL */
  publicUrl(id: string): string | null {
    if (!this.d.publicUrl) return null;
    return `${this.d.publicUrl.replace(/\/+$/, '')}${this.signedPath(id, 24 * hour)}`;
  }

  verify(id: string, exp: string | number, sig: string): boolean {
    const expiry = typeof exp === 'number' ? exp : /^\d{1,12}$/.test(exp) ? Number(exp) : Number.NaN;
    if (!Number.isSafeInteger(expiry)) return false;
    // Compared as text: base64url decoding would accept other spellings of the same bytes. The
    // length is public (a SHA-256 MAC is always 43 characters); the comparison is constant-time.
    const given = Buffer.from(sig);
    const expected = Buffer.from(this.sign(id, expiry));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    return expiry > Math.floor(this.d.clock() / 1000);
  }

  private sign(id: string, exp: number): string {
    return createHmac('sha256', this.d.urlKey).update(`${id}.${exp}`).digest('base64url');
  }

  private async record(
    workspaceId: string,
    file: StoredFile,
    mimeType: string,
    fileName: string | null,
    sourceUrl: string | null,
  ): Promise<AttachmentRow> {
    const existing = await this.d.repo.findByWorkspaceAndSha(workspaceId, file.sha256);
    const now = this.d.clock();
    // Reused: counts as new for the cleanup's retention, which could otherwise prune an old,
    // unreferenced row just before the message that now names it is sent.
    if (existing)
      return this.d.repo.touch(
        existing,
        nowIso(() => now),
      );
    return this.d.repo.insert({
      id: newId(now),
      workspace_id: workspaceId,
      sha256: file.sha256,
      mime_type: mimeType,
      size: file.size,
      file_name: fileName,
      source_url: sourceUrl,
      created_at: nowIso(() => now),
    });
  }
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('attachment_too_large', `The file is larger than ${maxBytes} bytes`, 413, { maxBytes });
}
