import { useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { OAuthUrlResponse } from './types.js';

/**
 * Starts Instagram Login: asks the server for the login URL (its state is bound to this user) and
 * leaves for Instagram, which sends the browser back to /accounts?connected=… or ?error=….
 * Re-authorising an expiring account is the same journey.
 */
export function useInstagramLogin() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const { loginUrl } = await api.get<OAuthUrlResponse>('/accounts/oauth-url');
      window.location.assign(loginUrl);
      // stays busy: the page is being replaced
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return { start, busy, error };
}
