// The inbox list is ordered unread first, then by the newest message. Keyset pagination over
// that order needs one sortable value per conversation: "1|<time>|<id>" (unread) sorts after
// "0|<time>|<id>", and ISO times and UUIDv7 ids sort as text. Listing is then one index range
// scan, `WHERE inbox_rank < :cursor ORDER BY inbox_rank DESC`, however many conversations there are.

export function inboxRank(unreadCount: number, lastMessageAt: string | null, createdAt: string, id: string) {
  return `${unreadCount > 0 ? 1 : 0}|${lastMessageAt ?? createdAt}|${id}`;
}
