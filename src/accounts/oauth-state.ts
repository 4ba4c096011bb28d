import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { nowIso } from '../db/ids.js';
import { AppError } from '../errors.js';
import { sha256Hex } from '../secrets.js';
import type { OauthStateRepository } from './oauth-state.repository.js';

const TTL_MS = 10 * 60_000;

export const invalidOauthState = () =>
  new AppError('invalid_oauth_state', 'The login link is invalid, used already or expired; start again', 400);

/**
 * OAuth `state` for Instagram Login: random, HMAC-signed (a forged state is refused without a
 * database read), bound to the user who asked, valid for 10 minutes and usable once.
 */
export class OauthStates {
  constructor(
    private readonly repo: OauthStateRepository,
    private readonly key: Uint8Array,
    private readonly clock: () => number,
  ) {}

  async issue(userId: string, workspaceId: string): Promise<string> {
    const nonce = randomBytes(24).toString('base64url');
    const now = this.clock();
    await this.repo.prune(new Date(now - TTL_MS).toISOString());
    await this.repo.insert({
      id: sha256Hex(nonce),
      user_id: userId,
      workspace_id: workspaceId,
      expires_at: new Date(now + TTL_MS).toISOString(),
      used_at: null,
      created_at: nowIso(this.clock),
    });
    return `${nonce}.${this.sign(nonce)}`;
  }

  async consume(state: string | undefined): Promise<{ userId: string; workspaceId: string }> {
    const [nonce, sig] = (state ?? '').split('.');
    if (!nonce || !sig) throw invalidOauthState();
    const expected = Buffer.from(this.sign(nonce));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalidOauthState();
    const row = await this.repo.consume(sha256Hex(nonce), nowIso(this.clock));
    if (!row) throw invalidOauthState();
    return { userId: row.user_id, workspaceId: row.workspace_id };
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.key).update(`oauth-state:${nonce}`).digest('base64url');
  }
}
