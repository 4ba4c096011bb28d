import { AppError } from '../errors.js';
import { notPublic } from './media-reach.js';

// Files uploaded to this server (POST /api/v1/attachments) used as post media or product images.
// The upload answers a signed link valid for 6 hours, but Meta downloads the file only when the
// post is published, maybe days later: every publish therefore names the file by a fresh link
// (24 hours, as for files sent in DMs), and the upload must still exist and be the workspace's.

export interface Uploads {
  /** throws not_found when the attachment is not the workspace's */
  get(workspaceId: string, id: string): Promise<unknown>;
  signedPath(id: string, ttlSeconds?: number): string;
}

const ATTACHMENT_PATH = /^\/api\/v1\/attachments\/([^/?#]+)$/;
const LINK_TTL_S = 24 * 3600;

/** the attachment id a media URL names: `/api/v1/attachments/<id>…`, relative or on PUBLIC_URL */
export function uploadId(url: string, publicUrl: string | null): string | null {
  let path: string;
  if (url.startsWith('/') && !url.startsWith('//')) {
    path = url.replace(/[?#].*$/, '');
  } else {
    if (!publicUrl || !URL.canParse(url) || !URL.canParse(publicUrl)) return null;
    const u = new URL(url);
    if (u.origin !== new URL(publicUrl).origin) return null;
    path = u.pathname;
  }
  const id = ATTACHMENT_PATH.exec(path)?.[1];
  return id ? decodeURIComponent(id) : null;
}

/** the URL with a link to an upload replaced by a fresh one (relative: media-reach resolves it) */
export async function freshUploadUrl(
  url: string,
  workspaceId: string,
  uploads: Uploads,
  publicUrl: string | null,
): Promise<string> {
  const id = uploadId(url, publicUrl);
  if (id === null) return url;
  try {
    await uploads.get(workspaceId, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      // named without its query: the old link's signature has no place in an error message
      throw notPublic(
        url.replace(/[?#].*$/, ''),
        'the uploaded file no longer exists in this workspace; upload it again',
      );
    throw err;
  }
  return uploads.signedPath(id, LINK_TTL_S);
}
