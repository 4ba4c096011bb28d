import { type FormEvent, useState } from 'react';
import { DetailedError } from '../../components/DetailedError.js';
import { useT } from '../../i18n/context.js';
import { ApiError } from '../../lib/api.js';
import { useApi } from '../../lib/session.js';
import { type FieldMapForm as Form, fieldMapFromForm, formFromFieldMap, invalidFields } from './chatrace.js';
import { type Account, fieldMapKeys } from './types.js';
import { useAction } from './use-action.js';

/** "Advanced: field mapping" for a Chatrace account: a JSONPath per field of the External Request body. */
export function FieldMapForm({ account, onSaved }: { account: Account; onSaved(): void }) {
  const t = useT();
  const api = useApi();
  const [form, setForm] = useState<Form>(() => formFromFieldMap(account.chatraceFieldMap));
  const save = useAction<Account>();
  const bad = save.error instanceof ApiError ? invalidFields(save.error.details) : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { chatraceFieldMap: fieldMapFromForm(form) };
    const saved = await save.run(() =>
      api.patch<Account>(`/accounts/${encodeURIComponent(account.id)}`, body),
    );
    if (saved) onSaved();
  };

  return (
    <details className="field-map" data-testid="field-map">
      <summary>{t('fieldMap.title')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted small">{t('fieldMap.intro')}</p>
        <div className="field-map-grid">
          {fieldMapKeys.map((key) => (
            <label key={key} className="field">
              <span>{t(`fieldMap.field.${key}`)}</span>
              <input
                className={`mono${bad.includes(key) ? ' input-invalid' : ''}`}
                value={form[key]}
                placeholder="$.data…"
                spellCheck={false}
                autoComplete="off"
                aria-invalid={bad.includes(key) || undefined}
                onChange={(e) => setForm({ ...form, [key]: e.target.value })}
                data-testid={`field-map-${key}`}
              />
              {bad.includes(key) && <span className="text-bad small">{t('fieldMap.invalid')}</span>}
            </label>
          ))}
        </div>
        <DetailedError error={save.error} testId="field-map-error" />
        <div className="account-buttons">
          <button type="submit" className="btn btn-small" disabled={save.busy} data-testid="field-map-save">
            {save.busy ? t('fieldMap.saving') : t('fieldMap.save')}
          </button>
          {save.result && (
            <span className="text-ok small" role="status" data-testid="field-map-saved">
              {t('fieldMap.saved')}
            </span>
          )}
        </div>
      </form>
    </details>
  );
}
