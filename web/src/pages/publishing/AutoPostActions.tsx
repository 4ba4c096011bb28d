import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { DetailedError } from '../../components/DetailedError.js';
import { useT } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { useApi } from '../../lib/session.js';
import { useAction } from '../accounts/use-action.js';
import { FieldError } from './FieldError.js';
import { fieldErrors } from './field-errors.js';
import { postActions } from './post-status.js';
import type { AutoPostView } from './schedule-types.js';
import { sectionPath } from './sections.js';
import { fromLocalInput, toLocalInput } from './zoned-time.js';

interface Props {
  post: AutoPostView;
  timeZone: string;
  onChanged(p: AutoPostView | null): void;
}

/** publish now, reschedule, cancel, change or delete: whichever the post's status allows */
export function AutoPostActions({ post, timeZone, onChanged }: Props) {
  const t = useT();
  const api = useApi();
  const action = useAction<AutoPostView | null>();
  const [at, setAt] = useState(() => toLocalInput(Date.parse(post.scheduledAt), timeZone));
  const allowed = postActions(post);
  const run = async (request: () => Promise<AutoPostView | null>) => {
    const result = await action.run(request);
    if (result !== undefined) onChanged(result);
  };
  const reschedule = () => {
    const ms = fromLocalInput(at, timeZone);
    if (ms === null) return;
    void run(() =>
      api.patch<AutoPostView>(`/auto-posts/${post.id}`, { scheduledAt: new Date(ms).toISOString() }),
    );
  };
  const byField = fieldErrors(action.error);

  return (
    <div className="pub-actions" data-testid="auto-post-actions">
      {allowed.reschedule && (
        <div className="pub-row pub-reschedule">
          <label className="field">
            <span>{t('pub.schedule.rescheduleAt', { zone: timeZone })}</span>
            <input
              type="datetime-local"
              step={1}
              value={at}
              onChange={(e) => setAt(e.target.value)}
              data-testid="reschedule-at"
            />
            <FieldError errors={byField} field="scheduledAt" />
          </label>
          <button
            type="button"
            className="btn"
            disabled={action.busy || fromLocalInput(at, timeZone) === null}
            onClick={reschedule}
            data-testid="reschedule"
          >
            {t('pub.schedule.reschedule')}
          </button>
        </div>
      )}
      <div className="pub-form-actions">
        {allowed.publishNow && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={action.busy}
            onClick={() => void run(() => api.post<AutoPostView>(`/auto-posts/${post.id}/publish-now`))}
            data-testid="publish-now"
          >
            {t(post.status === 'failed' ? 'pub.schedule.retry' : 'pub.schedule.publishNow')}
          </button>
        )}
        {allowed.edit && (
          <Link to={sectionPath('compose', post.id)} className="btn" data-testid="auto-post-edit">
            {t('pub.schedule.edit')}
          </Link>
        )}
        {allowed.cancel && (
          <button
            type="button"
            className="btn"
            disabled={action.busy}
            onClick={() => void run(() => api.post<AutoPostView>(`/auto-posts/${post.id}/cancel`))}
            data-testid="auto-post-cancel"
          >
            {t('pub.schedule.cancelPost')}
          </button>
        )}
        {allowed.remove && (
          <ConfirmButton
            label={t('pub.delete')}
            confirmLabel={t('pub.delete')}
            question={t(
              post.status === 'published'
                ? 'pub.schedule.confirmDeletePublished'
                : 'pub.schedule.confirmDelete',
            )}
            cancelLabel={t('pub.cancel')}
            onConfirm={() =>
              run(async () => {
                await api.del(`/auto-posts/${post.id}`);
                return null;
              })
            }
            busy={action.busy}
            testId="auto-post-delete"
          />
        )}
      </div>
      {Object.keys(byField).length === 0 && (
        <DetailedError error={action.error} testId="auto-post-action-error" />
      )}
    </div>
  );
}
