import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/context.js';
import { statusMark } from './message-status.js';
import type { MessageView } from './types.js';

/** The clock / tick / double tick after our own messages; a failure also says why. */
export function DeliveryMark({ message }: { message: MessageView }) {
  const t = useT();
  const mark = statusMark(message);
  if (!mark) return null;
  return (
    <span
      className={`msg-status msg-status-${mark.tone}`}
      title={t(mark.label)}
      data-testid="message-status"
      data-status={message.status}
    >
      {mark.symbol === 'clock' ? (
        <Icon name="clock" size={11} />
      ) : (
        <span aria-hidden="true">{mark.symbol}</span>
      )}
      <span className="visually-hidden">{t(mark.label)}</span>
    </span>
  );
}

interface ErrorProps {
  message: MessageView;
  /** send it again; absent when the window no longer allows it */
  onRetry?: ((message: MessageView) => void) | undefined;
}

export function DeliveryError({ message, onRetry }: ErrorProps) {
  const t = useT();
  if (message.status !== 'failed') return null;
  return (
    <p className="msg-error" role="note" data-testid="message-error">
      {t('inbox.status.failedBecause', { reason: message.error?.message || t('inbox.status.noReason') })}
      {onRetry && (
        <button
          type="button"
          className="btn btn-ghost btn-small msg-retry"
          onClick={() => onRetry(message)}
          data-testid="message-retry"
        >
          {t('inbox.status.retry')}
        </button>
      )}
    </p>
  );
}
