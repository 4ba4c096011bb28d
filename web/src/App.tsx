import { useEffect } from 'react';
import { Layout } from './components/Layout.js';
import { I18nProvider } from './i18n/context.js';
import { RouterProvider, useRouter } from './lib/router.js';
import { SessionProvider, useSession } from './lib/session.js';
import { LoginPage } from './pages/LoginPage.js';
import { renderRoute } from './routes.js';

/** Signed out → /login?next=<where they were>; signed in on /login → back to next. */
function Screens() {
  const { token } = useSession();
  const { path, search, navigate } = useRouter();
  const onLogin = path === '/login';
  useEffect(() => {
    if (!token && !onLogin) {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(path + search)}`;
      navigate(`/login${next}`, { replace: true });
    } else if (token && onLogin) {
      const next = new URLSearchParams(search).get('next');
      // Only same-site paths: never bounce to another origin via ?next=.
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    }
  }, [token, onLogin, path, search, navigate]);

  if (!token) return onLogin ? <LoginPage /> : null;
  if (onLogin) return null;
  return <Layout>{renderRoute(path)}</Layout>;
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
