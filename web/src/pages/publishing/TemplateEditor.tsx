import { type FormEvent, useRef, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { DetailedError } from '../../components/DetailedError.js';
import { useI18n } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { CaptionPreviewPanel } from './CaptionPreviewPanel.js';
import { FieldError } from './FieldError.js';
import { templateProblems } from './field-errors.js';
import { LocaleSelect } from './LocaleSelect.js';
import { customFieldNames, insertVariable } from './template-vars.js';
import type { ProductView, TemplateView } from './types.js';
import { useCaptionPreview } from './use-caption-preview.js';
import { useSave } from './use-save.js';
import { VariableButtons } from './VariableButtons.js';

const fields = ['name', 'body', 'locale'];

interface Props {
  template: TemplateView | null;
  products: ProductView[];
  readOnly: boolean;
  onSaved(t: TemplateView): void;
  onDeleted(): void;
}

/** A caption template with its variables at hand and the caption it renders, live, for a chosen product. */
export function TemplateEditor({ template, products, readOnly, onSaved, onDeleted }: Props) {
  const { t, locale: uiLocale } = useI18n();
  const api = useApi();
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [locale, setLocale] = useState(template?.locale ?? 'uk-UA');
  const [productId, setProductId] = useState(products[0]?.id ?? '');
  const area = useRef<HTMLTextAreaElement>(null);
  const save = useSave(fields);
  const preview = useCaptionPreview({ body, productId: productId || undefined, locale });
  const invalid = templateProblems(save.error);

  const insert = (variable: string) => {
    const el = area.current;
    const next = insertVariable(
      body,
      el?.selectionStart ?? body.length,
      el?.selectionEnd ?? body.length,
      variable,
    );
    setBody(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const payload = { name: name.trim(), body, locale };
    const saved = await save.run(() =>
      template
        ? api.patch<TemplateView>(`/caption-templates/${template.id}`, payload)
        : api.post<TemplateView>('/caption-templates', payload),
    );
    if (saved) onSaved(saved);
  };
  const remove = async () => {
    if (template && (await save.run(() => api.del(`/caption-templates/${template.id}`))) !== undefined)
      onDeleted();
  };

  return (
    <form
      className="card pub-form pub-template-editor"
      onSubmit={(e) => void submit(e)}
      data-testid="template-editor"
      noValidate
    >
      <h2>{template ? t('pub.template.edit', { name: template.name }) : t('pub.template.new')}</h2>
      <DetailedError error={invalid ? null : save.formError} testId="template-error" />
      <fieldset disabled={readOnly} className="pub-fieldset">
        <div className="pub-row">
          <label className="field">
            <span>{t('pub.template.name')}</span>
            <input
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              data-testid="template-name"
            />
            <FieldError errors={save.byField} field="name" />
          </label>
          <LocaleSelect value={locale} onChange={setLocale} testId="template-locale" />
        </div>
        <VariableButtons custom={customFieldNames(products, uiLocale)} onInsert={insert} />
        <label className="field">
          <span>{t('pub.template.body')}</span>
          <textarea
            ref={area}
            rows={6}
            value={body}
            placeholder={'🎁 {product_name} - {product_price}₴\n{hashtags}'}
            onChange={(e) => {
              setBody(e.target.value);
              // the last save's complaint was about the text as it was
              save.reset();
            }}
            data-testid="template-body"
          />
          <FieldError errors={save.byField} field="body" />
          {invalid && (
            <span className="pub-field-error" role="alert" data-testid="template-invalid">
              {invalid.unknown.length > 0 &&
                t('pub.template.unknownOnSave', { names: invalid.unknown.map((v) => `{${v}}`).join(', ') })}
              {invalid.syntax.map((s) => ` ${s}`).join('')}
            </span>
          )}
        </label>
      </fieldset>
      <label className="field field-inline pub-preview-product">
        <span>{t('pub.preview.product')}</span>
        <select
          value={productId}
          onChange={(e) => setProductId(e.target.value)}
          data-testid="preview-product"
        >
          <option value="">{t('pub.preview.sample')}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <CaptionPreviewPanel {...preview} />
      {!readOnly && (
        <div className="pub-form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.busy} data-testid="template-save">
            {save.busy ? t('pub.saving') : t('pub.save')}
          </button>
          {template && (
            <ConfirmButton
              label={t('pub.delete')}
              confirmLabel={t('pub.delete')}
              question={t('pub.template.confirmDelete')}
              cancelLabel={t('pub.cancel')}
              onConfirm={remove}
              testId="template-delete"
            />
          )}
        </div>
      )}
    </form>
  );
}
