import { useT } from '../../i18n/context.js';
import type { QuickReply, RuleAttachment } from './types.js';

interface Props {
  reply: { text: string; attachment: RuleAttachment | null; quickReplies: QuickReply[] };
}

/** What the customer would see: the text as a chat bubble, the buttons under it, then the file. */
export function ReplyPreview({ reply }: Props) {
  const t = useT();
  return (
    <div className="auto-preview" data-testid="reply-preview">
      <p className="auto-bubble" data-testid="reply-preview-text">
        {reply.text}
      </p>
      {reply.quickReplies.length > 0 && (
        <ul className="auto-chips">
          {reply.quickReplies.map((q) => (
            <li key={q.title + q.payload} className="auto-chip">
              {q.title}
            </li>
          ))}
        </ul>
      )}
      {reply.attachment && (
        <p className="auto-bubble auto-bubble-file small">
          {t('automation.preview.attachment', { type: t(attachmentKey(reply.attachment.type)) })}
        </p>
      )}
    </div>
  );
}

const attachmentKey = (type: string) =>
  type === 'image' || type === 'video' || type === 'audio'
    ? (`automation.attachment.${type}` as const)
    : 'automation.attachment.file';
