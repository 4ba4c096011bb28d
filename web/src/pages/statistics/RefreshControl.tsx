import { useEffect, useState } from 'react';
import { describeError } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/context.js';
import type { RefreshState } from './use-refresh.js';

/** a job reading 90 days makes 90 calls to Meta; past this, say that it is still going */
const slowMs = 60_000;

interface Props {
  state: RefreshState;
  days: number;
  disabled: boolean;
  onRefresh(days: number): void;
}

/** the refresh button and what the refresh is doing: reading, done, or why it was refused */
export function RefreshControl({ state, days, disabled, onRefresh }: Props) {
  const t = useT();
  const busy = state.phase === 'starting' || state.phase === 'reading';
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (state.phase !== 'reading') return;
    const timer = setTimeout(() => setSlow(true), slowMs);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <div className="stats-refresh">
      <button
        type="button"
        className="btn"
        disabled={disabled || busy}
        onClick={() => onRefresh(days)}
        title={t('stats.refresh.hint', { days })}
        data-testid="stats-refresh"
      >
        <Icon name="refresh" size={16} />
        {t('stats.refresh.button')}
      </button>
      <span className="small" role="status" data-testid="stats-refresh-status" data-phase={state.phase}>
        {busy && (
          <>
            <progress className="stats-progress" aria-label={t('stats.refresh.reading', { days })} />{' '}
            {t(slow ? 'stats.refresh.slow' : 'stats.refresh.reading', {
              days: state.phase === 'reading' ? state.days : days,
            })}
          </>
        )}
        {state.phase === 'done' && (
          <span className="text-ok">{t('stats.refresh.done', { days: state.days })}</span>
        )}
        {state.phase === 'failed' && <span className="text-bad">{describeError(t, state.error)}</span>}
      </span>
    </div>
  );
}
