import { randomBytes } from 'node:crypto';
import { AppError, errors } from '../errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import type { ChatraceClient } from '../providers/chatrace/chatrace-client.js';
import { isChatraceError } from '../providers/chatrace/chatrace-errors.js';
import { type Secrets, sha256Hex } from '../secrets.js';
import type { AccountRepository, AccountRow } from './account.repository.js';

// Chatrace's External Request posts whatever body the bot author writes; this one uses Chatrace's
// usual variables, and Relaydesk maps other field names too (or JSONPath per connection).
const bodyTemplate = JSON.stringify(
  {
    senderId: '{{user_id}}',
    messageId: '{{message_id}}',
    text: '{{last_input_text}}',
    username: '{{username}}',
    name: '{{full_name}}',
    timestamp: '{{timestamp}}',
  },
  null,
  2,
);

export interface ChatraceWebhookInfo {
  webhookUrl: string;
  webhookToken: string;
  bodyTemplate: string;
}

/**
 * Connects a Chatrace workspace: checks the API token (`{accountId}.{token}` or bare) with
 * GET /accounts/me, stores it encrypted, and issues the inbound webhook token, shown once.
 */
export class ChatraceConnectService {
  constructor(
    private readonly client: ChatraceClient,
    private readonly accounts: AccountRepository,
    private readonly secrets: Secrets,
    private readonly bus: EventBus,
    private readonly publicUrl: string | undefined,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  async connect(workspaceId: string, apiToken: string, igUserId: string | undefined, origin: string) {
    let verified: Awaited<ReturnType<ChatraceClient['verify']>>;
    try {
      verified = await this.client.verify(apiToken);
    } catch (err) {
      throw toAppError(err);
    }
    const externalId = verified.accountId ?? `token-${sha256Hex(verified.token).slice(0, 16)}`;
    const existing = await this.accounts.findByExternal('chatrace', externalId);
    if (existing && existing.workspace_id !== workspaceId) {
      throw errors.conflict(
        'account_in_other_workspace',
        'This Chatrace account is connected to another workspace',
      );
    }
    // A reconnect issues a new webhook token: the old one is stored only as a hash and cannot be shown again.
    const webhookToken = `rdw_${randomBytes(24).toString('base64url')}`;
    const now = new Date(this.clock()).toISOString();
    const fields: Partial<AccountRow> = {
      username: verified.name,
      name: verified.name,
      status: 'active',
      access_token_enc: this.secrets.encrypt(verified.token),
      webhook_token_hash: sha256Hex(webhookToken),
      settings: JSON.stringify({
        ...(existing ? JSON.parse(existing.settings) : {}),
        igUserId,
        tokenForm: verified.tokenUsed,
      }),
      last_error: null,
      updated_at: now,
      status_changed_at: now,
    };
    let account: AccountRow;
    if (existing) {
      await this.accounts.update(existing.id, fields);
      account = { ...existing, ...fields };
    } else {
      account = await this.accounts.create({
        workspace_id: workspaceId,
        provider: 'chatrace',
        external_id: externalId,
        ...fields,
      });
    }
    this.log.info({ accountId: account.id, tokenForm: verified.tokenUsed }, 'Chatrace connected');
    if (existing?.status !== 'active')
      this.bus.publish(workspaceId, 'account.status_changed', { id: account.id, status: 'active' });
    const webhook: ChatraceWebhookInfo = {
      webhookUrl: `${(this.publicUrl ?? origin).replace(/\/$/, '')}/api/v1/chatrace/webhook`,
      webhookToken,
      bodyTemplate,
    };
    return { account, webhook };
  }
}

function toAppError(err: unknown): unknown {
  if (!isChatraceError(err)) return err;
  switch (err.kind) {
    case 'token_invalid':
      return new AppError('token_invalid', `Chatrace refused the API token: ${err.message}`, 422);
    case 'transient':
      return new AppError(
        'provider_unavailable',
        `Chatrace did not answer properly (${err.message}); try again`,
        502,
      );
    case 'rate_limited':
      return new AppError(
        'provider_rate_limited',
        'Chatrace is rate-limiting this token; try again later',
        503,
        {
          retryAfterSeconds: Math.ceil((err.retryAfterMs ?? 60_000) / 1000),
        },
      );
    default:
      return new AppError('provider_rejected', `Chatrace rejected the request: ${err.message}`, 422);
  }
}
