import { type FormEvent, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { DetailedError } from '../../components/DetailedError.js';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { CustomFieldsEditor } from './CustomFieldsEditor.js';
import { FieldError } from './FieldError.js';
import { draftOf, emptyDraft, type ProductDraft, parseHashtags, toProductBody } from './product-form.js';
import type { ProductView } from './types.js';
import { useSave } from './use-save.js';

const fields = [
  'name',
  'price',
  'currency',
  'description',
  'imageUrls',
  'url',
  'hashtags',
  'inStock',
  'customFields',
];

interface Props {
  product: ProductView | null;
  readOnly: boolean;
  onSaved(p: ProductView): void;
  onDeleted(): void;
}

/** Create or change a product; the server checks everything at once and says what is wrong where. */
export function ProductForm({ product, readOnly, onSaved, onDeleted }: Props) {
  const t = useT();
  const api = useApi();
  const [draft, setDraft] = useState<ProductDraft>(() => (product ? draftOf(product) : emptyDraft()));
  const save = useSave(fields);
  const set = <K extends keyof ProductDraft>(k: K, v: ProductDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = toProductBody(draft);
    const saved = await save.run(() =>
      product
        ? api.patch<ProductView>(`/products/${product.id}`, body)
        : api.post<ProductView>('/products', body),
    );
    if (saved) onSaved(saved);
  };
  const remove = async () => {
    if (product && (await save.run(() => api.del(`/products/${product.id}`))) !== undefined) onDeleted();
  };
  const tags = parseHashtags(draft.hashtags);

  return (
    <form className="card pub-form" onSubmit={(e) => void submit(e)} data-testid="product-form" noValidate>
      <h2>{product ? t('pub.product.edit', { name: product.name }) : t('pub.product.new')}</h2>
      <DetailedError error={save.formError} testId="product-error" />
      <fieldset disabled={readOnly} className="pub-fieldset">
        <label className="field">
          <span>{t('pub.product.name')}</span>
          <input
            value={draft.name}
            maxLength={200}
            onChange={(e) => set('name', e.target.value)}
            data-testid="product-name"
          />
          <FieldError errors={save.byField} field="name" />
        </label>
        <div className="pub-row">
          <label className="field">
            <span>{t('pub.product.price')}</span>
            <input
              value={draft.price}
              inputMode="decimal"
              onChange={(e) => set('price', e.target.value)}
              data-testid="product-price"
            />
            <FieldError errors={save.byField} field="price" />
          </label>
          <label className="field pub-narrow">
            <span>{t('pub.product.currency')}</span>
            <input
              value={draft.currency}
              maxLength={3}
              className="mono"
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
              data-testid="product-currency"
            />
            <FieldError errors={save.byField} field="currency" />
          </label>
        </div>
        <label className="field">
          <span>{t('pub.product.description')}</span>
          <textarea
            rows={3}
            value={draft.description}
            onChange={(e) => set('description', e.target.value)}
            data-testid="product-description"
          />
          <FieldError errors={save.byField} field="description" />
        </label>
        <label className="field">
          <span>{t('pub.product.imageUrls')}</span>
          <textarea
            rows={2}
            className="mono"
            value={draft.imageUrls}
            placeholder="https://…/photo.jpg"
            onChange={(e) => set('imageUrls', e.target.value)}
            data-testid="product-images"
          />
          <span className="muted small">{t('pub.product.imageUrlsHint')}</span>
          <FieldError errors={save.byField} field="imageUrls" />
        </label>
        <label className="field">
          <span>{t('pub.product.url')}</span>
          <input
            value={draft.url}
            type="url"
            placeholder="https://"
            onChange={(e) => set('url', e.target.value)}
            data-testid="product-url"
          />
          <FieldError errors={save.byField} field="url" />
        </label>
        <label className="field">
          <span>{t('pub.product.hashtags')}</span>
          <input
            value={draft.hashtags}
            onChange={(e) => set('hashtags', e.target.value)}
            data-testid="product-hashtags"
          />
          <span className="pub-tags" data-testid="product-hashtag-words">
            {tags.length ? (
              tags.map((w) => (
                <span key={w} className="pub-tag">
                  #{w}
                </span>
              ))
            ) : (
              <span className="muted small">{t('pub.product.hashtagsHint')}</span>
            )}
          </span>
          <FieldError errors={save.byField} field="hashtags" />
        </label>
        <label className="toggle pub-stock">
          <input
            type="checkbox"
            checked={draft.inStock}
            onChange={(e) => set('inStock', e.target.checked)}
            data-testid="product-in-stock"
          />
          <span>{t('pub.product.inStock')}</span>
        </label>
        <CustomFieldsEditor rows={draft.customFields} onChange={(rows) => set('customFields', rows)} />
        <FieldError errors={save.byField} field="customFields" />
      </fieldset>
      {!readOnly && (
        <div className="pub-form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.busy} data-testid="product-save">
            {save.busy ? t('pub.saving') : t('pub.save')}
          </button>
          {product && (
            <ConfirmButton
              label={t('pub.delete')}
              confirmLabel={t('pub.delete')}
              question={t('pub.product.confirmDelete')}
              cancelLabel={t('pub.cancel')}
              onConfirm={remove}
              testId="product-delete"
            />
          )}
        </div>
      )}
    </form>
  );
}
