// Tokens, app secrets and OAuth codes must never reach a log line, an error message or an API
// response. Everything the Graph layer says about a request passes through here first.

const SECRET_PARAMS = /((?:access_token|client_secret|code|input_token|fb_exchange_token)=)[^&\s"'#]+/gi;
// Instagram user tokens start with IGAA/IGQV, Facebook ones with EAA; catches tokens echoed back by Meta.
const TOKEN_SHAPES = /\b(?:IGAA|IGQV|EAA)[A-Za-z0-9_-]{16,}/g;

export const REDACTED = '[redacted]';

export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined | null> = []): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 6) {
      out = out.split(s).join(REDACTED);
      const encoded = encodeURIComponent(s);
      if (encoded !== s) out = out.split(encoded).join(REDACTED);
    }
  }
  return out.replace(SECRET_PARAMS, `$1${REDACTED}`).replace(TOKEN_SHAPES, REDACTED);
}

/** a URL fit for a log line: path and query, secret parameters masked */
export function redactUrl(url: URL, secrets: ReadonlyArray<string | undefined | null> = []): string {
  return redactSecrets(`${url.pathname}${url.search}`, secrets);
}
