import { useEffect, useLayoutEffect, useRef } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { MessageBubble } from './MessageBubble.js';
import { groupByDay } from './thread.js';
import { dayLabel } from './time.js';
import type { MessageView } from './types.js';

interface Props {
  messages: MessageView[];
  loaded: boolean;
  error: unknown;
  hasOlder: boolean;
  loadingOlder: boolean;
  now: number;
  onLoadOlder(): void;
  onRetry(): void;
  onReact?: ((message: MessageView, love: boolean) => void) | undefined;
  onRetryMessage?: ((message: MessageView) => void) | undefined;
}

const nearBottomPx = 120;

/**
 * The scrolling thread. It starts at the newest message and follows new ones while the reader
 * is near the bottom; loading older messages keeps the reader's place.
 */
export function MessageList(p: Props) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const seen = useRef({ first: '', last: '', height: 0, atBottom: true });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const first = p.messages[0]?.id ?? '';
    const last = p.messages.at(-1)?.id ?? '';
    const s = seen.current;
    if (s.first && first !== s.first && last === s.last) el.scrollTop += el.scrollHeight - s.height;
    else if (last !== s.last && s.atBottom) el.scrollTop = el.scrollHeight;
    Object.assign(s, { first, last, height: el.scrollHeight });
  });

  // Pictures load after the text: stay at the bottom while they push the thread up.
  useEffect(() => {
    const el = box.current;
    if (!el || !content.current || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (seen.current.atBottom) el.scrollTop = el.scrollHeight;
      seen.current.height = el.scrollHeight;
    });
    observer.observe(content.current);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    seen.current.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < nearBottomPx;
    seen.current.height = el.scrollHeight;
  };

  return (
    <div className="thread-scroll" ref={box} onScroll={onScroll} data-testid="thread-messages">
      <div ref={content}>
        {p.hasOlder && (
          <div className="load-more thread-older">
            <button
              type="button"
              className="btn btn-small"
              disabled={p.loadingOlder}
              onClick={p.onLoadOlder}
              data-testid="thread-load-older"
            >
              {p.loadingOlder ? t('common.loading') : t('inbox.thread.loadOlder')}
            </button>
          </div>
        )}
        <ErrorMessage error={p.error} onRetry={p.onRetry} testId="thread-error" />
        {!p.loaded && <p className="muted inbox-pad">{t('common.loading')}</p>}
        {p.loaded && p.messages.length === 0 && !p.error && (
          <p className="muted inbox-pad" data-testid="thread-empty">
            {t('inbox.thread.empty')}
          </p>
        )}
        {groupByDay(p.messages).map((g) => (
          <section key={g.day} className="thread-day" data-testid="thread-day" data-day={g.day}>
            <h3 className="thread-day-label">
              <span>{dayLabel(t, { locale }, g.day, p.now)}</span>
            </h3>
            <ol className="thread-list">
              {g.messages.map((m) => (
                <MessageBubble
                  key={m.id}
                  message={m}
                  shown={p.messages}
                  onReact={p.onReact}
                  onRetry={p.onRetryMessage}
                />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
