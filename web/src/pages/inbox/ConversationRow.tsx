import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { ContactAvatar } from './ContactAvatar.js';
import { contactHandle, contactLabel, previewText } from './conversation-list.js';
import { shortTime } from './time.js';
import type { ConversationView } from './types.js';

interface Props {
  conversation: ConversationView;
  href: string;
  active: boolean;
  now: number;
  /** shown when the workspace has more than one account */
  accountLabel: string | null;
}

export function ConversationRow({ conversation: c, href, active, now, accountLabel }: Props) {
  const { t, locale } = useI18n();
  const label = contactLabel(c.contact);
  const handle = contactHandle(c.contact);
  const unread = c.unreadCount > 0;
  return (
    <li>
      <Link
        to={href}
        className={`inbox-row${active ? ' inbox-row-active' : ''}${unread ? ' inbox-row-unread' : ''}`}
        aria-current={active ? 'true' : undefined}
        data-testid="conversation-row"
        data-id={c.id}
        data-unread={c.unreadCount}
        data-status={c.status}
      >
        <ContactAvatar contact={c.contact} />
        <span className="inbox-row-body">
          <span className="inbox-row-top">
            <span className="inbox-row-name" data-testid="conversation-name">
              {label}
            </span>
            <time className="inbox-row-time" dateTime={c.lastMessageAt ?? undefined}>
              {shortTime(t, { locale }, c.lastMessageAt, now)}
            </time>
          </span>
          {handle && handle !== label && <span className="inbox-row-handle">{handle}</span>}
          <span className="inbox-row-bottom">
            <span className="inbox-row-preview" data-testid="conversation-preview">
              {previewText(t, c)}
            </span>
            {unread && (
              <span
                className="inbox-unread"
                data-testid="conversation-unread"
                title={t('inbox.unreadCount', { count: c.unreadCount })}
              >
                {c.unreadCount > 99 ? '99+' : c.unreadCount}
              </span>
            )}
          </span>
          {(accountLabel || c.status === 'closed') && (
            <span className="inbox-row-tags">
              {accountLabel && <span className="inbox-chip">{accountLabel}</span>}
              {c.status === 'closed' && <span className="inbox-chip">{t('inbox.closed')}</span>}
            </span>
          )}
        </span>
      </Link>
    </li>
  );
}
