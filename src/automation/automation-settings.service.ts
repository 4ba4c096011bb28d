import type { AccountRepository } from '../accounts/account.repository.js';
import { errors } from '../errors.js';
import type { AutomationSettingsRepository } from './automation-settings.repository.js';
import type { AutomationSettings } from './automation-settings.schema.js';

/** GET/PUT /api/v1/accounts/:id/automation */
export class AutomationSettingsService {
  constructor(
    private readonly repo: AutomationSettingsRepository,
    private readonly accounts: Pick<AccountRepository, 'findInWorkspace'>,
    private readonly clock: () => number,
  ) {}

  async get(workspaceId: string, accountId: string) {
    await this.account(workspaceId, accountId);
    const stored = await this.repo.get(accountId);
    return { accountId, ...stored.settings, updatedAt: stored.updatedAt };
  }

  async put(workspaceId: string, accountId: string, settings: AutomationSettings) {
    await this.account(workspaceId, accountId);
    // A switched-on automation without its text would silently do nothing: refuse it now.
    const missing = (['welcome', 'away', 'storyMention'] as const).filter(
      (k) => settings[k].enabled && !settings[k].text,
    );
    if (missing.length > 0) {
      throw errors.validation(
        `Invalid request: ${missing.map((k) => `body.${k}.text`).join(', ')}: required when enabled`,
        {
          issues: missing.map((k) => ({ path: `body.${k}.text`, message: 'required when enabled' })),
        },
      );
    }
    if (settings.away.enabled && settings.away.businessHours.length === 0) {
      throw errors.validation('Invalid request: body.away.businessHours: give at least one window', {
        issues: [{ path: 'body.away.businessHours', message: 'give at least one window' }],
      });
    }
    const at = new Date(this.clock()).toISOString();
    await this.repo.put(workspaceId, accountId, settings, at);
    return { accountId, ...settings, updatedAt: at };
  }

  private async account(workspaceId: string, accountId: string) {
    const account = await this.accounts.findInWorkspace(workspaceId, accountId);
    if (!account) throw errors.notFound('Account');
    return account;
  }
}
