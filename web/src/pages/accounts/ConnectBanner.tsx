import { useT } from '../../i18n/context.js';
import { type ConnectBanner as Banner, explainConnectError } from './banner.js';
import { accountLabel } from './status.js';
import type { Account } from './types.js';

interface Props {
  banner: Banner;
  accounts: Account[] | undefined;
  onDismiss(): void;
}

/** The outcome of Instagram Login, read from the address the server sent the browser back to. */
export function ConnectBanner({ banner, accounts, onDismiss }: Props) {
  const t = useT();
  const dismiss = (
    <button
      type="button"
      className="btn btn-small btn-ghost alert-dismiss"
      onClick={onDismiss}
      data-testid="connect-banner-dismiss"
    >
      {t('accounts.dismiss')}
    </button>
  );
  if (banner.kind === 'connected') {
    const account = accounts?.find((a) => a.id === banner.accountId);
    return (
      <div className="alert alert-ok" role="status" data-testid="connect-banner" data-kind="connected">
        <span data-testid="connect-banner-message">
          {account
            ? t('accounts.connectedBanner', { name: accountLabel(account) })
            : t('accounts.connectedBannerUnknown')}
        </span>
        {dismiss}
      </div>
    );
  }
  return (
    <div className="alert alert-error" role="alert" data-testid="connect-banner" data-kind="error">
      <div>
        <strong>{t('accounts.connectFailed')}</strong>{' '}
        <span data-testid="connect-banner-message">{explainConnectError(t, banner.code)}</span>
        {banner.message && (
          <span className="block small" data-testid="connect-banner-details">
            {t('error.details', { message: banner.message })}
          </span>
        )}
      </div>
      {dismiss}
    </div>
  );
}
