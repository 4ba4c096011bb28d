import { useMemo } from 'react';
import { useT } from '../../i18n/context.js';
import { loadAll } from '../../lib/load-all.js';
import { useRouter } from '../../lib/router.js';
import { useQuery } from '../../lib/use-query.js';
import { type LiveEvent, useWorkspaceEvents } from '../../lib/use-workspace-events.js';
import { contactLabel } from '../inbox/conversation-list.js';
import { useNow } from '../inbox/use-now.js';
import { ActionFeed } from './ActionFeed.js';
import { touchesFeed } from './action-view.js';
import { PausedList } from './PausedList.js';
import { queryParam, withParam } from './sections.js';
import type { CommentRule, DmRule } from './types.js';
import { useActionFeed } from './use-action-feed.js';
import type { AutomationContext } from './use-automation-context.js';
import { usePausedConversations } from './use-paused.js';

const liveTypes = ['automation.action', 'message.updated', 'conversation.updated'] as const;

/** What the bot did (live), and where it keeps quiet. ?account= and ?conversation= narrow the log. */
export function ActivitySection({ ctx }: { ctx: AutomationContext }) {
  const t = useT();
  const { search, navigate } = useRouter();
  const now = useNow(30_000);
  const accountId = queryParam(search, 'account');
  const conversationId = queryParam(search, 'conversation');
  const feed = useActionFeed({ accountId, conversationId });
  const paused = usePausedConversations(now);
  const rules = useQuery(
    async (api) => ({
      dm: await loadAll<DmRule>(api, '/dm-keywords'),
      comment: await loadAll<CommentRule>(api, '/comment-rules'),
    }),
    [],
  );
  const ruleName = useMemo(() => {
    const names = new Map<string, string>();
    for (const r of rules.data?.dm ?? []) names.set(r.id, r.keywords.join(', '));
    for (const r of rules.data?.comment ?? []) names.set(r.id, r.name);
    return (id: string | null) => (id ? (names.get(id) ?? null) : null);
  }, [rules.data]);
  const customer = useMemo(() => {
    const names = new Map<string, string>();
    for (const a of feed.items ?? [])
      if (a.conversationId && a.contact) names.set(a.conversationId, contactLabel(a.contact));
    for (const { conversation: c } of paused.items) names.set(c.id, contactLabel(c.contact));
    return (id: string | null) => (id ? (names.get(id) ?? null) : null);
  }, [feed.items, paused.items]);

  const onEvents = (events: LiveEvent[]) => {
    const shown = feed.items ?? [];
    const live = events.map((e) => ({
      type: e.type,
      messageId: typeof e.data.messageId === 'string' ? e.data.messageId : null,
    }));
    if (live.some((e) => touchesFeed(e, shown))) void feed.refresh();
    const changed = events.flatMap((e) =>
      e.type === 'conversation.updated' && typeof e.data.conversationId === 'string'
        ? [e.data.conversationId]
        : [],
    );
    if (changed.length > 0) void paused.refetch([...new Set(changed)]);
  };
  const { connected } = useWorkspaceEvents(liveTypes, onEvents, () => {
    void feed.refresh();
    void paused.reload();
  });
  const setParam = (name: string, value: string | null) =>
    navigate(`/automation/activity${withParam(search, name, value)}`, { replace: true });

  return (
    <div className="auto-split auto-split-wide" data-testid="activity-section">
      <section className="auto-main" aria-label={t('automation.activity.title')}>
        <div className="auto-section-head">
          <h2 className="auto-live-title">
            {t('automation.activity.title')}
            <span
              className={`auto-live-dot${connected ? ' auto-live-on' : ''}`}
              title={t(connected ? 'automation.activity.live' : 'automation.activity.offline')}
              data-testid="activity-live"
              data-live={String(connected)}
            />
          </h2>
          {ctx.accounts.length > 1 && (
            <select
              value={accountId ?? ''}
              onChange={(e) => setParam('account', e.target.value || null)}
              aria-label={t('automation.account.label')}
            >
              <option value="">{t('automation.account.all')}</option>
              {ctx.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {ctx.accountName(a.id)}
                </option>
              ))}
            </select>
          )}
          {conversationId && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setParam('conversation', null)}
              data-testid="activity-all"
            >
              {t('automation.activity.onlyOne', { name: customer(conversationId) ?? '…' })} ×
            </button>
          )}
        </div>
        <ActionFeed feed={feed} customer={customer} ruleName={ruleName} />
      </section>
      <aside className="auto-side">
        <PausedList paused={paused} />
      </aside>
    </div>
  );
}
