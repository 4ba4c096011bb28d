import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { useQuery } from '../../lib/use-query.js';
import { ComposeForm } from './ComposeForm.js';
import type { AutoPostView } from './schedule-types.js';
import { useAllProducts, useAllTemplates } from './use-catalogue.js';
import type { PublishingContext } from './use-publishing-context.js';

/** /publishing/compose: a new post or rotation; /publishing/compose/<id>: change a pending post */
export function ComposePage({ ctx, autoPostId }: { ctx: PublishingContext; autoPostId: string | null }) {
  const t = useT();
  const products = useAllProducts();
  const templates = useAllTemplates();
  const existing = useQuery(
    (a) => (autoPostId ? a.get<AutoPostView>(`/auto-posts/${autoPostId}`) : Promise.resolve(undefined)),
    [autoPostId],
  );
  const error = products.error ?? templates.error ?? existing.error;
  const ready =
    ctx.loaded &&
    products.data !== undefined &&
    templates.data !== undefined &&
    (!autoPostId || existing.data !== undefined);
  if (error) return <ErrorMessage error={error} onRetry={() => void existing.reload()} />;
  if (!ready) return <p className="muted">{t('common.loading')}</p>;
  if (existing.data && existing.data.status !== 'pending')
    return (
      <p className="alert alert-info" data-testid="compose-not-pending">
        {t('pub.compose.notPending', { status: t(`pub.status.${existing.data.status}`) })}
      </p>
    );
  return (
    <ComposeForm
      ctx={ctx}
      post={existing.data ?? null}
      products={products.data ?? []}
      templates={templates.data ?? []}
    />
  );
}
