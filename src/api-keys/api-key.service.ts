import { randomBytes } from 'node:crypto';
import type { AuthContext } from '../auth/session-token.js';
import { newId } from '../db/ids.js';
import { errors } from '../errors.js';
import type { Logger } from '../logger.js';
import { sha256Hex } from '../secrets.js';
import type { ApiKeyRepository, ApiKeyRow } from './api-key.repository.js';
import { type CreateApiKey, parseScopes } from './api-key.schema.js';

const KEY_PREFIX = 'rdk_';
/** `rdk_` + 32 random bytes in base64url (43 characters, no padding) */
const KEY_FORMAT = /^rdk_[A-Za-z0-9_-]{43}$/;
/** shown in lists: `rdk_` and 8 characters (48 of the key's 256 bits) */
const SHOWN_PREFIX_LENGTH = 12;
/** last_used_at is a hint for the owner, not an audit log: one write per key per minute at most */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Workspace API keys. Only the sha256 of a key is stored: the key is 256 random bits, so a fast
 * hash is enough (nothing to brute-force) and lookup by hash is one unique-index probe.
 *
 * What a key may do: it acts in its workspace as its creator, with the creator's role as it is NOW
 * (only owners create keys; a creator later made an agent makes their keys agent keys, and a
 * creator who leaves the workspace takes their keys' access with them). A key is never an
 * instance administrator, and never creates or revokes keys (a leaked key must not mint more).
 */
export class ApiKeyService {
  /** when this process last wrote last_used_at per key id, so a burst of requests writes once */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  async create(auth: AuthContext, input: CreateApiKey): Promise<{ row: ApiKeyRow; key: string }> {
    assertNotApiKey(auth);
    const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = this.clock();
    const row: ApiKeyRow = {
      id: newId(now),
      workspace_id: auth.workspaceId,
      name: input.name,
      prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
      key_hash: sha256Hex(key),
      scopes: JSON.stringify(input.scopes),
      created_by: auth.userId,
      created_at: new Date(now).toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.keys.insert(row);
    this.log.info(
      { apiKeyId: row.id, prefix: row.prefix, scopes: input.scopes, workspaceId: auth.workspaceId },
      'api key created',
    );
    return { row, key };
  }

  async list(workspaceId: string, q: { cursor?: string; limit: number }) {
    const rows = await this.keys.page(workspaceId, { before: q.cursor, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? last.id : null };
  }

  /** soft: the row stays (with revokedAt) so the list shows what existed; idempotent */
  async revoke(auth: AuthContext, id: string): Promise<void> {
    assertNotApiKey(auth);
    const row = await this.keys.find(auth.workspaceId, id);
    if (!row) throw errors.notFound('API key');
    if (row.revoked_at) return;
    await this.keys.revoke(auth.workspaceId, id, new Date(this.clock()).toISOString());
    this.touched.delete(id);
    this.log.info({ apiKeyId: id, workspaceId: auth.workspaceId }, 'api key revoked');
  }

  /** the ApiKeyResolver for authenticate(): unknown, malformed or revoked → null (401) */
  resolve = async (key: string): Promise<AuthContext | null> => {
    if (!KEY_FORMAT.test(key)) return null;
    const row = await this.keys.findActiveByHash(sha256Hex(key));
    if (!row) return null;
    await this.touch(row);
    return {
      userId: row.created_by,
      workspaceId: row.workspace_id,
      role: row.creator_role,
      isAdmin: false,
      via: 'api_key',
      scopes: parseScopes(row.scopes),
    };
  };

  private async touch(row: ApiKeyRow): Promise<void> {
    const now = this.clock();
    const cutoff = now - TOUCH_INTERVAL_MS;
    if (row.last_used_at && Date.parse(row.last_used_at) >= cutoff) return;
    if ((this.touched.get(row.id) ?? Number.NEGATIVE_INFINITY) >= cutoff) return;
    this.touched.set(row.id, now);
    try {
      await this.keys.touch(row.id, new Date(now).toISOString(), new Date(cutoff).toISOString());
    } catch (err) {
      // A missed "last used" is not worth failing the caller's request over.
      this.log.warn({ err: (err as Error).message, apiKeyId: row.id }, 'could not record api key use');
    }
  }
}

function assertNotApiKey(auth: AuthContext): void {
  if (auth.via === 'api_key')
    throw errors.forbidden('API keys cannot create or revoke API keys; sign in to manage them');
}
