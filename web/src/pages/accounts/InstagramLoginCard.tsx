import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { ApiError } from '../../lib/api.js';
import { useInstagramLogin } from './use-instagram-login.js';

export function InstagramLoginCard() {
  const t = useT();
  const login = useInstagramLogin();
  const notConfigured = login.error instanceof ApiError && login.error.code === 'not_configured';
  return (
    <section className="card connect-card connect-card-main" data-testid="connect-instagram-card">
      <div className="connect-card-head">
        <h3>{t('connect.instagram.title')}</h3>
        <span className="badge badge-info">{t('connect.recommended')}</span>
      </div>
      <p className="muted small">{t('connect.instagram.text')}</p>
      <button
        type="button"
        className="btn btn-primary btn-instagram"
        disabled={login.busy}
        onClick={() => void login.start()}
        data-testid="connect-instagram"
      >
        <span className="ig-glyph" aria-hidden="true" />
        <span>{login.busy ? t('connect.instagram.redirecting') : t('connect.instagram.button')}</span>
      </button>
      {notConfigured ? (
        <div className="alert alert-error" role="alert" data-testid="connect-instagram-error">
          {t('connect.instagram.notConfigured')}
        </div>
      ) : (
        <ErrorMessage error={login.error} testId="connect-instagram-error" />
      )}
    </section>
  );
}
