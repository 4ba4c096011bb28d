import { useState } from 'react';
import { useT } from '../../i18n/context.js';

/** The profile picture, or the first letter on a coloured circle when there is none (or it fails to load). */
export function Avatar({ url, label }: { url: string | null; label: string }) {
  const t = useT();
  const [broken, setBroken] = useState(false);
  const initial = label.replace(/^@/, '').charAt(0).toUpperCase() || '?';
  if (url && !broken) {
    return (
      <img
        className="avatar"
        src={url}
        alt={t('accounts.avatarAlt', { name: label })}
        referrerPolicy="no-referrer"
        onError={() => setBroken(true)}
        data-testid="account-avatar"
      />
    );
  }
  return (
    <span className="avatar avatar-initial" aria-hidden="true" data-testid="account-avatar">
      {initial}
    </span>
  );
}
