import type { IconName } from './components/Icon.js';
import type { MessageKey } from './i18n/en.js';

export interface NavItem {
  to: string;
  label: MessageKey;
  icon: IconName;
  /** shown greyed out until the page exists */
  soon?: boolean;
}

// The side navigation, in order. Adding a page is one line here plus its route in routes.tsx.
export const navItems: readonly NavItem[] = [
  { to: '/', label: 'nav.home', icon: 'home' },
  { to: '/deliveries', label: 'nav.deliveries', icon: 'log' },
  { to: '/inbox', label: 'nav.inbox', icon: 'inbox' },
  { to: '/automation', label: 'nav.automation', icon: 'automation' },
  { to: '/publishing', label: 'nav.publishing', icon: 'publishing' },
  { to: '/statistics', label: 'nav.statistics', icon: 'statistics' },
  { to: '/accounts', label: 'nav.accounts', icon: 'accounts' },
  { to: '/diagnostics', label: 'nav.diagnostics', icon: 'diagnostics' },
];

export function isActive(item: NavItem, path: string): boolean {
  return item.to === '/' ? path === '/' : path === item.to || path.startsWith(`${item.to}/`);
}
