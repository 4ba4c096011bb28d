import { useT } from '../../i18n/context.js';
import type { AutomationContext } from './use-automation-context.js';

interface Props {
  ctx: AutomationContext;
  /** '' = every account */
  value: string;
  disabled: boolean;
  /** comment rules for chosen posts or the next post belong to one account */
  required?: boolean;
  onChange(accountId: string): void;
}

/** Which account a rule is for; hidden while the workspace has one account and the rule is for all. */
export function AccountSelect({ ctx, value, disabled, required, onChange }: Props) {
  const t = useT();
  if (ctx.accounts.length < 2 && !value && !required) return null;
  return (
    <label className="field">
      <span>{t('automation.account.label')}</span>
      <select
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        data-testid="rule-account"
      >
        {!required && <option value="">{t('automation.account.all')}</option>}
        {required && !value && <option value="">{t('automation.account.choose')}</option>}
        {ctx.accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {ctx.accountName(a.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
