import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../lib/format.js';
import { useQuery } from '../../lib/use-query.js';
import { Choice } from './Choice.js';
import { CsvButton } from './CsvButton.js';
import { metricKind, postKind, rankValue, topColumns } from './post-insight.js';
import { formatValue } from './stats-format.js';
import { Thumb } from './Thumb.js';
import {
  type PostInsight,
  type ProductType,
  productTypes,
  type RankMetric,
  rankMetrics,
  type TopPostsView,
} from './types.js';
import type { StatsUrlState } from './url-state.js';

interface Props {
  accountId: string;
  from: string;
  to: string;
  metric: RankMetric;
  productType: ProductType | '';
  /** changes when the account's insights were read again */
  version: number;
  onChange(patch: Partial<StatsUrlState>): void;
  onOpen(post: PostInsight): void;
}

/** the range's best posts by a chosen metric; a post without a value for it is not ranked */
export function TopPostsCard({ accountId, from, to, metric, productType, version, onChange, onOpen }: Props) {
  const { t, locale } = useI18n();
  const query = { from, to, metric, productType: productType || undefined, limit: 10 };
  const top = useQuery(
    (api) => api.get<TopPostsView>(`/accounts/${accountId}/top-posts`, query),
    [accountId, from, to, metric, productType, version],
  );
  const columns = topColumns(metric);
  const cell = (p: PostInsight, c: RankMetric) => {
    const v = rankValue(p, c);
    return v === null ? t('common.none') : formatValue(locale, v, metricKind(c));
  };
  const items = top.data?.items ?? [];
  return (
    <section className="card stats-page-section" data-testid="top-posts">
      <div className="stats-card-head">
        <h2>{t('stats.top.title')}</h2>
        <CsvButton
          path={`/accounts/${accountId}/top-posts.csv`}
          query={query}
          label={t('stats.csv.topPosts')}
          testId="top-posts-csv"
        />
      </div>
      <div className="stats-top-filters">
        <label className="field field-inline">
          <span>{t('stats.top.metric')}</span>
          <select
            value={metric}
            onChange={(e) => onChange({ metric: e.target.value as RankMetric })}
            data-testid="top-metric"
          >
            {rankMetrics.map((m) => (
              <option key={m} value={m}>
                {t(`stats.post.metric.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <Choice<ProductType | ''>
          name="top-type"
          label={t('stats.top.type')}
          value={productType}
          options={[
            { value: '', label: t('stats.top.type.all') },
            ...productTypes.map((p) => ({ value: p, label: t(`stats.top.type.${p}`) })),
          ]}
          onChange={(v) => onChange({ productType: v })}
        />
      </div>
      <ErrorMessage error={top.error} onRetry={top.reload} />
      {top.data && !items.length && (
        <p className="empty-state" data-testid="top-posts-empty">
          {t('stats.top.empty')}
        </p>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table stats-top-table" aria-busy={top.loading}>
            <thead>
              <tr>
                <th>{t('stats.top.post')}</th>
                {columns.map((c) => (
                  <th key={c} className={c === metric ? 'num stats-ranked' : 'num'} scope="col">
                    {t(`stats.post.metric.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.igMediaId} data-testid="top-post" data-media-id={p.igMediaId}>
                  <td>
                    <button
                      type="button"
                      className="stats-post-link"
                      onClick={() => onOpen(p)}
                      data-testid="top-post-open"
                    >
                      <Thumb post={p} size="small" />
                      <span className="stats-post-text">
                        <span className="ellipsis">{p.caption || t('stats.post.noCaption')}</span>
                        <span className="muted small">
                          {t(`stats.post.kind.${postKind(p)}`)} · {formatDateTime(locale, p.timestamp)}
                        </span>
                      </span>
                    </button>
                  </td>
                  {columns.map((c) => (
                    <td key={c} className={c === metric ? 'num stats-ranked' : 'num'} data-metric={c}>
                      {cell(p, c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
