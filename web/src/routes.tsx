import type { ReactNode } from 'react';
import { matchPath } from './lib/router.js';
import { AccountsPage } from './pages/accounts/AccountsPage.js';
import { AutomationPage } from './pages/automation/AutomationPage.js';
import { DeliveriesPage } from './pages/deliveries/DeliveriesPage.js';
import { DeliveryDetailPage } from './pages/deliveries/DeliveryDetailPage.js';
import { DiagnosticsPage } from './pages/diagnostics/DiagnosticsPage.js';
import { HomePage } from './pages/HomePage.js';
import { InboxPage } from './pages/inbox/InboxPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { PublishingPage } from './pages/publishing/PublishingPage.js';
import { StatisticsPage } from './pages/statistics/StatisticsPage.js';

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
  { pattern: '/diagnostics', render: () => <DiagnosticsPage /> },
  { pattern: '/automation', render: () => <AutomationPage /> },
  { pattern: '/automation/:section', render: ({ section }) => <AutomationPage section={section} /> },
  // One element type for both, so opening a conversation keeps the list as it is.
  { pattern: '/inbox', render: () => <InboxPage /> },
  {
    pattern: '/inbox/:conversationId',
    render: ({ conversationId = '' }) => <InboxPage conversationId={conversationId} />,
  },
  { pattern: '/statistics', render: () => <StatisticsPage /> },
  // One element type for all, so moving between its parts keeps the page's shared state.
  { pattern: '/publishing', render: () => <PublishingPage /> },
  { pattern: '/publishing/:section', render: ({ section }) => <PublishingPage section={section} /> },
  {
    pattern: '/publishing/:section/:id',
    render: ({ section, id }) => <PublishingPage section={section} id={id} />,
  },
];

export function renderRoute(path: string): ReactNode {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return route.render(params);
  }
  return <NotFoundPage />;
}
