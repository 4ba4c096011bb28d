import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { BotSwitch } from './BotSwitch.js';
import { ContactAvatar } from './ContactAvatar.js';
import { contactHandle, contactLabel } from './conversation-list.js';
import type { ConversationView } from './types.js';

interface Props {
  conversation: ConversationView;
  /** back to the list (narrow screens show one column at a time) */
  backHref: string;
  accountLabel: string | null;
  live: boolean;
  contactShown: boolean;
  onToggleContact(): void;
  now: number;
  /** the server answered with a changed conversation (the bot paused or resumed) */
  onConversationChange(c: ConversationView): void;
}

export function ThreadHeader({
  conversation: c,
  backHref,
  accountLabel,
  live,
  contactShown,
  onToggleContact,
  now,
  onConversationChange,
}: Props) {
  const t = useT();
  const label = contactLabel(c.contact);
  const handle = contactHandle(c.contact);
  return (
    <header className="thread-header" data-testid="thread-header">
      <Link to={backHref} className="btn btn-ghost btn-small thread-back" data-testid="thread-back">
        <Icon name="back" size={16} />
        <span className="visually-hidden">{t('inbox.thread.back')}</span>
      </Link>
      <ContactAvatar contact={c.contact} size={36} />
      <div className="thread-title">
        <span className="thread-name" data-testid="thread-name">
          {label}
        </span>
        <span className="muted small">
          {[handle !== label ? handle : null, accountLabel, c.status === 'closed' ? t('inbox.closed') : null]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      <BotSwitch conversation={c} now={now} onChange={onConversationChange} />
      <span
        className={`live-dot${live ? ' live-dot-on' : ''}`}
        title={t(live ? 'inbox.live.on' : 'inbox.live.off')}
        data-testid="live-status"
        data-live={String(live)}
      />
      <button
        type="button"
        className="btn btn-ghost btn-small thread-info"
        aria-pressed={contactShown}
        onClick={onToggleContact}
        data-testid="thread-toggle-contact"
      >
        {t('inbox.thread.contact')}
      </button>
    </header>
  );
}
