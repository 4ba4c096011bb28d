import { type FormEvent, useState } from 'react';
import { DetailedError } from '../../components/DetailedError.js';
import { useT } from '../../i18n/context.js';
import { useRouter } from '../../lib/router.js';
import { useApi } from '../../lib/session.js';
import {
  type AutoPostDraft,
  createBody,
  type DraftProblem,
  draftMedia,
  draftOfPost,
  mediaToPublish,
  newDraft,
  postFields,
  previewBody,
  seriesBody,
} from './auto-post-form.js';
import { CaptionFields } from './CaptionFields.js';
import { CaptionPreviewPanel } from './CaptionPreviewPanel.js';
import { FieldError } from './FieldError.js';
import { MediaFields } from './MediaFields.js';
import { MediaPreview } from './MediaPreview.js';
import type { AutoPostView, SeriesView } from './schedule-types.js';
import { sectionPath } from './sections.js';
import type { ProductView, TemplateView } from './types.js';
import { useCaptionPreview } from './use-caption-preview.js';
import type { PublishingContext } from './use-publishing-context.js';
import { useSave } from './use-save.js';
import { WhenFields } from './WhenFields.js';
import { dayKey } from './zoned-time.js';

const fields = [
  'accountId',
  'productId',
  'mediaType',
  'media',
  'coverUrl',
  'captionTemplate',
  'captionTemplateId',
  'caption',
  'firstComment',
  'scheduledAt',
  'name',
  'productIds',
  'timeOfDay',
  'days',
];

interface Props {
  ctx: PublishingContext;
  post: AutoPostView | null;
  products: ProductView[];
  templates: TemplateView[];
}

/** The auto-post editor: what to post, with which caption and media, and when; previewed as it will go out. */
export function ComposeForm({ ctx, post, products, templates }: Props) {
  const t = useT();
  const api = useApi();
  const { navigate } = useRouter();
  const [draft, setDraft] = useState<AutoPostDraft>(() =>
    post ? draftOfPost(post, ctx.timeZone) : newDraft(Date.now(), ctx.timeZone, ctx.accounts[0]?.id),
  );
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const save = useSave(fields);
  const set = <K extends keyof AutoPostDraft>(k: K, v: AutoPostDraft[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));
  const product = products.find((p) => p.id === draft.productId) ?? null;
  const previewProduct = draft.when === 'repeat' ? draft.seriesProductIds[0] : draft.productId;
  const preview = useCaptionPreview({
    body: previewBody(draft, templates),
    productId: previewProduct || undefined,
    locale:
      draft.captionMode === 'template'
        ? draft.locale
        : templates.find((x) => x.id === draft.templateId)?.locale,
  });
  const media = mediaToPublish(draft.mediaType, draftMedia(draft), product?.imageUrls ?? []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (draft.when === 'repeat') {
      const body = seriesBody(draft);
      if ('problem' in body) return setProblem(body.problem);
      const saved = await save.run(() => api.post<SeriesView>('/auto-post-series', body));
      if (saved) navigate(sectionPath('schedule'));
      return;
    }
    const body = post ? postFields(draft) : createBody(draft);
    if ('problem' in body) return setProblem(body.problem);
    const saved = await save.run(async () => {
      if (!post) return api.post<AutoPostView>('/auto-posts', body);
      const changed = await api.patch<AutoPostView>(`/auto-posts/${post.id}`, body);
      return draft.when === 'now' ? api.post<AutoPostView>(`/auto-posts/${post.id}/publish-now`) : changed;
    });
    if (saved) {
      const day = dayKey(Date.parse(saved.scheduledAt), ctx.timeZone);
      navigate(`${sectionPath('schedule', saved.id)}?date=${day}`);
    }
  };

  return (
    <form className="pub-compose" onSubmit={(e) => void submit(e)} data-testid="compose" noValidate>
      <div className="card pub-form">
        <h2>{t(post ? 'pub.compose.editTitle' : 'pub.compose.title')}</h2>
        <DetailedError error={save.formError} testId="compose-error" />
        <div className="pub-row">
          <label className="field">
            <span>{t('pub.account')}</span>
            <select
              value={draft.accountId}
              disabled={post !== null}
              onChange={(e) => set('accountId', e.target.value)}
              data-testid="compose-account"
            >
              {ctx.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {ctx.accountName(a.id)}
                </option>
              ))}
            </select>
            <FieldError errors={save.byField} field="accountId" />
          </label>
          {draft.when !== 'repeat' && (
            <label className="field">
              <span>{t('pub.schedule.product')}</span>
              <select
                value={draft.productId}
                onChange={(e) => set('productId', e.target.value)}
                data-testid="compose-product"
              >
                <option value="">{t('pub.compose.noProduct')}</option>
                {products.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.inStock ? '' : ` (${t('pub.product.outOfStock')})`}
                  </option>
                ))}
              </select>
              <FieldError errors={save.byField} field="productId" />
            </label>
          )}
        </div>
        <MediaFields
          draft={draft}
          hasProductImages={!product || product.imageUrls.length > 0}
          errors={save.byField}
          set={set}
        />
        <CaptionFields draft={draft} templates={templates} errors={save.byField} set={set} />
        {draft.mediaType !== 'story' && (
          <label className="field">
            <span>{t('pub.compose.firstComment')}</span>
            <input
              value={draft.firstComment}
              maxLength={2200}
              onChange={(e) => set('firstComment', e.target.value)}
              data-testid="compose-first-comment"
            />
            <span className="muted small">{t('pub.compose.firstCommentHint')}</span>
            <FieldError errors={save.byField} field="firstComment" />
          </label>
        )}
        <WhenFields
          draft={draft}
          canRepeat={post === null}
          products={products}
          errors={save.byField}
          set={set}
        />
        {problem && (
          <p className="pub-field-error" role="alert" data-testid="compose-problem">
            {t(`pub.compose.problem.${problem}`)}
          </p>
        )}
        <div className="pub-form-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={save.busy || !ctx.isOwner}
            data-testid="compose-submit"
          >
            {save.busy ? t('pub.saving') : t(`pub.compose.submit.${draft.when}`)}
          </button>
        </div>
      </div>
      <div className="pub-compose-preview">
        {draft.mediaType !== 'story' && <CaptionPreviewPanel {...preview} />}
        <h3>{t('pub.compose.mediaPreview')}</h3>
        {media.length ? (
          <MediaPreview items={media} coverUrl={draft.coverUrl || null} />
        ) : (
          <p className="muted small">{t('pub.compose.noMedia')}</p>
        )}
      </div>
    </form>
  );
}
