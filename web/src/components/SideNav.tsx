import { useT } from '../i18n/context.js';
import { Link, useRouter } from '../lib/router.js';
import { isActive, type NavItem, navItems } from '../nav.js';
import { Icon } from './Icon.js';

const testIdOf = (item: NavItem) => `nav-${item.label.slice('nav.'.length)}`;

export function SideNav() {
  const t = useT();
  const { path } = useRouter();
  const ready = navItems.filter((i) => !i.soon);
  const soon = navItems.filter((i) => i.soon);
  return (
    <nav className="sidenav" aria-label={t('nav.label')}>
      <div className="sidenav-inner">
        <ul>
          {ready.map((item) => {
            const active = isActive(item, path);
            return (
              <li key={item.to}>
                <Link
                  to={item.to}
                  className={`nav-item${active ? ' nav-item-active' : ''}`}
                  aria-current={active ? 'page' : undefined}
                  data-testid={testIdOf(item)}
                >
                  <Icon name={item.icon} />
                  <span className="nav-label">{t(item.label)}</span>
                </Link>
              </li>
            );
          })}
        </ul>
        {soon.length > 0 && (
          <div className="nav-soon">
            <p className="nav-section">{t('nav.soon')}</p>
            <ul>
              {soon.map((item) => (
                <li key={item.to}>
                  <span className="nav-item nav-item-soon" data-testid={testIdOf(item)} aria-disabled="true">
                    <Icon name={item.icon} />
                    <span className="nav-label">{t(item.label)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </nav>
  );
}
