import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { MessageList } from './MessageList.js';
import { ReplyBox } from './ReplyBox.js';
import { canSend, replyWindow } from './reply-window.js';
import { ThreadHeader } from './ThreadHeader.js';
import type { ConversationView, InboxAccount } from './types.js';
import { useNow } from './use-now.js';
import { useSend } from './use-send.js';
import type { useThread } from './use-thread.js';

interface Props {
  id: string;
  conversation: ConversationView | null;
  error: unknown;
  thread: ReturnType<typeof useThread>;
  live: boolean;
  backHref: string;
  account: InboxAccount | undefined;
  accountLabel: string | null;
  humanAgent: { enabled: boolean; canEnable: boolean; busy: boolean; error: unknown; enable(): void };
  contactShown: boolean;
  onToggleContact(): void;
  onConversationChange(c: ConversationView): void;
  afterSend(): Promise<void>;
  /** the server refused for the window: fetch the conversation's window again */
  onRefused(): void;
  onRetry(): void;
}

/** The centre column: who, what was said, and the reply box. */
export function Thread(p: Props) {
  const t = useT();
  const send = useSend(p.id, p.afterSend, p.onRefused);
  // Re-render for the countdown, but read the clock now: a window that just moved must not be
  // measured against a tick from up to 15 s ago ("closes in 1 d" for a 24 h window).
  useNow(15_000);
  const now = Date.now();
  const c = p.conversation;
  if (!c)
    return (
      <div className="thread" data-testid="thread">
        <ErrorMessage error={p.error} onRetry={p.onRetry} testId="thread-error" />
        {!p.error && <p className="muted inbox-pad">{t('common.loading')}</p>}
      </div>
    );
  const w = replyWindow(c, now, {
    humanAgentEnabled: p.humanAgent.enabled,
    accountStatus: p.account?.status,
  });
  return (
    <div className="thread" data-testid="thread" data-id={c.id}>
      <ThreadHeader
        conversation={c}
        backHref={p.backHref}
        accountLabel={p.accountLabel}
        live={p.live}
        contactShown={p.contactShown}
        onToggleContact={p.onToggleContact}
        now={now}
        onConversationChange={p.onConversationChange}
      />
      <MessageList
        key={c.id}
        messages={p.thread.messages}
        loaded={p.thread.loaded}
        error={p.thread.error}
        hasOlder={p.thread.olderCursor !== null}
        loadingOlder={p.thread.loadingOlder}
        now={now}
        onLoadOlder={() => void p.thread.loadOlder()}
        onRetry={() => void p.thread.refreshNewest()}
        onReact={w.state === 'open' ? (m, love) => void send.react(m.id, love) : undefined}
        onRetryMessage={canSend(w) ? (m) => void send.retry(m.id) : undefined}
      />
      <ReplyBox
        window={w}
        now={now}
        busy={send.busy}
        error={send.error}
        canEnableHumanAgent={p.humanAgent.canEnable}
        enabling={p.humanAgent}
        onEnableHumanAgent={p.humanAgent.enable}
        onSendText={send.sendText}
        onSendFile={send.sendFile}
      />
    </div>
  );
}
