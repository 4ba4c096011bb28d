import { useT } from '../../i18n/context.js';

type Row = { key: string; value: string };

/** extra product values a caption template can name: a field "колір" is `{колір}` */
export function CustomFieldsEditor({ rows, onChange }: { rows: Row[]; onChange(rows: Row[]): void }) {
  const t = useT();
  const example = t('pub.product.exampleField');
  const update = (i: number, patch: Partial<Row>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="pub-custom-fields" data-testid="custom-fields">
      <legend>{t('pub.product.customFields')}</legend>
      <p className="muted small">
        {t('pub.product.customFieldsHint', { name: example, variable: `{${example}}` })}
      </p>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while typed
        <div key={i} className="pub-row">
          <input
            value={r.key}
            placeholder={t('pub.product.fieldName')}
            aria-label={t('pub.product.fieldName')}
            className="mono"
            onChange={(e) => update(i, { key: e.target.value })}
            data-testid="custom-field-key"
          />
          <input
            value={r.value}
            placeholder={t('pub.product.fieldValue')}
            aria-label={t('pub.product.fieldValue')}
            onChange={(e) => update(i, { value: e.target.value })}
            data-testid="custom-field-value"
          />
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t('pub.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange([...rows, { key: '', value: '' }])}
        data-testid="custom-field-add"
      >
        {t('pub.product.addField')}
      </button>
    </fieldset>
  );
}
