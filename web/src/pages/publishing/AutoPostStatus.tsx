import { useT } from '../../i18n/context.js';
import { statusTone } from './post-status.js';
import type { AutoPostStatus } from './schedule-types.js';

export function AutoPostStatusBadge({ status }: { status: AutoPostStatus }) {
  const t = useT();
  return (
    <span className={`badge badge-${statusTone[status]}`} data-testid="auto-post-status" data-status={status}>
      {t(`pub.status.${status}`)}
    </span>
  );
}
