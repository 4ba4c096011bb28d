import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/context.js';
import type { DeliveryDetail } from '../../lib/types.js';
import { useReplay } from './use-replay.js';

interface Props {
  delivery: DeliveryDetail;
  onUpdate(d: DeliveryDetail): void;
}

export function ReplayPanel({ delivery, onUpdate }: Props) {
  const t = useT();
  const { state, replay, busy } = useReplay(delivery.id, delivery, onUpdate);
  const replayable = delivery.signatureValid && delivery.status !== 'rejected';
  return (
    <div className="replay">
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy || !replayable}
        onClick={() => void replay()}
        data-testid="replay"
        title={replayable ? undefined : t('detail.replayUnavailable')}
      >
        <Icon name="refresh" size={16} />
        <span>{busy ? t('detail.replaying') : t('detail.replay')}</span>
      </button>
      {!replayable && <span className="muted small">{t('detail.replayUnavailable')}</span>}
      <div aria-live="polite" data-testid="replay-status" data-step={state.step}>
        {state.step === 'queued' && (
          <span className="muted">{t('detail.replayQueued', { jobId: state.jobId })}</span>
        )}
        {state.step === 'done' && (
          <span className="text-ok">{t('detail.replayDone', { status: t(`status.${state.status}`) })}</span>
        )}
        {state.step === 'waiting' && <span className="muted">{t('detail.replayWaiting')}</span>}
      </div>
      {state.step === 'error' && <ErrorMessage error={state.error} testId="replay-error" />}
    </div>
  );
}
