import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { ConversationRow } from './ConversationRow.js';
import type { ConversationView } from './types.js';

interface Props {
  items: ConversationView[];
  loaded: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  openId: string | null;
  /** keeps the filters in the address when a row is opened */
  search: string;
  now: number;
  filtered: boolean;
  accountLabel(accountId: string): string | null;
  onRetry(): void;
  onLoadMore(): void;
}

export function ConversationList(p: Props) {
  const t = useT();
  return (
    <div className="inbox-list" data-testid="conversation-list">
      <ErrorMessage error={p.error} onRetry={p.onRetry} testId="conversations-error" />
      {!p.loaded && <p className="muted inbox-pad">{t('common.loading')}</p>}
      {p.loaded && p.items.length === 0 && !p.error && (
        <p className="muted inbox-pad" data-testid="conversations-empty">
          {t(p.filtered ? 'inbox.list.emptyFiltered' : 'inbox.list.empty')}
        </p>
      )}
      <ul className="inbox-rows">
        {p.items.map((c) => (
          <ConversationRow
            key={c.id}
            conversation={c}
            href={`/inbox/${encodeURIComponent(c.id)}${p.search}`}
            active={c.id === p.openId}
            now={p.now}
            accountLabel={p.accountLabel(c.accountId)}
          />
        ))}
      </ul>
      {p.hasMore && (
        <div className="load-more inbox-pad">
          <button
            type="button"
            className="btn btn-small"
            disabled={p.loadingMore}
            onClick={p.onLoadMore}
            data-testid="conversations-load-more"
          >
            {p.loadingMore ? t('common.loading') : t('inbox.list.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
