import { useT } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { ComposePage } from './ComposePage.js';
import { GalleryPage } from './GalleryPage.js';
import { ProductsPage } from './ProductsPage.js';
import { SchedulePage } from './SchedulePage.js';
import { sectionOf, sectionPath, tabOf, tabs } from './sections.js';
import { TemplatesPage } from './TemplatesPage.js';
import { usePublishingContext } from './use-publishing-context.js';
import './publishing.css';
import './compose.css';

/** /publishing/:section/:id — the gallery, the catalogue, caption templates, the schedule and its editor */
export function PublishingPage({ section: param, id }: { section?: string; id?: string }) {
  const t = useT();
  const ctx = usePublishingContext();
  const section = sectionOf(param);
  if (!section) return <NotFoundPage />;
  const tab = tabOf(section);
  const openId = id ?? null;
  return (
    <div className="pub" data-testid="publishing-page" data-section={section}>
      <div className="page-header">
        <div>
          <h1>{t('pub.title')}</h1>
          <p className="muted">{t('pub.subtitle')}</p>
        </div>
      </div>
      <nav className="pub-tabs" aria-label={t('pub.tabs')}>
        {tabs.map((s) => (
          <Link
            key={s}
            to={sectionPath(s)}
            className={`pub-tab${s === tab ? ' pub-tab-active' : ''}`}
            aria-current={s === tab ? 'page' : undefined}
            data-testid={`publishing-tab-${s}`}
          >
            {t(`pub.tab.${s}`)}
          </Link>
        ))}
      </nav>
      {ctx.loaded && !ctx.isOwner && section !== 'gallery' && (
        <p className="alert alert-info small" data-testid="publishing-read-only">
          {t('pub.readOnly')}
        </p>
      )}
      {ctx.loaded && ctx.accounts.length === 0 && (
        <div className="card empty-state" data-testid="publishing-no-accounts">
          <p className="muted">{t('pub.noAccounts')}</p>
          <Link to="/accounts" className="btn">
            {t('pub.connectAccount')}
          </Link>
        </div>
      )}
      {section === 'gallery' && <GalleryPage ctx={ctx} postId={openId} />}
      {section === 'products' && <ProductsPage ctx={ctx} productId={openId} />}
      {section === 'templates' && <TemplatesPage ctx={ctx} templateId={openId} />}
      {section === 'schedule' && <SchedulePage ctx={ctx} autoPostId={openId} />}
      {section === 'compose' && <ComposePage key={openId ?? 'new'} ctx={ctx} autoPostId={openId} />}
    </div>
  );
}
