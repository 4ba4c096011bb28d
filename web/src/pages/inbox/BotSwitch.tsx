import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { useApi } from '../../lib/session.js';
import { useAction } from '../accounts/use-action.js';
import { BotStateText } from '../automation/BotStateText.js';
import { botState, type PauseChoice, pauseBody, pauseChoices } from '../automation/takeover.js';
import type { ConversationView } from './types.js';
import './bot-switch.css';

interface Props {
  conversation: ConversationView;
  now: number;
  onChange(c: ConversationView): void;
}

const choiceKey = (m: PauseChoice) =>
  m === null ? 'inbox.bot.pauseUntilResumed' : m === 60 ? 'inbox.bot.pause1h' : 'inbox.bot.pause24h';

/**
 * Whether the bot may answer here, and the switch: pause it (for an hour, a day, or until
 * resumed) or let it answer again. An opted-out customer turns it back on themselves (START).
 */
export function BotSwitch({ conversation: c, now, onChange }: Props) {
  const t = useT();
  const api = useApi();
  const action = useAction<ConversationView>();
  const [menu, setMenu] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const bot = botState(c.automation, now);

  useEffect(() => {
    if (!menu) return;
    const close = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setMenu(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [menu]);

  const set = async (body: { paused: boolean; minutes?: number }) => {
    setMenu(false);
    const next = await action.run(() =>
      api.put<ConversationView>(`/conversations/${encodeURIComponent(c.id)}/automation`, body),
    );
    if (next) onChange(next);
  };

  return (
    <div className="bot-switch" ref={box} data-testid="bot-switch" data-state={bot.state}>
      <BotStateText bot={bot} testId="bot-state" />
      {bot.state === 'paused' && (
        <button
          type="button"
          className="btn btn-small"
          disabled={action.busy}
          onClick={() => void set({ paused: false })}
          data-testid="bot-resume"
        >
          {t('inbox.bot.resume')}
        </button>
      )}
      {bot.state === 'active' && (
        <span className="bot-pause-wrap">
          <button
            type="button"
            className="btn btn-small"
            aria-haspopup="menu"
            aria-expanded={menu}
            disabled={action.busy}
            onClick={() => setMenu((v) => !v)}
            data-testid="bot-pause"
          >
            {t('inbox.bot.pause')} ▾
          </button>
          {menu && (
            <span className="bot-menu" role="menu">
              {pauseChoices.map((m) => (
                <button
                  key={String(m)}
                  type="button"
                  role="menuitem"
                  className="btn btn-ghost btn-small"
                  onClick={() => void set(pauseBody(m))}
                  data-testid={`bot-pause-${m ?? 'manual'}`}
                >
                  {t(choiceKey(m))}
                </button>
              ))}
            </span>
          )}
        </span>
      )}
      {bot.state === 'opted_out' && <span className="muted small">{t('inbox.bot.optedOutHint')}</span>}
      <Link
        to={`/automation/activity?conversation=${encodeURIComponent(c.id)}`}
        className="bot-history"
        data-testid="bot-history"
      >
        {t('inbox.bot.history')}
      </Link>
      <ErrorMessage error={action.error} testId="bot-error" />
    </div>
  );
}
