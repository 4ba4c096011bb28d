import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { useRouter } from '../../lib/router.js';
import type { Page } from '../../lib/types.js';
import { useQuery } from '../../lib/use-query.js';
import { AccountCard } from './AccountCard.js';
import { parseConnectBanner, withoutBannerParams } from './banner.js';
import { ConnectBanner } from './ConnectBanner.js';
import { ConnectPanel } from './ConnectPanel.js';
import type { Account, InstagramConfig } from './types.js';
import './accounts.css';

// Statuses change in the background (token refresh job, a revoked token): re-read now and then.
const refreshMs = 30_000;

export function AccountsPage() {
  const t = useT();
  const { search, navigate } = useRouter();
  const accounts = useQuery((api) => api.get<Page<Account>>('/accounts'), [], { intervalMs: refreshMs });
  const config = useQuery((api) => api.get<InstagramConfig>('/instagram/config'), []);
  const banner = parseConnectBanner(search);
  const items = accounts.data?.items;
  const now = Date.now();

  return (
    <div data-testid="accounts-page">
      <div className="page-header">
        <div>
          <h1>{t('accounts.title')}</h1>
          <p className="muted">{t('accounts.subtitle')}</p>
        </div>
      </div>
      {config.data?.simulator && (
        <div className="alert alert-info demo-note" data-testid="demo-note">
          {t('accounts.demoMode')}
        </div>
      )}
      {banner && (
        <ConnectBanner
          banner={banner}
          accounts={items}
          onDismiss={() => navigate(`/accounts${withoutBannerParams(search)}`, { replace: true })}
        />
      )}
      <section className="accounts-section">
        <h2>{t('accounts.listTitle')}</h2>
        <ErrorMessage error={accounts.error} onRetry={accounts.reload} />
        {!items && !accounts.error && <p className="muted">{t('common.loading')}</p>}
        {items?.length === 0 && (
          <div className="card empty-state" data-testid="accounts-empty">
            <p className="muted">{t('accounts.empty')}</p>
          </div>
        )}
        {items && items.length > 0 && (
          <div className="account-grid" data-testid="accounts-list">
            {items.map((a) => (
              <AccountCard key={a.id} account={a} now={now} onChanged={() => void accounts.reload()} />
            ))}
          </div>
        )}
      </section>
      <ConnectPanel onConnected={() => void accounts.reload()} />
    </div>
  );
}
