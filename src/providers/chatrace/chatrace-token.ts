// Chatrace shows its API token as `{accountId}.{token}` (e.g. `1234567.AbC…`); the seed backends
// could not tell whether to send all of it or only the part after the dot. This splits it once, so
// the caller can send the token and keep the account id, and accepts a bare token as well.

export type ChatraceTokenParse =
  | { ok: true; accountId: string | null; token: string }
  | { ok: false; reason: 'empty' | 'whitespace' | 'malformed'; message: string };

export function parseChatraceToken(input: unknown): ChatraceTokenParse {
  if (typeof input !== 'string') return fail('empty', 'No token was given');
  // Surrounding blanks and quotes are paste and .env artefacts, not part of the token.
  const value = input.trim().replace(/^(['"])(.*)\1$/s, '$2');
  if (value.trim() === '') return fail('empty', 'The token is empty');
  if (/\s/.test(value)) {
    return fail(
      'whitespace',
      'The token contains spaces or line breaks; paste only the token (no "Bearer ")',
    );
  }
  if (!/^[\x21-\x7e]+$/.test(value)) {
    return fail(
      'malformed',
      'The token contains characters outside printable ASCII (a copy-paste artefact?)',
    );
  }
  const dot = value.indexOf('.');
  if (dot < 0) return { ok: true, accountId: null, token: value };
  const head = value.slice(0, dot);
  const rest = value.slice(dot + 1);
  if (/^\d+$/.test(head)) {
    if (rest === '') return fail('malformed', `Nothing follows the account id ${head}.`);
    return { ok: true, accountId: head, token: rest };
  }
  if (head === '' || rest === '') return fail('malformed', 'The token starts or ends with "."');
  // A dotted token whose first part is not a numeric account id is taken whole.
  return { ok: true, accountId: null, token: value };
}

function fail(reason: 'empty' | 'whitespace' | 'malformed', message: string): ChatraceTokenParse {
  return { ok: false, reason, message };
}
