import { DetailedError } from '../../components/DetailedError.js';
import { Icon } from '../../components/Icon.js';
import { useI18n } from '../../i18n/context.js';
import { shortDateTime } from './format.js';
import { isFinished } from './sync.js';
import type { MediaSync } from './use-media-sync.js';

/** "Sync now" with the job's progress while it runs and what it found when it ends. */
export function SyncPanel({ sync }: { sync: MediaSync }) {
  const { t, locale } = useI18n();
  const status = sync.current?.status ?? null;
  const running = status !== null && !isFinished(status);
  const lastAt = sync.last?.lastSyncAt;
  return (
    <div className="pub-sync" data-testid="sync">
      <div className="pub-sync-row">
        <button
          type="button"
          className="btn btn-small"
          disabled={sync.starting || running}
          onClick={() => void sync.start()}
          data-testid="sync-now"
        >
          <Icon name="refresh" size={14} />
          <span>{t('pub.sync.button')}</span>
        </button>
        {!status && (
          <span className="muted small" data-testid="sync-last">
            {lastAt ? t('pub.sync.last', { time: shortDateTime(locale, lastAt) }) : t('pub.sync.never')}
          </span>
        )}
      </div>
      {status && (
        <div className="pub-sync-status" data-testid="sync-status" data-phase={status.phase} role="status">
          {running && (
            <progress
              className="pub-progress"
              max={100}
              value={status.progress}
              aria-label={t('pub.sync.button')}
              data-testid="sync-progress"
            />
          )}
          <span className={`small${status.phase === 'failed' ? ' text-bad' : ''}`}>
            {status.phase === 'queued' && t('pub.sync.queued')}
            {status.phase === 'running' && t('pub.sync.running', { percent: status.progress })}
            {status.phase === 'retrying' && t('pub.sync.retrying', { message: status.error ?? '' })}
            {status.phase === 'failed' && t('pub.sync.failed', { message: status.error ?? '' })}
            {status.phase === 'done' &&
              (status.result
                ? t('pub.sync.done', {
                    seen: status.result.seen,
                    created: status.result.created,
                    updated: status.result.updated,
                  })
                : t('pub.sync.doneUnknown'))}
          </span>
        </div>
      )}
      <DetailedError error={sync.startError} testId="sync-error" />
    </div>
  );
}
