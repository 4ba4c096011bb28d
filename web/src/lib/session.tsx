import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { type ApiClient, createApi } from './api.js';

const tokenKey = 'relaydesk.token';

function readToken(): string | null {
  try {
    return localStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(tokenKey, token);
    else localStorage.removeItem(tokenKey);
  } catch {
    // storage unavailable: the session lives in memory only
  }
}

export type LogoutReason = 'user' | 'expired';

interface Session {
  token: string | null;
  api: ApiClient;
  /** why the last session ended, shown once on the login page */
  endedBecause: LogoutReason | null;
  signIn(token: string): void;
  signOut(reason?: LogoutReason): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(readToken);
  const [endedBecause, setEndedBecause] = useState<LogoutReason | null>(null);
  // The api client reads the token through a ref so it never needs recreating.
  const tokenRef = useRef(token);
  tokenRef.current = token;

  const signOut = useCallback((reason: LogoutReason = 'user') => {
    writeToken(null);
    tokenRef.current = null;
    setToken(null);
    setEndedBecause(reason);
  }, []);
  const signIn = useCallback((next: string) => {
    writeToken(next);
    tokenRef.current = next;
    setToken(next);
    setEndedBecause(null);
  }, []);
  const api = useMemo(
    () => createApi({ getToken: () => tokenRef.current, onUnauthorized: () => signOut('expired') }),
    [signOut],
  );
  const value = useMemo(
    () => ({ token, api, endedBecause, signIn, signOut }),
    [token, api, endedBecause, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}

export function useApi(): ApiClient {
  return useSession().api;
}
