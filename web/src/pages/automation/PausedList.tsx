import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { contactLabel } from '../inbox/conversation-list.js';
import { BotStateText } from './BotStateText.js';
import type { usePausedConversations } from './use-paused.js';

interface Props {
  paused: ReturnType<typeof usePausedConversations>;
}

/** Conversations where the bot keeps quiet: a person took over, someone paused it, or the customer opted out. */
export function PausedList({ paused }: Props) {
  const { t } = useI18n();
  return (
    <section className="card" data-testid="paused-list">
      <h2>{t('automation.paused.title')}</h2>
      <p className="muted small">{t('automation.paused.text')}</p>
      <ErrorMessage error={paused.loadError} onRetry={() => void paused.reload()} testId="paused-error" />
      <ErrorMessage error={paused.error} testId="paused-action-error" />
      {!paused.loaded && !paused.loadError && <p className="muted small">{t('common.loading')}</p>}
      {paused.loaded && paused.items.length === 0 && (
        <p className="muted small" data-testid="paused-empty">
          {t('automation.paused.none')}
        </p>
      )}
      <ul className="auto-paused">
        {paused.items.map(({ conversation: c, bot }) => (
          <li key={c.id} data-testid="paused-item" data-state={bot.state}>
            <Link to={`/inbox/${encodeURIComponent(c.id)}`} className="row-link">
              {contactLabel(c.contact)}
            </Link>
            <BotStateText bot={bot} />
            {bot.state === 'paused' && (
              <button
                type="button"
                className="btn btn-small"
                disabled={paused.busyId === c.id}
                onClick={() => void paused.resume(c.id)}
                data-testid="paused-resume"
              >
                {t('inbox.bot.resume')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
