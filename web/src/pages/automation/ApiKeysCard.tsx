import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { loadAll } from '../../lib/load-all.js';
import { useApi } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import { useAction } from '../accounts/use-action.js';
import { ApiKeyList } from './ApiKeyList.js';
import { FieldNote } from './FieldNote.js';
import { fieldProblems } from './field-errors.js';
import { SecretOnce } from './SecretOnce.js';
import { type ApiKey, type ApiKeyScope, apiKeyScopes, type CreatedApiKey } from './types.js';
import type { AutomationContext } from './use-automation-context.js';

/** Workspace API keys for scripts and external bots: created with scopes, shown once, revocable. */
export function ApiKeysCard({ ctx }: { ctx: AutomationContext }) {
  const t = useT();
  const api = useApi();
  const keys = useQuery((a) => loadAll<ApiKey>(a, '/api-keys'), []);
  const create = useAction<CreatedApiKey>();
  const revoke = useAction<boolean>();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['read', 'write']);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const problems = { local: [], server: fieldProblems(create.error) };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || scopes.length === 0) return;
    const key = await create.run(() => api.post<CreatedApiKey>('/api-keys', { name: name.trim(), scopes }));
    if (!key) return;
    setCreated(key);
    setName('');
    await keys.reload();
  };
  const doRevoke = async (id: string) => {
    const done = await revoke.run(async () => {
      await api.del(`/api-keys/${encodeURIComponent(id)}`);
      return true;
    });
    if (done) await keys.reload();
  };
  const toggle = (s: ApiKeyScope) =>
    setScopes((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]));

  return (
    <section className="card" data-testid="api-keys-card">
      <h2>{t('automation.keys.title')}</h2>
      <p className="muted small">{t('automation.keys.text')}</p>
      {created && (
        <SecretOnce
          title={t('automation.keys.createdTitle', { name: created.name })}
          value={created.key}
          testId="api-key-secret"
          onDone={() => setCreated(null)}
        />
      )}
      {ctx.isOwner && (
        <form className="auto-row auto-key-form" onSubmit={(e) => void submit(e)} noValidate>
          <label className="field auto-grow">
            <span>{t('automation.keys.name')}</span>
            <input
              value={name}
              maxLength={100}
              placeholder={t('automation.keys.namePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              data-testid="api-key-name"
            />
            <FieldNote problems={problems} field="name" />
          </label>
          <fieldset className="auto-fieldset auto-scopes">
            <legend>{t('automation.keys.scopes')}</legend>
            {apiKeyScopes.map((s) => (
              <label key={s} className="toggle" title={t(`automation.keys.scope.${s}.hint`)}>
                <input
                  type="checkbox"
                  checked={scopes.includes(s)}
                  onChange={() => toggle(s)}
                  data-testid={`api-key-scope-${s}`}
                />
                <span>{t(`automation.keys.scope.${s}`)}</span>
              </label>
            ))}
          </fieldset>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={create.busy || !name.trim() || scopes.length === 0}
            data-testid="api-key-create"
          >
            {t('automation.keys.create')}
          </button>
        </form>
      )}
      <ErrorMessage error={create.error} testId="api-key-error" />
      <ErrorMessage
        error={keys.error ?? revoke.error}
        onRetry={() => void keys.reload()}
        testId="api-keys-error"
      />
      {keys.data?.length === 0 && <p className="muted small">{t('automation.keys.empty')}</p>}
      {keys.data && keys.data.length > 0 && (
        <ApiKeyList
          keys={keys.data}
          canRevoke={ctx.isOwner}
          busy={revoke.busy}
          onRevoke={(id) => void doRevoke(id)}
        />
      )}
    </section>
  );
}
