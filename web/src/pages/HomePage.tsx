import { ErrorMessage } from '../components/ErrorMessage.js';
import { useI18n } from '../i18n/context.js';
import { formatDateTime, formatNumber } from '../lib/format.js';
import { Link } from '../lib/router.js';
import type { Stats } from '../lib/types.js';
import { useQuery } from '../lib/use-query.js';

function Metric({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="metric">
      <span className="metric-value" data-testid={testId}>
        {value}
      </span>
      <span className="metric-label">{label}</span>
    </div>
  );
}

export function HomePage() {
  const { t, locale } = useI18n();
  const stats = useQuery((api) => api.get<Stats>('/instagram/stats'), [], { intervalMs: 15_000 });
  const s = stats.data;
  const n = (v: number) => formatNumber(locale, v);
  return (
    <>
      <div className="page-header">
        <h1>{t('home.title')}</h1>
      </div>
      <ErrorMessage error={stats.error} onRetry={stats.reload} />
      {!s && !stats.error && <p className="muted">{t('common.loading')}</p>}
      {s && (
        <div className="grid" data-testid="stats-card">
          <section className="card" data-testid="home-instagram-card">
            <h2>{t('stats.home.title')}</h2>
            <div className="metrics">
              <Metric
                label={t('stats.home.followers')}
                value={s.followers === null ? t('common.none') : n(s.followers)}
                testId="stat-followers"
              />
              <Metric
                label={t('stats.home.messagesToday')}
                value={n(s.messagesToday)}
                testId="stat-messages-today"
              />
              <Metric
                label={t('stats.home.postsThisWeek')}
                value={n(s.postsThisWeek)}
                testId="stat-posts-week"
              />
            </div>
            {s.followers === null && <p className="muted small">{t('stats.home.followersUnknown')}</p>}
            <Link to="/statistics" className="btn btn-small">
              {t('stats.home.open')}
            </Link>
          </section>
          <section className="card">
            <h2>{t('home.messages')}</h2>
            <div className="metrics">
              <Metric
                label={t('home.totalMessages')}
                value={n(s.totalMessages)}
                testId="stat-total-messages"
              />
              <Metric label={t('home.inbound')} value={n(s.inboundMessages)} />
              <Metric label={t('home.outbound')} value={n(s.outboundMessages)} />
              <Metric label={t('home.clients')} value={n(s.clientsWithInstagram)} />
              <Metric label={t('home.accounts')} value={n(s.accounts)} testId="stat-accounts" />
            </div>
          </section>
          <section className="card">
            <h2>{t('home.deliveries')}</h2>
            <div className="metrics">
              <Metric
                label={t('home.deliveriesTotal')}
                value={n(s.deliveries.total)}
                testId="stat-deliveries"
              />
              <Metric label={t('home.deliveries24h')} value={n(s.deliveries.last24h)} />
              <Metric label={t('home.deliveriesRejected')} value={n(s.deliveries.rejected)} />
            </div>
            <p className="muted small">
              {t('home.lastDelivery')}:{' '}
              {s.deliveries.lastReceivedAt
                ? formatDateTime(locale, s.deliveries.lastReceivedAt)
                : t('home.neverReceived')}
            </p>
            <Link to="/deliveries" className="btn btn-small">
              {t('home.openLog')}
            </Link>
          </section>
          <section className="card">
            <h2>{t('home.connection')}</h2>
            <dl className="kv">
              <dt>{t('home.mode')}</dt>
              <dd>{t(s.config.useChatrace ? 'home.modeChatrace' : 'home.modeDirect')}</dd>
              <dt>{t('home.mockMode')}</dt>
              <dd>{t(s.config.useMockMode ? 'home.on' : 'home.off')}</dd>
              <dt>{t('home.accessToken')}</dt>
              <dd>{t(s.config.hasAccessToken ? 'home.set' : 'home.notSet')}</dd>
              <dt>{t('home.polling')}</dt>
              <dd>{t(s.pollingActive ? 'home.on' : 'home.off')}</dd>
              <dt>{t('home.apiUrl')}</dt>
              <dd className="mono">{s.config.apiUrl}</dd>
            </dl>
          </section>
        </div>
      )}
    </>
  );
}
