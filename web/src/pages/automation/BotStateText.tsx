import { useI18n } from '../../i18n/context.js';
import { dateTime } from '../inbox/time.js';
import type { BotState } from './takeover.js';

/** "Bot active", "Bot paused until 29 Nov, 14:05 (a person replied)", "Opted out on …". */
export function BotStateText({ bot, testId = 'bot-state' }: { bot: BotState; testId?: string }) {
  const { t, locale } = useI18n();
  const when = (iso: string) => dateTime({ locale }, iso, Date.now());
  const text =
    bot.state === 'active'
      ? t('inbox.bot.active')
      : bot.state === 'opted_out'
        ? t('inbox.bot.optedOut', { time: when(bot.since) })
        : bot.until
          ? t(bot.by === 'human' ? 'inbox.bot.pausedHuman' : 'inbox.bot.pausedManual', {
              time: when(bot.until),
            })
          : t('inbox.bot.pausedUntilResumed');
  const tone = bot.state === 'active' ? 'ok' : bot.state === 'paused' ? 'warn' : 'muted';
  return (
    <span className={`badge badge-${tone} auto-bot-state`} data-testid={testId} data-state={bot.state}>
      {text}
    </span>
  );
}
