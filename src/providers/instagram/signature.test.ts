import { describe, expect, it } from 'vitest';
import { signMetaBody, verifyMetaSignature } from './signature.js';

const SECRET = 'test-app-secret-not-real';

describe('signMetaBody', () => {
  it('matches the published HMAC-SHA256 test vector', () => {
    expect(signMetaBody('The quick brown fox jumps over the lazy dog', 'key')).toBe(
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('signs a string as its UTF-8 bytes', () => {
    expect(signMetaBody('Привіт 👋', SECRET)).toBe(signMetaBody(Buffer.from('Привіт 👋', 'utf8'), SECRET));
  });
});

describe('verifyMetaSignature', () => {
  const body = Buffer.from(
    JSON.stringify({
      object: 'instagram',
      entry: [{ id: '1', messaging: [{ message: { text: 'Привет! 😀 Ціна?' } }] }],
    }),
  );

  it('accepts the signature over the raw bytes of an emoji and Cyrillic body', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, SECRET), SECRET)).toEqual({ valid: true });
  });

  it('accepts uppercase hex, an uppercase prefix and surrounding blanks', () => {
    const hex = signMetaBody(body, SECRET).slice('sha256='.length);
    expect(verifyMetaSignature(body, `sha256=${hex.toUpperCase()}`, SECRET)).toEqual({ valid: true });
    expect(verifyMetaSignature(body, ` SHA256=${hex} `, SECRET)).toEqual({ valid: true });
  });

  it('verifies the bytes Meta sent, which re-serialized JSON would not reproduce', () => {
    // Meta escapes non-ASCII as \uXXXX and "/" as "\/"; this body also has Meta-like spacing.
    const raw = Buffer.from(
      '{"object": "instagram", "entry": [{"id": "1", "messaging": [{"message": ' +
        '{"text": "\\u041f\\u0440\\u0438\\u0432\\u0435\\u0442 \\ud83d\\ude00", "url": "https:\\/\\/x.test\\/a"}}]}]}',
    );
    const header = signMetaBody(raw, SECRET);
    expect(verifyMetaSignature(raw, header, SECRET)).toEqual({ valid: true });

    const parsed = JSON.parse(raw.toString('utf8'));
    expect(parsed.entry[0].messaging[0].message).toEqual({ text: 'Привет 😀', url: 'https://x.test/a' });
    const reserialized = Buffer.from(JSON.stringify(parsed));
    expect(reserialized.equals(raw)).toBe(false);
    expect(verifyMetaSignature(reserialized, header, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('rejects spacing-only differences too', () => {
    const raw = Buffer.from('{"object":"instagram","entry":[]}\n');
    const header = signMetaBody(raw, SECRET);
    const compact = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
    expect(verifyMetaSignature(compact, header, SECRET)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it.each([[undefined], [''], ['   ']])('reports a missing header (%j)', (header) => {
    expect(verifyMetaSignature(body, header, SECRET)).toEqual({ valid: false, reason: 'missing' });
  });

  it.each([
    ['no prefix', 'abc'],
    ['sha1 (the old X-Hub-Signature)', `sha1=${'a'.repeat(40)}`],
    ['a short digest', `sha256=${'a'.repeat(63)}`],
    ['a long digest', `sha256=${'a'.repeat(66)}`],
    ['non-hex', `sha256=${'z'.repeat(64)}`],
    ['an empty digest', 'sha256='],
    ['two signatures', `sha256=${'a'.repeat(64)},sha256=${'b'.repeat(64)}`],
  ])('reports a malformed header: %s', (_, header) => {
    expect(verifyMetaSignature(body, header, SECRET)).toEqual({ valid: false, reason: 'malformed' });
  });

  it('reports a mismatch for another secret, an altered byte or a zero digest', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, 'other-secret'), SECRET)).toEqual({
      valid: false,
      reason: 'mismatch',
    });
    const altered = Buffer.from(body);
    altered[altered.length - 3] = (altered[altered.length - 3] ?? 0) ^ 1;
    expect(verifyMetaSignature(altered, signMetaBody(body, SECRET), SECRET).valid).toBe(false);
    expect(verifyMetaSignature(body, `sha256=${'0'.repeat(64)}`, SECRET)).toEqual({
      valid: false,
      reason: 'mismatch',
    });
  });

  it('never verifies with an empty app secret, even a body signed with the empty key', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, ''), '')).toEqual({
      valid: false,
      reason: 'mismatch',
    });
  });
});
