import { describeError } from '../../components/ErrorMessage.js';
import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { Composer } from './Composer.js';
import { canSend, type ReplyWindow, windowText } from './reply-window.js';
import { describeSendError } from './send-error.js';

interface Props {
  window: ReplyWindow;
  now: number;
  busy: 'text' | 'upload' | null;
  error: unknown;
  /** owners may turn on HUMAN_AGENT replies right here when it would help */
  canEnableHumanAgent: boolean;
  enabling: { busy: boolean; error: unknown };
  onEnableHumanAgent(): void;
  onSendText(text: string): Promise<boolean>;
  onSendFile(file: File): Promise<boolean>;
}

/** The bottom of the thread: the window countdown and the composer, or why replying is not possible. */
export function ReplyBox(p: Props) {
  const { t, locale } = useI18n();
  const w = p.window;
  const { text, note } = windowText(t, { locale }, w, p.now);
  const open = canSend(w);
  const tone = w.state === 'open' ? (w.urgent ? 'warn' : 'ok') : w.state === 'human_agent' ? 'warn' : 'bad';
  const offerHumanAgent = w.state === 'closed' && w.reason === 'expired' && w.humanAgentUntil;
  return (
    <div className={`reply-box${open ? '' : ' reply-box-blocked'}`} data-testid="reply-box">
      <div
        className={`reply-window reply-window-${tone}`}
        data-testid={open ? 'reply-window' : 'reply-blocked'}
        data-state={w.state}
      >
        <span data-testid="reply-window-text">{text}</span>
        {note && <span className="reply-window-note">{note}</span>}
        {w.state === 'inactive' && <Link to="/accounts">{t('inbox.window.openAccounts')}</Link>}
        {offerHumanAgent && p.canEnableHumanAgent && (
          <button
            type="button"
            className="btn btn-small"
            disabled={p.enabling.busy}
            onClick={p.onEnableHumanAgent}
            data-testid="enable-human-agent"
          >
            {t('inbox.window.enableHumanAgent')}
          </button>
        )}
        {offerHumanAgent && !p.canEnableHumanAgent && (
          <span className="reply-window-note">{t('inbox.window.askOwner')}</span>
        )}
        {p.enabling.error ? <span className="text-bad">{describeError(t, p.enabling.error)}</span> : null}
      </div>
      {p.error ? (
        <p className="alert alert-error reply-error" role="alert" data-testid="send-error">
          {describeSendError(t, { locale }, p.error, p.now)}
        </p>
      ) : null}
      {open && <Composer busy={p.busy} onSendText={p.onSendText} onSendFile={p.onSendFile} />}
    </div>
  );
}
