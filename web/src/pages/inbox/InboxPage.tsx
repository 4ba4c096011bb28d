import { useCallback, useState } from 'react';
import { useT } from '../../i18n/context.js';
import { useRouter } from '../../lib/router.js';
import { useAction } from '../accounts/use-action.js';
import { ContactPanel } from './ContactPanel.js';
import { ConversationList } from './ConversationList.js';
import { filtersFromSearch, filtersToSearch, type InboxFilters } from './filters.js';
import { InboxFilterBar } from './InboxFilterBar.js';
import { Thread } from './Thread.js';
import { useInbox } from './use-inbox.js';
import { useNow } from './use-now.js';
import { useWorkspace } from './use-workspace.js';
import './inbox.css';
import './thread.css';
import './message.css';
import './contact.css';

const wide = () => typeof window !== 'undefined' && window.matchMedia?.('(min-width: 1200px)').matches;

/** /inbox and /inbox/:conversationId: list, thread and contact in three columns (one at a time on a phone). */
export function InboxPage({ conversationId }: { conversationId?: string }) {
  const t = useT();
  const { search, navigate } = useRouter();
  const openId = conversationId ?? null;
  const filters = filtersFromSearch(search);
  const inbox = useInbox(filters, openId);
  const ws = useWorkspace();
  const now = useNow();
  const [contactShown, setContactShown] = useState(wide);
  const statusAction = useAction<unknown>();

  const setFilters = useCallback(
    (next: InboxFilters) =>
      navigate(`${window.location.pathname}${filtersToSearch(next)}`, { replace: true }),
    [navigate],
  );
  const { open, list, thread } = inbox;
  const c = open.conversation;
  const toggleStatus = () => {
    if (c) void statusAction.run(() => open.patch({ status: c.status === 'open' ? 'closed' : 'open' }));
  };

  return (
    <div
      className={`inbox${openId ? ' inbox-has-open' : ''}${contactShown ? ' inbox-contact-shown' : ''}`}
      data-testid="inbox-page"
    >
      <section className="inbox-list-pane" aria-label={t('inbox.list.title')}>
        <h1 className="inbox-title">{t('inbox.title')}</h1>
        <InboxFilterBar value={filters} accounts={ws.accountOptions} onChange={setFilters} />
        <ConversationList
          items={list.items}
          loaded={list.loaded}
          error={list.error}
          hasMore={list.nextCursor !== null}
          loadingMore={list.loadingMore}
          openId={openId}
          search={search}
          now={now}
          filtered={filtersToSearch(filters) !== ''}
          accountLabel={ws.rowAccountLabel}
          onRetry={() => void list.reload()}
          onLoadMore={() => void list.loadMore()}
        />
      </section>
      <section className="inbox-thread-pane">
        {openId ? (
          <Thread
            key={openId}
            id={openId}
            conversation={c}
            error={open.error}
            thread={thread}
            live={inbox.connected}
            backHref={`/inbox${search}`}
            account={c ? ws.account(c.accountId) : undefined}
            accountLabel={c ? ws.rowAccountLabel(c.accountId) : null}
            humanAgent={{
              enabled: ws.humanAgentEnabled,
              canEnable: ws.isOwner,
              ...ws.enabling,
              enable: () => void ws.enableHumanAgent(),
            }}
            contactShown={contactShown}
            onToggleContact={() => setContactShown((v) => !v)}
            onConversationChange={open.update}
            afterSend={inbox.afterSend}
            onRefused={() => void open.markRead()}
            onRetry={() => void open.markRead()}
          />
        ) : (
          <div className="thread-placeholder muted" data-testid="thread-placeholder">
            {t('inbox.thread.choose')}
          </div>
        )}
      </section>
      {c && contactShown && (
        <ContactPanel
          key={c.id}
          conversation={c}
          accountLabel={ws.accountLabel}
          version={inbox.contactVersion}
          status={{ busy: statusAction.busy, error: statusAction.error, toggle: toggleStatus }}
          onClose={() => setContactShown(false)}
        />
      )}
    </div>
  );
}
