import { useState } from 'react';
import { DetailedError } from '../../components/DetailedError.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { accountLabel, availableActions } from './status.js';
import type { Account } from './types.js';
import { useAction } from './use-action.js';
import { useInstagramLogin } from './use-instagram-login.js';

interface Props {
  account: Account;
  onChanged(): void;
}

/** Re-authorise, Refresh token now and Disconnect (after a confirmation that says history stays). */
export function AccountActions({ account, onChanged }: Props) {
  const t = useT();
  const api = useApi();
  const can = availableActions(account);
  const login = useInstagramLogin();
  const refresh = useAction<Account>();
  const disconnect = useAction<Account>();
  const [confirming, setConfirming] = useState(false);
  const path = `/accounts/${encodeURIComponent(account.id)}`;
  const busy = login.busy || refresh.busy || disconnect.busy;

  const doRefresh = async () => {
    if (await refresh.run(() => api.post<Account>(`${path}/refresh-token`))) onChanged();
  };
  const doDisconnect = async () => {
    if (await disconnect.run(() => api.post<Account>(`${path}/disconnect`))) {
      setConfirming(false);
      onChanged();
    }
  };
  if (!can.reauthorize && !can.reconnect && !can.refreshToken && !can.disconnect) return null;

  return (
    <div className="account-actions">
      <div className="account-buttons">
        {(can.reauthorize || can.reconnect) && (
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy}
            onClick={() => void login.start()}
            title={t('accounts.reauthorizeHint')}
            data-testid={can.reconnect ? 'account-reconnect' : 'account-reauthorize'}
          >
            {login.busy
              ? t('connect.instagram.redirecting')
              : t(can.reconnect ? 'accounts.reconnect' : 'accounts.reauthorize')}
          </button>
        )}
        {can.refreshToken && (
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void doRefresh()}
            data-testid="account-refresh"
          >
            <Icon name="refresh" size={14} />
            <span>{refresh.busy ? t('accounts.refreshing') : t('accounts.refreshToken')}</span>
          </button>
        )}
        {can.disconnect && !confirming && (
          <button
            type="button"
            className="btn btn-small btn-danger-ghost"
            disabled={busy}
            onClick={() => setConfirming(true)}
            data-testid="account-disconnect"
          >
            {t('accounts.disconnect')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby={`confirm-${account.id}`}>
          <p id={`confirm-${account.id}`} className="confirm-title">
            {t('accounts.confirmTitle', { name: accountLabel(account) })}
          </p>
          <p className="muted small">{t('accounts.confirmText')}</p>
          <div className="account-buttons">
            <button
              type="button"
              className="btn btn-danger btn-small"
              disabled={disconnect.busy}
              onClick={() => void doDisconnect()}
              data-testid="account-disconnect-confirm"
            >
              {disconnect.busy ? t('accounts.disconnecting') : t('accounts.disconnect')}
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={disconnect.busy}
              onClick={() => setConfirming(false)}
              data-testid="account-disconnect-cancel"
            >
              {t('accounts.cancel')}
            </button>
          </div>
        </div>
      )}
      {refresh.result && (
        <p className="text-ok small" role="status" data-testid="account-refreshed">
          {t('accounts.refreshed')}
        </p>
      )}
      <DetailedError error={login.error ?? refresh.error ?? disconnect.error} testId="account-action-error" />
    </div>
  );
}
