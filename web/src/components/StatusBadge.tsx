import { useT } from '../i18n/context.js';
import type { DeliveryStatus, EventStatus } from '../lib/types.js';

type Status = DeliveryStatus | EventStatus;

const tone: Record<Status, 'ok' | 'warn' | 'bad' | 'info' | 'muted'> = {
  processed: 'ok',
  received: 'info',
  pending: 'info',
  unrouted: 'warn',
  failed: 'bad',
  rejected: 'bad',
};

export function StatusBadge({ status, testId }: { status: Status; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge-${tone[status]}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function SignatureBadge({ valid, testId }: { valid: boolean; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge-${valid ? 'ok' : 'bad'}`} data-testid={testId} data-valid={String(valid)}>
      <span aria-hidden="true">{valid ? '✓ ' : '✕ '}</span>
      {t(valid ? 'signature.valid' : 'signature.invalid')}
    </span>
  );
}
