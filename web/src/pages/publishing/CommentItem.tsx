import { type FormEvent, useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { DetailedError } from '../../components/DetailedError.js';
import { Icon } from '../../components/Icon.js';
import { useI18n } from '../../i18n/context.js';
import { shortDateTime } from './format.js';
import type { CommentView } from './types.js';
import type { CommentsState } from './use-comments.js';

interface Props {
  comment: CommentView;
  comments: CommentsState;
}

/** One comment: who wrote it and when, and reply / hide / delete right under it. */
export function CommentItem({ comment: c, comments }: Props) {
  const { t, locale } = useI18n();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const busy = comments.busy?.id === c.id ? comments.busy.action : null;
  const failed = comments.failed?.id === c.id ? comments.failed.error : null;
  const author = c.fromSelf
    ? t('pub.comment.you')
    : c.from.username
      ? `@${c.from.username}`
      : t('pub.comment.someone');

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const message = text.trim();
    if (!message) return;
    if (await comments.reply(c, message)) {
      setText('');
      setReplying(false);
    }
  };

  return (
    <div
      className={`pub-comment${c.hidden ? ' pub-comment-hidden' : ''}${c.fromSelf ? ' pub-comment-own' : ''}`}
      data-testid="comment"
      data-comment-id={c.id}
      data-hidden={String(c.hidden)}
    >
      <div className="pub-comment-head">
        <strong className="pub-comment-author">{author}</strong>
        <span className="muted small">{shortDateTime(locale, c.timestamp)}</span>
        {c.hidden && (
          <span className="badge badge-muted" data-testid="comment-hidden">
            {t('pub.comment.hidden')}
          </span>
        )}
        {!!c.likeCount && (
          <span className="muted small" title={t('pub.comment.likes', { count: c.likeCount })}>
            <Icon name="heart" size={12} /> {c.likeCount}
          </span>
        )}
      </div>
      <p className="pub-comment-text" data-testid="comment-text">
        {c.text}
      </p>
      <div className="pub-comment-actions">
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => setReplying((v) => !v)}
          data-testid="comment-reply"
        >
          {t('pub.comment.reply')}
        </button>
        {/* Instagram hides only other people's comments, never the account's own */}
        {!c.fromSelf && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={busy !== null}
            onClick={() => void comments.setHidden(c, !c.hidden)}
            data-testid={c.hidden ? 'comment-unhide' : 'comment-hide'}
          >
            {t(c.hidden ? 'pub.comment.unhide' : 'pub.comment.hide')}
          </button>
        )}
        <ConfirmButton
          label={t('pub.comment.delete')}
          confirmLabel={t('pub.comment.delete')}
          question={t('pub.comment.confirmDelete')}
          cancelLabel={t('pub.cancel')}
          onConfirm={() => comments.remove(c)}
          busy={busy !== null}
          small
          testId="comment-delete"
        />
      </div>
      {failed !== null && <DetailedError error={failed} testId="comment-error" />}
      {replying && (
        <form className="pub-reply-box" onSubmit={(e) => void send(e)}>
          <textarea
            value={text}
            rows={2}
            maxLength={2200}
            placeholder={t('pub.comment.replyPlaceholder', { name: author })}
            aria-label={t('pub.comment.replyPlaceholder', { name: author })}
            onChange={(e) => setText(e.target.value)}
            data-testid="comment-reply-input"
          />
          <button
            type="submit"
            className="btn btn-primary btn-small"
            disabled={busy !== null || !text.trim()}
            data-testid="comment-reply-send"
          >
            {busy === 'reply' ? t('pub.comment.sending') : t('pub.comment.send')}
          </button>
        </form>
      )}
    </div>
  );
}
