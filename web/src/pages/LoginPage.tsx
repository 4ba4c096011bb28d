import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { LanguagePicker } from '../components/LanguagePicker.js';
import { useT } from '../i18n/context.js';
import { useSession } from '../lib/session.js';
import type { LoginResponse } from '../lib/types.js';

export function LoginPage() {
  const t = useT();
  const { api, signIn, endedBecause } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<LoginResponse>('/auth/login', { email: email.trim(), password });
      signIn(res.accessToken);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <div className="login-lang">
        <LanguagePicker />
      </div>
      <form className="card login-card" onSubmit={submit} data-testid="login-form">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <p className="muted login-tagline">{t('app.tagline')}</p>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        {endedBecause === 'expired' && !error && (
          <div className="alert alert-info" role="status">
            {t('login.sessionExpired')}
          </div>
        )}
        <ErrorMessage error={error} testId="login-error" />
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="login-email"
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary btn-block"
          disabled={busy}
          data-testid="login-submit"
        >
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
