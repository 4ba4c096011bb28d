import { z } from 'zod';
import type { AttachmentRow } from './attachment.repository.js';

export const uploadedAttachment = z.object({
  id: z.string(),
  /** a signed path (valid 6 h) the dashboard can put in an <img>/<video> or a link */
  url: z.string(),
  mimeType: z.string(),
  size: z.number(),
  fileName: z.string().nullable(),
});
export type UploadedAttachment = z.infer<typeof uploadedAttachment>;

export const uploadHeaders = z.looseObject({
  /** the original file name; percent-encode anything outside ASCII (encodeURIComponent) */
  'x-file-name': z.string().max(1000).optional(),
});

export const fileQuery = z.object({
  exp: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
});

export function toUploadedAttachment(row: AttachmentRow, url: string): UploadedAttachment {
  return { id: row.id, url, mimeType: row.mime_type, size: row.size, fileName: row.file_name };
}

/** a header value as the client meant it: percent-decoded when it was encoded, else as sent */
export function fileNameHeader(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
