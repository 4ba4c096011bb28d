import { useI18n } from '../../i18n/context.js';
import { DeliveryError, DeliveryMark } from './DeliveryMark.js';
import { MessageBody } from './MessageBody.js';
import { hasBusinessLove, reactionEmoji } from './message-parts.js';
import { senderNote } from './message-status.js';
import { clockTime } from './time.js';
import type { MessageView } from './types.js';

interface Props {
  message: MessageView;
  /** the other shown messages, to quote the one this answers */
  shown: readonly MessageView[];
  /** love / un-love a customer's message; absent when reacting is not possible */
  onReact?: ((message: MessageView, love: boolean) => void) | undefined;
  onRetry?: ((message: MessageView) => void) | undefined;
}

export function MessageBubble({ message: m, shown, onReact, onRetry }: Props) {
  const { t, locale } = useI18n();
  const sender = senderNote(m);
  const loved = hasBusinessLove(m);
  const canReact = onReact && m.direction === 'inbound' && !m.isDeleted && m.externalId;
  return (
    <li
      className={`msg msg-${m.direction}${m.isDeleted ? ' msg-deleted' : ''}`}
      data-testid="message"
      data-id={m.id}
      data-direction={m.direction}
      data-kind={m.kind}
      data-status={m.status}
    >
      <div className="msg-row">
        <div className="msg-bubble">
          <MessageBody message={m} shown={shown} />
          {m.reactions.length > 0 && (
            <span className="msg-reactions" data-testid="message-reactions">
              {m.reactions.map((r) => (
                <span key={`${r.actor}-${r.reaction}`} title={t(`inbox.reaction.${r.actor}`)}>
                  {reactionEmoji(r)}
                </span>
              ))}
            </span>
          )}
        </div>
        {canReact && (
          <button
            type="button"
            className={`msg-react${loved ? ' msg-react-on' : ''}`}
            aria-pressed={loved}
            title={t(loved ? 'inbox.reaction.remove' : 'inbox.reaction.add')}
            onClick={() => onReact(m, !loved)}
            data-testid="message-react"
          >
            {loved ? '♥' : '♡'}
          </button>
        )}
      </div>
      <div className="msg-meta">
        <time dateTime={m.createdAt}>{clockTime({ locale }, m.createdAt)}</time>
        {m.editCount > 0 && !m.isDeleted && <span data-testid="message-edited">{t('inbox.msg.edited')}</span>}
        {sender && <span>{t(sender)}</span>}
        {m.tag === 'HUMAN_AGENT' && <span>{t('inbox.msg.humanAgent')}</span>}
        <DeliveryMark message={m} />
      </div>
      <DeliveryError message={m} onRetry={onRetry} />
    </li>
  );
}
