import type { Query } from '../../lib/api.js';
import type { ConversationView } from './types.js';

// The list's filters live in the address (/inbox?status=closed&unread=true&q=olena), so a
// filtered view survives a reload and can be shared. Open conversations are the default view.

export const statusFilters = ['open', 'closed', 'all'] as const;
export type StatusFilter = (typeof statusFilters)[number];

export interface InboxFilters {
  account: string;
  status: StatusFilter;
  unread: boolean;
  q: string;
}

export const defaultFilters: InboxFilters = { account: '', status: 'open', unread: false, q: '' };

export function filtersFromSearch(search: string): InboxFilters {
  const p = new URLSearchParams(search);
  const status = p.get('status');
  return {
    account: p.get('account')?.slice(0, 64) ?? '',
    status: (statusFilters as readonly string[]).includes(status ?? '') ? (status as StatusFilter) : 'open',
    unread: p.get('unread') === 'true',
    q: p.get('q')?.slice(0, 100) ?? '',
  };
}

export function filtersToSearch(f: InboxFilters): string {
  const p = new URLSearchParams();
  if (f.account) p.set('account', f.account);
  if (f.status !== 'open') p.set('status', f.status);
  if (f.unread) p.set('unread', 'true');
  if (f.q.trim()) p.set('q', f.q.trim());
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function filtersToQuery(f: InboxFilters): Query {
  return {
    accountId: f.account || undefined,
    status: f.status === 'all' ? undefined : f.status,
    unread: f.unread ? 'true' : undefined,
    q: f.q.trim() || undefined,
  };
}

/**
 * Whether a conversation fetched after a live event belongs in the list. The search text is the
 * server's to judge (it also matches IGSIDs), so with a search only rows already shown are kept.
 */
export function matchesFilters(c: ConversationView, f: InboxFilters, alreadyListed: boolean): boolean {
  if (f.account && c.accountId !== f.account) return false;
  if (f.status !== 'all' && c.status !== f.status) return false;
  if (f.unread && c.unreadCount === 0 && !alreadyListed) return false;
  if (f.q.trim() && !alreadyListed) return false;
  return true;
}
