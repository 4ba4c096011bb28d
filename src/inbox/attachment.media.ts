// Pure helpers for what we accept as a file and how we hand it back to a browser.

// RFC 6838 restricted names. multipart/* is left out on purpose: it means a form was posted
// where the raw file was expected.
const mediaType =
  /^(application|audio|font|image|message|model|text|video)\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** `type/subtype` in lower case without parameters, or null when the value is not a sane media type */
export function mediaTypeOf(header: string | null | undefined): string | null {
  const essence = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return mediaType.test(essence) ? essence : null;
}

/** the last path segment without control characters or quotes; null when nothing usable is left */
export function cleanFileName(name: string | null | undefined): string | null {
  if (!name) return null;
  const base = (name.split(/[\\/]/).pop() ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return base === '' || base === '.' || base === '..' ? null : base;
}

/**
 * Media the dashboard shows in place. SVG is an image that can carry script, so it is
 * downloaded like any other document (the sandbox CSP is a second line of defence).
 */
export function isInline(mimeType: string): boolean {
  return /^(image|video|audio)\//.test(mimeType) && mimeType !== 'image/svg+xml';
}

/** RFC 6266: an ASCII fallback plus the exact name in RFC 5987 encoding */
export function contentDisposition(mimeType: string, fileName: string | null): string {
  const kind = isInline(mimeType) ? 'inline' : 'attachment';
  if (!fileName) return kind === 'inline' ? kind : `${kind}; filename="attachment"`;
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * One `bytes=a-b`, `bytes=a-` or `bytes=-n` range (RFC 9110 §14.1.2), clamped to the file. Null
 * means "send the whole file": no header, an invalid range, a syntax we do not serve (several
 * ranges) or a unit other than bytes, all of which a server may answer with 200.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const last = m[2] === '' ? Number.POSITIVE_INFINITY : Number(m[2]);
  if (last < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(last, size - 1) };
}
