import type { ReactNode } from 'react';
import { useT } from '../i18n/context.js';
import { useSession } from '../lib/session.js';
import type { MeResponse } from '../lib/types.js';
import { useQuery } from '../lib/use-query.js';
import { Icon } from './Icon.js';
import { LanguagePicker } from './LanguagePicker.js';
import { SideNav } from './SideNav.js';

export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const { signOut } = useSession();
  const me = useQuery((api) => api.get<MeResponse>('/me'), []);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="workspace" title={t('header.workspace')}>
          <span className="workspace-name" data-testid="workspace-name">
            {me.data?.workspace.name ?? ''}
          </span>
          {me.data && (
            <span className="workspace-user">{t('header.signedInAs', { email: me.data.user.email })}</span>
          )}
        </div>
        <div className="topbar-actions">
          <LanguagePicker />
          <button
            type="button"
            className="btn btn-ghost"
            data-testid="logout"
            onClick={() => signOut('user')}
          >
            <Icon name="logout" size={16} />
            <span>{t('header.logout')}</span>
          </button>
        </div>
      </header>
      <SideNav />
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}
