import { useT } from '../../i18n/context.js';
import type { AutoPostDraft, CaptionMode } from './auto-post-form.js';
import { FieldError } from './FieldError.js';
import type { FieldErrors } from './field-errors.js';
import { LocaleSelect } from './LocaleSelect.js';
import { Segmented } from './Segmented.js';
import type { TemplateView } from './types.js';

const modes: CaptionMode[] = ['saved', 'template', 'text'];

interface Props {
  draft: AutoPostDraft;
  templates: TemplateView[];
  errors: FieldErrors;
  set<K extends keyof AutoPostDraft>(k: K, v: AutoPostDraft[K]): void;
}

/** a saved template, a template written for this post, or a plain caption */
export function CaptionFields({ draft, templates, errors, set }: Props) {
  const t = useT();
  if (draft.mediaType === 'story') return <p className="muted small">{t('pub.compose.storyNoCaption')}</p>;
  return (
    <fieldset className="pub-media-fields">
      <legend>{t('pub.compose.captionFrom')}</legend>
      <Segmented
        name="caption-mode"
        label={t('pub.compose.captionFrom')}
        value={draft.captionMode}
        options={modes.map((m) => ({ value: m, label: t(`pub.compose.captionMode.${m}`) }))}
        onChange={(m) => set('captionMode', m)}
      />
      {draft.captionMode === 'saved' && (
        <label className="field">
          <span>{t('pub.compose.template')}</span>
          <select
            value={draft.templateId}
            onChange={(e) => set('templateId', e.target.value)}
            data-testid="compose-template"
          >
            <option value="">{t('pub.compose.noCaption')}</option>
            {templates.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="captionTemplateId" />
        </label>
      )}
      {draft.captionMode !== 'saved' && (
        <label className="field">
          <span>
            {t(draft.captionMode === 'template' ? 'pub.compose.templateText' : 'pub.compose.caption')}
          </span>
          <textarea
            rows={5}
            value={draft.text}
            onChange={(e) => set('text', e.target.value)}
            data-testid="compose-caption"
          />
          <FieldError
            errors={errors}
            field={draft.captionMode === 'template' ? 'captionTemplate' : 'caption'}
          />
        </label>
      )}
      {draft.captionMode === 'template' && (
        <LocaleSelect value={draft.locale} onChange={(v) => set('locale', v)} testId="compose-locale" />
      )}
    </fieldset>
  );
}
