import type { TFunction } from '../../i18n/core.js';
import type { ContactSummary, ConversationView } from './types.js';

// The conversation list as the server orders it: unread first, then the newest activity.
// Live events bring single conversations; these functions put them where the server would.

const time = (iso: string | null) => (iso ? Date.parse(iso) || 0 : 0);

export function compareConversations(a: ConversationView, b: ConversationView): number {
  const unread = Number(b.unreadCount > 0) - Number(a.unreadCount > 0);
  if (unread) return unread;
  const newer = time(b.lastMessageAt ?? b.createdAt) - time(a.lastMessageAt ?? a.createdAt);
  if (newer) return newer;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Replaces or inserts one conversation, or removes it when it no longer belongs (`keep` false).
 * While more pages exist, a conversation that sorts after the last loaded row belongs to a later
 * page, so it is left for "load more" instead of appearing out of place.
 */
export function upsertConversation(
  items: readonly ConversationView[],
  next: ConversationView,
  opts: { keep: boolean; hasMore: boolean },
): ConversationView[] {
  const rest = items.filter((c) => c.id !== next.id);
  if (!opts.keep) return rest;
  const last = rest.at(-1);
  if (opts.hasMore && last && compareConversations(next, last) > 0) return rest;
  const at = rest.findIndex((c) => compareConversations(next, c) < 0);
  return at === -1 ? [...rest, next] : [...rest.slice(0, at), next, ...rest.slice(at)];
}

/** Appends a further page, dropping rows a live update already placed above. */
export function appendPage(items: readonly ConversationView[], page: readonly ConversationView[]) {
  const known = new Set(items.map((c) => c.id));
  return [...items, ...page.filter((c) => !known.has(c.id))];
}

// Instagram handles are letters, digits, periods and underscores.
const handle = /^[\p{L}\p{N}._]+$/u;

/** The name, else '@username', else the IGSID: never an empty row. */
export function contactLabel(c: Pick<ContactSummary, 'name' | 'username' | 'igsid'>): string {
  return c.name?.trim() || contactHandle(c) || c.igsid;
}

export function contactHandle(c: Pick<ContactSummary, 'username'>): string | null {
  const u = c.username?.trim().replace(/^@/, '');
  if (!u) return null;
  return handle.test(u) ? `@${u}` : u;
}

/** The list row's second line: the last message, with "You:" before our own. */
export function previewText(t: TFunction, c: Pick<ConversationView, 'lastMessage'>): string {
  const m = c.lastMessage;
  if (!m) return t('inbox.preview.none');
  const text = m.preview.replace(/\s+/g, ' ').trim() || t('inbox.preview.attachment');
  return m.direction === 'outbound' ? t('inbox.preview.you', { text }) : text;
}
