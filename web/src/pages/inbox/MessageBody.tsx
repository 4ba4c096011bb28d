import { useT } from '../../i18n/context.js';
import { MessagePart } from './MessagePart.js';
import { attachmentPart, quotedText, storyOf } from './message-parts.js';
import type { MessageView } from './types.js';

/** What a message carries: the story or message it answers, attachments, text, buttons and chips. */
export function MessageBody({ message: m, shown }: { message: MessageView; shown: readonly MessageView[] }) {
  const t = useT();
  if (m.isDeleted)
    return (
      <p className="msg-text msg-removed" data-testid="message-deleted">
        {t('inbox.msg.deleted')}
      </p>
    );
  const story = storyOf(m.replyTo);
  const quote = quotedText(m.replyTo, shown);
  const ref = m.referral && typeof m.referral.ref === 'string' ? m.referral.ref : null;
  return (
    <>
      {story && (
        <div className="msg-story" data-testid="message-story">
          <span className="msg-card-label">{t('inbox.msg.storyReply')}</span>
          {story.url ? (
            <MessagePart
              part={{ kind: 'card', label: 'inbox.card.story', href: story.url, media: 'image' }}
            />
          ) : (
            <span className="msg-note">{t('inbox.part.storyGone')}</span>
          )}
        </div>
      )}
      {quote !== undefined && (
        <blockquote className="msg-quote" data-testid="message-quote">
          {quote ?? t('inbox.msg.quotedUnknown')}
        </blockquote>
      )}
      {m.attachments.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a message's attachments never change order
        <MessagePart key={`${a.type}-${i}`} part={attachmentPart(a)} />
      ))}
      {m.text && (
        <p className="msg-text" data-testid="message-text">
          {m.text}
        </p>
      )}
      {m.postback && (
        <span className="msg-postback" data-testid="message-postback" title={m.postback.payload ?? undefined}>
          {t('inbox.msg.postback', { title: m.postback.title || m.postback.payload || '?' })}
        </span>
      )}
      {m.quickReplyPayload && (
        <span className="inbox-chip msg-chip" data-testid="message-quick-reply">
          {t('inbox.msg.quickReply', { payload: m.quickReplyPayload })}
        </span>
      )}
      {m.referral && (
        <span className="msg-note" data-testid="message-referral">
          {ref ? t('inbox.msg.referralRef', { ref }) : t('inbox.msg.referral')}
        </span>
      )}
      {!m.text && m.attachments.length === 0 && !m.postback && !story && !m.referral && (
        <span className="msg-note">{t('inbox.part.unsupported')}</span>
      )}
    </>
  );
}
