import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { formatNumber } from '../../lib/format.js';
import { captionMeters } from './caption-meter.js';
import type { CaptionPreview } from './types.js';

interface Props {
  preview: CaptionPreview | null;
  error: unknown;
  pending: boolean;
}

/** The caption as it will be published, with its counts against Instagram's limits. */
export function CaptionPreviewPanel({ preview, error, pending }: Props) {
  const { t, locale } = useI18n();
  return (
    <section
      className="pub-preview"
      aria-label={t('pub.preview.title')}
      data-testid="caption-preview"
      data-pending={String(pending)}
    >
      <h3>
        {t('pub.preview.title')}
        {preview && (
          <span className="muted small"> · {t('pub.preview.for', { name: preview.product.name })}</span>
        )}
      </h3>
      <ErrorMessage error={error} testId="caption-preview-error" />
      {!preview && !error && !pending && <p className="muted small">{t('pub.preview.empty')}</p>}
      {preview && (
        <>
          <div className={`pub-caption${preview.caption ? '' : ' muted'}`} data-testid="caption-preview-text">
            {preview.caption || t('pub.preview.empty')}
          </div>
          <ul className="pub-meters" data-testid="caption-meters">
            {captionMeters(preview).map((m) => (
              <li
                key={m.kind}
                className={`pub-meter pub-meter-${m.state}`}
                data-testid={`meter-${m.kind}`}
                data-state={m.state}
              >
                <span className="pub-meter-label">{t(`pub.preview.meter.${m.kind}`)}</span>
                <span className="pub-meter-bar" aria-hidden="true">
                  <span style={{ width: `${m.percent}%` }} />
                </span>
                <span className="pub-meter-value" data-testid={`meter-${m.kind}-value`}>
                  {formatNumber(locale, m.actual)} / {formatNumber(locale, m.limit)}
                </span>
              </li>
            ))}
          </ul>
          {preview.problems.length > 0 && (
            <p className="text-bad small" role="alert" data-testid="caption-over-limit">
              {t('pub.preview.overLimit')}
            </p>
          )}
          {preview.unknown.length > 0 && (
            <p className="text-bad small" role="alert" data-testid="caption-unknown">
              {t('pub.preview.unknown', { names: preview.unknown.map((v) => `{${v}}`).join(', ') })}
            </p>
          )}
          {preview.syntax.map((s) => (
            <p key={s.index} className="text-bad small" data-testid="caption-syntax">
              {t('pub.preview.syntax', { message: s.message })}
            </p>
          ))}
          {preview.missing.length > 0 && (
            <p className="muted small" data-testid="caption-missing">
              {t('pub.preview.missing', { names: preview.missing.map((v) => `{${v}}`).join(', ') })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
