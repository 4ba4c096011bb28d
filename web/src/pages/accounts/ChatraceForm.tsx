import { type FormEvent, useState } from 'react';
import { DetailedError } from '../../components/DetailedError.js';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import type { ChatraceConnection } from './types.js';
import { useAction } from './use-action.js';

export function ChatraceForm({ onConnected }: { onConnected(connection: ChatraceConnection): void }) {
  const t = useT();
  const api = useApi();
  const [apiToken, setApiToken] = useState('');
  const [igUserId, setIgUserId] = useState('');
  const connect = useAction<ChatraceConnection>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!apiToken.trim()) return;
    const body = { provider: 'chatrace', apiToken: apiToken.trim(), igUserId: igUserId.trim() || undefined };
    const connection = await connect.run(() => api.post<ChatraceConnection>('/accounts', body));
    if (connection) {
      setApiToken('');
      setIgUserId('');
      onConnected(connection);
    }
  };

  return (
    <section className="card connect-card" data-testid="connect-chatrace-card">
      <h3>{t('connect.chatrace.title')}</h3>
      <p className="muted small">{t('connect.chatrace.text')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('connect.chatrace.apiToken')}</span>
          <input
            type="password"
            className="mono"
            value={apiToken}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setApiToken(e.target.value)}
            data-testid="chatrace-api-token"
          />
        </label>
        <label className="field">
          <span>{t('connect.chatrace.igUserId')}</span>
          <input
            className="mono"
            inputMode="numeric"
            value={igUserId}
            autoComplete="off"
            onChange={(e) => setIgUserId(e.target.value)}
            data-testid="chatrace-ig-user-id"
          />
          <span className="muted small field-hint">{t('connect.chatrace.igUserIdHint')}</span>
        </label>
        <DetailedError error={connect.error} testId="chatrace-error" />
        <button
          type="submit"
          className="btn"
          disabled={connect.busy || !apiToken.trim()}
          data-testid="chatrace-submit"
        >
          {connect.busy ? t('connect.submitting') : t('connect.chatrace.submit')}
        </button>
      </form>
    </section>
  );
}
