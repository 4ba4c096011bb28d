import { useT } from '../i18n/context.js';
import { Link } from '../lib/router.js';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="empty-state" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('notFound.home')}
      </Link>
    </div>
  );
}
