import { isIP } from 'node:net';
import { errors } from '../errors.js';

// Meta does not receive our files: it downloads every image and video from its URL, from its own
// servers ("The media must be on a public server", image_url/video_url of POST /<IG_ID>/media:
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
// A URL on this machine, on a private network or relative to a server that is not publicly
// reachable over https would only fail minutes later as error 2207052, so it is refused up front.

export interface MediaReach {
  /** PUBLIC_URL: where Meta reaches this server (relative media URLs are resolved against it) */
  publicUrl: string | null;
  /** demo mode: the simulator "downloads" from this machine, so local addresses are fine */
  allowPrivate: boolean;
}

const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa', '.intranet'];

/** loopback, private, link-local and carrier-grade NAT ranges, and names only a LAN resolves */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || PRIVATE_SUFFIXES.some((s) => host.endsWith(s))) return true;
  const ip = isIP(host);
  if (ip === 4) return isPrivateV4(host);
  if (ip === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped?.[1]) return isPrivateV4(mapped[1]);
    return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  }
  // a single-label name ("nas", "shop-server") resolves only inside a network
  return !host.includes('.');
}

function isPrivateV4(host: string): boolean {
  const [a = 0, b = 0] = host.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** PUBLIC_URL is an https address on the public internet */
export function isPublicHttps(url: string | null): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !isPrivateHost(u.hostname);
  } catch {
    return false;
  }
}

export const notPublic = (url: string, why: string) =>
  errors.unprocessable('media_not_public', `Instagram cannot download ${url}: ${why}`, { url });

/**
 * The absolute URL Meta will download, or `media_not_public` (422) saying why it cannot.
 * Relative URLs (`/api/v1/attachments/…`) are resolved against PUBLIC_URL.
 */
export function reachableUrl(url: string, reach: MediaReach): string {
  if (url.startsWith('/') && !url.startsWith('//')) {
    if (!isPublicHttps(reach.publicUrl) && !(reach.allowPrivate && reach.publicUrl)) {
      throw notPublic(
        url,
        'the address is relative to this server, which Instagram can only reach when PUBLIC_URL is set to its public https address',
      );
    }
    return new URL(url, reach.publicUrl).toString();
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw notPublic(url, 'it is not an absolute http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw notPublic(url, 'only http and https URLs can be downloaded');
  if (!reach.allowPrivate && isPrivateHost(parsed.hostname)) {
    throw notPublic(
      url,
      `${parsed.hostname} is a local or private address; put the file on a public https server (or set PUBLIC_URL to one and upload it here)`,
    );
  }
  return parsed.toString();
}
