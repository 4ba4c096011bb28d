import { ConfirmButton } from '../../components/ConfirmButton.js';
import { useI18n } from '../../i18n/context.js';
import { formatDateTime } from '../../lib/format.js';
import type { ApiKey } from './types.js';

interface Props {
  keys: ApiKey[];
  canRevoke: boolean;
  busy: boolean;
  onRevoke(id: string): void;
}

/** The workspace's keys: name, the first characters (not enough to use it), access, last use. */
export function ApiKeyList({ keys, canRevoke, busy, onRevoke }: Props) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="api-key-list">
        <thead>
          <tr>
            <th>{t('automation.keys.name')}</th>
            <th>{t('automation.keys.prefix')}</th>
            <th>{t('automation.keys.scopes')}</th>
            <th>{t('automation.keys.lastUsed')}</th>
            <th>
              <span className="visually-hidden">{t('automation.keys.revoke')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr
              key={k.id}
              data-testid="api-key-row"
              data-revoked={String(k.revokedAt !== null)}
              className={k.revokedAt ? 'auto-off' : ''}
            >
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td className="small">{k.scopes.map((s) => t(`automation.keys.scope.${s}`)).join(', ')}</td>
              <td className="small">
                {k.revokedAt
                  ? t('automation.keys.revokedAt', { time: formatDateTime(locale, k.revokedAt) })
                  : k.lastUsedAt
                    ? formatDateTime(locale, k.lastUsedAt)
                    : t('automation.keys.neverUsed')}
              </td>
              <td>
                {canRevoke && !k.revokedAt && (
                  <ConfirmButton
                    label={t('automation.keys.revoke')}
                    confirmLabel={t('automation.keys.revokeConfirm')}
                    onConfirm={() => onRevoke(k.id)}
                    busy={busy}
                    small
                    variant="plain"
                    testId="api-key-revoke"
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
