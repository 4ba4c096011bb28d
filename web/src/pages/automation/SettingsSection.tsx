import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { useRouter } from '../../lib/router.js';
import { useQuery } from '../../lib/use-query.js';
import { SettingsForm } from './SettingsForm.js';
import { queryParam, withParam } from './sections.js';
import type { AutomationSettings } from './types.js';
import type { AutomationContext } from './use-automation-context.js';

/** Conversation automations of one account (?account=<id>; the first account by default). */
export function SettingsSection({ ctx }: { ctx: AutomationContext }) {
  const t = useT();
  const { search, navigate } = useRouter();
  const wanted = queryParam(search, 'account');
  const accountId = ctx.accounts.find((a) => a.id === wanted)?.id ?? ctx.accounts[0]?.id ?? '';
  const settings = useQuery(
    (api) =>
      accountId
        ? api.get<AutomationSettings>(`/accounts/${encodeURIComponent(accountId)}/automation`)
        : Promise.resolve(null),
    [accountId],
  );

  if (ctx.loaded && ctx.accounts.length === 0)
    return (
      <div className="card empty-state" data-testid="settings-no-accounts">
        <p className="muted">{t('automation.settings.noAccounts')}</p>
      </div>
    );
  return (
    <section aria-label={t('automation.tab.settings')} data-testid="settings-section">
      <div className="auto-section-head">
        <p className="muted">{t('automation.settings.intro')}</p>
        {ctx.accounts.length > 1 && (
          <label className="field field-inline">
            <span>{t('automation.account.label')}</span>
            <select
              value={accountId}
              onChange={(e) =>
                navigate(`/automation/settings${withParam(search, 'account', e.target.value)}`, {
                  replace: true,
                })
              }
              data-testid="settings-account"
            >
              {ctx.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {ctx.accountName(a.id)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <ErrorMessage error={settings.error} onRetry={() => void settings.reload()} testId="settings-error" />
      {!settings.data && !settings.error && <p className="muted">{t('common.loading')}</p>}
      {settings.data && (
        <SettingsForm
          key={accountId}
          ctx={ctx}
          settings={settings.data}
          onSaved={() => void settings.reload()}
        />
      )}
    </section>
  );
}
