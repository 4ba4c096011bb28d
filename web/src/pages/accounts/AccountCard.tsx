import { useT } from '../../i18n/context.js';
import { AccountActions } from './AccountActions.js';
import { AccountDetails } from './AccountDetails.js';
import { Avatar } from './Avatar.js';
import { FieldMapForm } from './FieldMapForm.js';
import { accountLabel, availableActions, statusTone } from './status.js';
import type { Account, AccountStatus } from './types.js';

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const t = useT();
  return (
    <span className={`badge badge-${statusTone[status]}`} data-testid="account-status" data-status={status}>
      {t(`accounts.status.${status}`)}
    </span>
  );
}

interface Props {
  account: Account;
  now: number;
  onChanged(): void;
}

export function AccountCard({ account: a, now, onChanged }: Props) {
  const t = useT();
  const label = accountLabel(a);
  return (
    <article
      className={`card account-card account-${a.status}`}
      data-testid="account-card"
      data-id={a.id}
      data-status={a.status}
      data-provider={a.provider}
    >
      <header className="account-head">
        <Avatar url={a.profilePictureUrl} label={label} />
        <div className="account-names">
          <span className="account-username" data-testid="account-username">
            {label}
          </span>
          {a.name && a.name !== label && <span className="muted small">{a.name}</span>}
        </div>
        <div className="account-badges">
          <span className={`provider provider-${a.provider}`} data-testid="account-provider">
            {t(`accounts.provider.${a.provider}`)}
          </span>
          <AccountStatusBadge status={a.status} />
        </div>
      </header>
      <AccountDetails account={a} now={now} />
      <AccountActions account={a} onChanged={onChanged} />
      {availableActions(a).fieldMap && <FieldMapForm account={a} onSaved={onChanged} />}
    </article>
  );
}
