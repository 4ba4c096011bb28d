import { useT } from '../../i18n/context.js';
import type { PublishingContext } from './use-publishing-context.js';

/** which account a part of the page shows; there is nothing to pick with one account */
export function AccountPicker({
  ctx,
  value,
  onChange,
  allowAll = false,
}: {
  ctx: PublishingContext;
  value: string;
  onChange(id: string): void;
  allowAll?: boolean;
}) {
  const t = useT();
  if (ctx.accounts.length < 2) return null;
  return (
    <label className="field field-inline">
      <span>{t('pub.account')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="account-picker">
        {allowAll && <option value="">{t('pub.allAccounts')}</option>}
        {ctx.accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {ctx.accountName(a.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
