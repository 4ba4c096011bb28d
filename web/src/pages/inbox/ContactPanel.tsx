import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { ContactAvatar } from './ContactAvatar.js';
import { ContactFacts } from './ContactFacts.js';
import { attributionText } from './contact-info.js';
import { contactHandle, contactLabel } from './conversation-list.js';
import { NotesField } from './NotesField.js';
import { TagEditor } from './TagEditor.js';
import type { ConversationView } from './types.js';
import { useContact } from './use-contact.js';

interface Props {
  conversation: ConversationView;
  accountLabel(accountId: string): string | null;
  /** changes when the contact changed on the server */
  version: number;
  status: { busy: boolean; error: unknown; toggle(): void };
  /** hides the panel where it lies over the thread (narrower screens) */
  onClose(): void;
}

/** The right column: who the customer is, notes and tags, and closing the conversation. */
export function ContactPanel({ conversation, accountLabel, version, status, onClose }: Props) {
  const t = useT();
  const contact = useContact(conversation.contact, version);
  const c = contact.data;
  const summary = conversation.contact;
  const handle = contactHandle(summary);
  const closed = conversation.status === 'closed';
  return (
    <aside className="contact-panel" data-testid="contact-panel" aria-label={t('inbox.contact.title')}>
      <button
        type="button"
        className="btn btn-ghost btn-small contact-close"
        aria-label={t('inbox.contact.hide')}
        onClick={onClose}
        data-testid="contact-close"
      >
        ×
      </button>
      <div className="contact-head">
        <ContactAvatar contact={summary} size={64} />
        <span className="contact-name" data-testid="contact-name">
          {contactLabel(summary)}
        </span>
        {handle && summary.username && (
          <a
            href={`https://www.instagram.com/${encodeURIComponent(summary.username.replace(/^@/, ''))}/`}
            target="_blank"
            rel="noreferrer noopener"
            data-testid="contact-username"
          >
            {handle}
          </a>
        )}
        {c?.profileError && (
          <p className="muted small">
            {t(
              `inbox.contact.profileError.${c.profileError === 'consent_required' ? 'consent_required' : 'other'}`,
            )}
          </p>
        )}
      </div>
      <ErrorMessage error={contact.error} onRetry={contact.reload} testId="contact-error" />
      {!c && !contact.error && <p className="muted">{t('common.loading')}</p>}
      {c && (
        <>
          <ContactFacts contact={c} attribution={attributionText(t, conversation.attribution)} />
          <NotesField value={c.notes} onSave={(notes) => contact.save({ notes })} />
          <TagEditor tags={c.tags} busy={contact.saving} onChange={(tags) => void contact.save({ tags })} />
          <ErrorMessage error={contact.saveError} testId="contact-save-error" />
          {c.linked.length > 0 && (
            <div className="contact-linked" data-testid="contact-linked">
              <span className="contact-section-title">{t('inbox.contact.linked')}</span>
              <ul>
                {c.linked.map((l) => (
                  <li key={l.id}>
                    <Link
                      to={`/inbox?status=all&account=${encodeURIComponent(l.accountId)}&q=${encodeURIComponent(summary.username ?? summary.igsid)}`}
                    >
                      {t(`inbox.provider.${l.source}`)}
                      {accountLabel(l.accountId) ? ` · ${accountLabel(l.accountId)}` : ''}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      <div className="contact-actions">
        <button
          type="button"
          className={`btn btn-block${closed ? ' btn-primary' : ''}`}
          disabled={status.busy}
          onClick={status.toggle}
          data-testid={closed ? 'conversation-reopen' : 'conversation-close'}
        >
          {t(closed ? 'inbox.contact.reopen' : 'inbox.contact.close')}
        </button>
        <ErrorMessage error={status.error} testId="conversation-status-error" />
      </div>
    </aside>
  );
}
