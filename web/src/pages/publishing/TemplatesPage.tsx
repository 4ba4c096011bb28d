import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { Link, useRouter } from '../../lib/router.js';
import { captionExcerpt } from './gallery.js';
import { sectionPath } from './sections.js';
import { TemplateEditor } from './TemplateEditor.js';
import { useAllProducts, useAllTemplates } from './use-catalogue.js';
import type { PublishingContext } from './use-publishing-context.js';

/** Caption templates: the list, and the open one (or a new one) in the editor with its live preview. */
export function TemplatesPage({ ctx, templateId }: { ctx: PublishingContext; templateId: string | null }) {
  const t = useT();
  const { navigate } = useRouter();
  const templates = useAllTemplates();
  const products = useAllProducts();
  const items = templates.data ?? [];
  const isNew = templateId === 'new';
  const open = items.find((x) => x.id === templateId) ?? null;
  const ready = templates.data !== undefined && products.data !== undefined;

  return (
    <div className={`pub-split${templateId ? ' pub-split-open' : ''}`} data-testid="templates">
      <div className="pub-split-main">
        <div className="pub-toolbar">
          {ctx.isOwner && (
            <Link
              to={sectionPath('templates', 'new')}
              className="btn btn-primary pub-toolbar-end"
              data-testid="template-new"
            >
              {t('pub.template.new')}
            </Link>
          )}
        </div>
        <ErrorMessage error={templates.error ?? products.error} onRetry={() => void templates.reload()} />
        {!ready && <p className="muted">{t('common.loading')}</p>}
        {ready && items.length === 0 && (
          <div className="card empty-state" data-testid="templates-empty">
            <p className="muted">{t('pub.template.empty')}</p>
          </div>
        )}
        <ul className="pub-template-list" data-testid="template-list">
          {items.map((x) => (
            <li key={x.id}>
              <Link
                to={sectionPath('templates', x.id)}
                className={`card pub-template-item${x.id === templateId ? ' pub-selected' : ''}`}
                data-testid="template-item"
              >
                <strong>{x.name}</strong>
                <span className="muted small pub-pre">{captionExcerpt(x.body, 140)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
      {templateId && ready && (
        <div className="pub-split-side">
          {!isNew && !open && <p className="muted">{t('pub.notFound')}</p>}
          {(isNew || open) && (
            <TemplateEditor
              key={open ? `${open.id}:${open.updatedAt}` : 'new'}
              template={open}
              products={products.data ?? []}
              readOnly={!ctx.isOwner}
              onSaved={async (saved) => {
                await templates.reload();
                navigate(sectionPath('templates', saved.id), { replace: true });
              }}
              onDeleted={() => {
                void templates.reload();
                navigate(sectionPath('templates'));
              }}
            />
          )}
          <Link to={sectionPath('templates')} className="back-link">
            {t('pub.close')}
          </Link>
        </div>
      )}
    </div>
  );
}
