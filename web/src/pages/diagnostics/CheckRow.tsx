import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { Link } from '../../lib/router.js';
import { checkTexts, linkLabel } from './report.js';
import type { DiagnosticCheck, Verdict } from './types.js';

const tone: Record<Verdict, string> = { pass: 'ok', warn: 'warn', fail: 'bad', skip: 'muted' };
const mark: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕', skip: '–' };

/** one check: verdict, what was found and, unless it passed, how to fix it */
export function CheckRow({ check }: { check: DiagnosticCheck }) {
  const { t, locale } = useI18n();
  const text = checkTexts(t, locale, check);
  const open = check.verdict === 'warn' || check.verdict === 'fail';
  const label = check.link ? linkLabel(check.link) : null;
  return (
    <li
      className={`check check-${check.verdict}`}
      data-testid="check-row"
      data-check-id={check.id}
      data-code={check.code}
      data-verdict={check.verdict}
    >
      <span className={`badge badge-${tone[check.verdict]} check-verdict`} data-testid="check-verdict">
        <span aria-hidden="true">{mark[check.verdict]} </span>
        {t(`diagnostics.verdict.${check.verdict}` as MessageKey)}
      </span>
      <div className="check-body">
        <div className="check-title">{text.title}</div>
        <div className="check-message" data-testid="check-message">
          {text.message}
        </div>
        {open && text.fix && (
          <div className="check-fix" data-testid="check-fix">
            <strong>{t('diagnostics.fix')}:</strong> {text.fix}
          </div>
        )}
        {open && check.detail && (
          <details className="check-detail">
            <summary>{t('diagnostics.detail')}</summary>
            <pre data-testid="check-detail">{check.detail}</pre>
          </details>
        )}
        {open && check.link && label && (
          <Link to={check.link} className="check-link" data-testid="check-link">
            {t(label)} →
          </Link>
        )}
      </div>
    </li>
  );
}
