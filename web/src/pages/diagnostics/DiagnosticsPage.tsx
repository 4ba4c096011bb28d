import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { formatTime } from '../../lib/format.js';
import { useQuery } from '../../lib/use-query.js';
import { CheckSection } from './CheckSection.js';
import { toSections } from './report.js';
import { type DiagnosticReport, verdicts } from './types.js';
import './diagnostics.css';

// The checks of `relaydesk doctor`, for this workspace: run when the page opens and again on
// request (each run asks Meta and Chatrace about every account, so it does not poll by itself).
export function DiagnosticsPage() {
  const { t, locale } = useI18n();
  const report = useQuery((api) => api.get<DiagnosticReport>('/diagnostics'), []);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const r = report.data;
  const sections = r ? toSections(r.checks, onlyProblems) : [];
  const hasAccounts = r?.checks.some((c) => c.account) ?? true;

  return (
    <div data-testid="diagnostics-page">
      <div className="page-header">
        <div>
          <h1>{t('diagnostics.title')}</h1>
          <p className="muted">{t('diagnostics.subtitle')}</p>
        </div>
        <div className="page-actions">
          {r && report.updatedAt && (
            <span className="muted small" data-testid="diagnostics-checked-at">
              {t('diagnostics.checkedAt', {
                time: formatTime(locale, report.updatedAt),
                seconds: (r.durationMs / 1000).toFixed(1),
              })}
            </span>
          )}
          <label className="toggle">
            <input
              type="checkbox"
              checked={onlyProblems}
              onChange={(e) => setOnlyProblems(e.target.checked)}
              data-testid="diagnostics-only-problems"
            />
            <span>{t('diagnostics.onlyProblems')}</span>
          </label>
          <button
            type="button"
            className="btn btn-small"
            disabled={report.loading}
            onClick={() => void report.reload()}
            data-testid="diagnostics-rerun"
          >
            <Icon name="refresh" size={14} />
            <span>{report.loading ? t('diagnostics.running') : t('diagnostics.rerun')}</span>
          </button>
        </div>
      </div>
      <ErrorMessage error={report.error} onRetry={() => void report.reload()} />
      {!r && !report.error && <p className="muted">{t('diagnostics.running')}</p>}
      {r && (
        <>
          <div
            className={`diagnostics-overall overall-${r.verdict}`}
            data-testid="diagnostics-overall"
            data-verdict={r.verdict}
          >
            <strong>
              {t(`diagnostics.overall.${r.verdict === 'skip' ? 'pass' : r.verdict}` as MessageKey)}
            </strong>
            <span className="diagnostics-counts">
              {verdicts.map((v) => (
                <span
                  key={v}
                  className={`count count-${v}${r.counts[v] > 0 ? ' count-some' : ''}`}
                  data-testid={`diagnostics-count-${v}`}
                >
                  {t(`diagnostics.count.${v}` as MessageKey, { count: r.counts[v] })}
                </span>
              ))}
            </span>
          </div>
          {!hasAccounts && <p className="muted">{t('diagnostics.noAccounts')}</p>}
          {sections.length === 0 && (
            <p className="muted" data-testid="diagnostics-no-problems">
              {t('diagnostics.noProblems')}
            </p>
          )}
          <div className="diagnostics-sections">
            {sections.map((s) => (
              <CheckSection key={s.key} section={s} />
            ))}
          </div>
          <p className="muted small diagnostics-cli">{t('diagnostics.cliHint')}</p>
        </>
      )}
    </div>
  );
}
