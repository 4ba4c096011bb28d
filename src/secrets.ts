import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

// Keys derived from SECRET_KEY, one per purpose, so a session signing key can never decrypt a
// stored token and vice versa.

export interface Secrets {
  /** HS256 key for login tokens */
  sessionKey: Uint8Array;
  /** signs attachment URLs (the dashboard's <img> and Meta fetch them without a bearer token) */
  urlKey: Buffer;
  /** AES-256-GCM; output is `v1.<iv>.<tag>.<ciphertext>` in base64url */
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
}

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'relaydesk', purpose, 32));
}

export function createSecrets(secretKey: string): Secrets {
  const sessionKey = new Uint8Array(derive(secretKey, 'session-jwt'));
  const encKey = derive(secretKey, 'token-encryption');
  return {
    sessionKey,
    urlKey: derive(secretKey, 'signed-urls'),
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined)
        throw new Error('unknown sealed token format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
