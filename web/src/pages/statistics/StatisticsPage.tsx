import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { Link, useRouter } from '../../lib/router.js';
import type { Page } from '../../lib/types.js';
import { useQuery } from '../../lib/use-query.js';
import type { Account } from '../accounts/types.js';
import { ChartCard } from './ChartCard.js';
import { CsvButton } from './CsvButton.js';
import { chartDefs } from './charts.js';
import { todayIn } from './days.js';
import { PostInsightDialog } from './PostInsightDialog.js';
import { RefreshControl } from './RefreshControl.js';
import { StatsToolbar } from './StatsToolbar.js';
import { TopPostsCard } from './TopPostsCard.js';
import { TotalsCard } from './TotalsCard.js';
import type { PostInsight, StatisticsView } from './types.js';
import {
  refreshDays,
  resolveRange,
  type StatsUrlState,
  stateFromSearch,
  stateToSearch,
} from './url-state.js';
import { useRefresh } from './use-refresh.js';
import './statistics.css';

/** Meta's insight days run midnight to midnight here (the API's dayTimeZone) */
const metaTimeZone = 'America/Los_Angeles';

export function StatisticsPage() {
  const { t } = useI18n();
  const { search, navigate } = useRouter();
  const state = useMemo(() => stateFromSearch(search), [search]);
  const update = (patch: Partial<StatsUrlState>) =>
    navigate(`/statistics${stateToSearch({ ...state, ...patch })}`, { replace: true });

  const accounts = useQuery((api) => api.get<Page<Account>>('/accounts'), []);
  const instagram = (accounts.data?.items ?? []).filter((a) => a.provider === 'instagram');
  const account = instagram.find((a) => a.id === state.accountId) ?? instagram[0];
  const accountId = account?.id ?? '';
  const today = todayIn(metaTimeZone);
  const { from, to } = resolveRange(state.range, today);
  const granularity = state.granularity;

  // bumped when the account's insights were read again: everything on the page reloads
  const [version, setVersion] = useState(0);
  const stats = useQuery(
    (api) =>
      accountId
        ? api.get<StatisticsView>(`/accounts/${accountId}/statistics`, { from, to, granularity })
        : Promise.resolve(undefined),
    [accountId, from, to, granularity, version],
  );
  const refresh = useRefresh(accountId, () => setVersion((v) => v + 1));
  const [opened, setOpened] = useState<PostInsight | null>(null);
  const view = stats.data;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('stats.title')}</h1>
          <p className="muted">{t('stats.subtitle')}</p>
        </div>
        {account && (
          <div className="page-actions">
            <RefreshControl
              state={refresh.state}
              days={refreshDays(from, today)}
              disabled={!accountId}
              onRefresh={(days) => void refresh.start(days)}
            />
            <CsvButton
              path={`/accounts/${accountId}/statistics.csv`}
              query={{ from, to, granularity }}
              label={t('stats.csv.series')}
              testId="stats-csv"
            />
          </div>
        )}
      </div>
      <ErrorMessage error={accounts.error} onRetry={accounts.reload} />
      {accounts.data && !account && (
        <div className="card empty-state" data-testid="stats-no-account">
          <p>{t('stats.noAccount')}</p>
          <Link to="/accounts" className="btn btn-primary">
            {t('stats.connect')}
          </Link>
        </div>
      )}
      {account && (
        <>
          <StatsToolbar
            state={state}
            accounts={instagram}
            accountId={accountId}
            from={from}
            to={to}
            today={today}
            onChange={update}
          />
          <p className="alert alert-info" data-testid="lag-note">
            {t('stats.lag', { hours: view?.dataLagHours ?? 48 })}
          </p>
          <ErrorMessage error={stats.error} onRetry={stats.reload} />
          {!view && !stats.error && <p className="muted">{t('common.loading')}</p>}
          {view && (
            <div
              className="stack"
              data-testid="stats-view"
              data-from={view.from}
              data-to={view.to}
              data-granularity={view.granularity}
              aria-busy={stats.loading}
            >
              <TotalsCard view={view} />
              <div className="stats-charts">
                {chartDefs.map((def) => (
                  <ChartCard key={def.metric} def={def} view={view} />
                ))}
              </div>
            </div>
          )}
          <TopPostsCard
            accountId={accountId}
            from={from}
            to={to}
            metric={state.metric}
            productType={state.productType}
            version={version}
            onChange={update}
            onOpen={setOpened}
          />
          {opened && (
            <PostInsightDialog
              key={opened.igMediaId}
              post={opened}
              formulas={view?.formulas}
              onClose={() => setOpened(null)}
            />
          )}
        </>
      )}
    </>
  );
}
