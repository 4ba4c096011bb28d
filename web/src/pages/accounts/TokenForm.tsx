import { type FormEvent, useState } from 'react';
import { DetailedError } from '../../components/DetailedError.js';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { accountLabel } from './status.js';
import type { Account } from './types.js';
import { useAction } from './use-action.js';

/** Connect by pasting a long-lived Instagram access token; the server checks it with Meta first. */
export function TokenForm({ onConnected }: { onConnected(account: Account): void }) {
  const t = useT();
  const api = useApi();
  const [token, setToken] = useState('');
  const connect = useAction<Account>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const accessToken = token.trim();
    if (!accessToken) return;
    const account = await connect.run(() =>
      api.post<Account>('/accounts', { provider: 'instagram', accessToken }),
    );
    if (account) {
      setToken('');
      onConnected(account);
    }
  };

  return (
    <section className="card connect-card" data-testid="connect-token-card">
      <h3>{t('connect.token.title')}</h3>
      <p className="muted small">{t('connect.token.text')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('connect.token.label')}</span>
          <input
            type="password"
            className="mono"
            value={token}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setToken(e.target.value)}
            data-testid="token-input"
          />
        </label>
        <DetailedError error={connect.error} testId="token-error" />
        {connect.result && (
          <p className="text-ok small" role="status" data-testid="token-success">
            {t('connect.done', { name: accountLabel(connect.result) })}
          </p>
        )}
        <button
          type="submit"
          className="btn"
          disabled={connect.busy || !token.trim()}
          data-testid="token-submit"
        >
          {connect.busy ? t('connect.token.submitting') : t('connect.token.submit')}
        </button>
      </form>
    </section>
  );
}
