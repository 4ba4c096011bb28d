import { useT } from '../../i18n/context.js';
import { type AutoPostDraft, guessMediaType, mediaHint } from './auto-post-form.js';
import { FieldError } from './FieldError.js';
import type { FieldErrors } from './field-errors.js';
import { Segmented } from './Segmented.js';
import { type MediaItem, mediaTypes } from './schedule-types.js';

interface Props {
  draft: AutoPostDraft;
  hasProductImages: boolean;
  errors: FieldErrors;
  set<K extends keyof AutoPostDraft>(k: K, v: AutoPostDraft[K]): void;
}

/** the kind of post and its pictures or video: the product's images, or URLs given here */
export function MediaFields({ draft, hasProductImages, errors, set }: Props) {
  const t = useT();
  const own = draft.mediaType === 'reel' || !draft.useProductImages;
  const hint = mediaHint(draft);
  const setItem = (i: number, patch: Partial<MediaItem>) =>
    set(
      'media',
      draft.media.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  return (
    <fieldset className="pub-media-fields">
      <legend>{t('pub.compose.media')}</legend>
      <Segmented
        name="media-type"
        label={t('pub.compose.mediaType')}
        value={draft.mediaType}
        options={mediaTypes.map((m) => ({ value: m, label: t(`pub.mediaType.${m}`) }))}
        onChange={(m) => set('mediaType', m)}
      />
      <p className="muted small">{t(`pub.compose.mediaHelp.${draft.mediaType}`)}</p>
      {draft.mediaType !== 'reel' && (
        <label className="toggle">
          <input
            type="checkbox"
            checked={draft.useProductImages}
            onChange={(e) => set('useProductImages', e.target.checked)}
            data-testid="use-product-images"
          />
          <span>{t('pub.compose.useProductImages')}</span>
        </label>
      )}
      {draft.mediaType !== 'reel' && draft.useProductImages && !hasProductImages && (
        <p className="small pub-warn">{t('pub.compose.noProductImages')}</p>
      )}
      {own && (
        <div className="pub-media-rows" data-testid="media-rows">
          {draft.media.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
            <div key={i} className="pub-row">
              <input
                value={m.url}
                type="url"
                placeholder="https://…"
                aria-label={t('pub.compose.mediaUrl', { n: i + 1 })}
                className="mono"
                onChange={(e) => setItem(i, { url: e.target.value, type: guessMediaType(e.target.value) })}
                data-testid="media-url"
              />
              <select
                value={m.type}
                aria-label={t('pub.compose.mediaKind')}
                onChange={(e) => setItem(i, { type: e.target.value as MediaItem['type'] })}
              >
                <option value="image">{t('pub.media.image')}</option>
                <option value="video">{t('pub.media.video')}</option>
              </select>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() =>
                  set(
                    'media',
                    draft.media.filter((_, j) => j !== i),
                  )
                }
              >
                {t('pub.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              set('media', [
                ...draft.media,
                { type: draft.mediaType === 'reel' ? 'video' : 'image', url: '' },
              ])
            }
            data-testid="media-add"
          >
            {t('pub.compose.addMedia')}
          </button>
        </div>
      )}
      {hint && (
        <p className="small pub-warn" data-testid="media-hint">
          {t(`pub.compose.hint.${hint}`)}
        </p>
      )}
      <FieldError errors={errors} field="media" />
      {draft.mediaType === 'reel' && (
        <>
          <label className="field">
            <span>{t('pub.compose.cover')}</span>
            <input
              value={draft.coverUrl}
              type="url"
              placeholder="https://…/cover.jpg"
              className="mono"
              onChange={(e) => set('coverUrl', e.target.value)}
              data-testid="reel-cover"
            />
            <FieldError errors={errors} field="coverUrl" />
          </label>
          <label className="toggle">
            <input
              type="checkbox"
              checked={draft.shareToFeed}
              onChange={(e) => set('shareToFeed', e.target.checked)}
              data-testid="reel-share"
            />
            <span>{t('pub.compose.shareToFeed')}</span>
          </label>
        </>
      )}
    </fieldset>
  );
}
