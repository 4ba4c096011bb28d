import type { ReactNode } from 'react';
import { matchPath } from './lib/router.js';
import { AccountsPage } from './pages/accounts/AccountsPage.js';
import { DeliveriesPage } from './pages/deliveries/DeliveriesPage.js';
import { DeliveryDetailPage } from './pages/deliveries/DeliveryDetailPage.js';
import { HomePage } from './pages/HomePage.js';
import { InboxPage } from './pages/inbox/InboxPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';

interface Route {
  pattern: string;
  render(params: Record<string, string>): ReactNode;
}

// Signed-in pages; /login is handled by App before these are consulted.
const routes: readonly Route[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/deliveries', render: () => <DeliveriesPage /> },
  { pattern: '/deliveries/:id', render: ({ id = '' }) => <DeliveryDetailPage key={id} id={id} /> },
  { pattern: '/accounts', render: () => <AccountsPage /> },
  // One element type for both, so opening a conversation keeps the list as it is.
  { pattern: '/inbox', render: () => <InboxPage /> },
  {
    pattern: '/inbox/:conversationId',
    render: ({ conversationId = '' }) => <InboxPage conversationId={conversationId} />,
  },
];

export function renderRoute(path: string): ReactNode {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return route.render(params);
  }
  return <NotFoundPage />;
}
