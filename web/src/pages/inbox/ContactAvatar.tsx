import { useState } from 'react';
import { useT } from '../../i18n/context.js';
import { contactLabel } from './conversation-list.js';
import type { ContactSummary } from './types.js';

/** The customer's picture, or their initial on a coloured circle when there is none or it fails. */
export function ContactAvatar({ contact, size = 40 }: { contact: ContactSummary; size?: number }) {
  const t = useT();
  const [broken, setBroken] = useState<string | null>(null);
  const label = contactLabel(contact);
  const style = { width: size, height: size, fontSize: size * 0.42 };
  const url = contact.profilePicUrl;
  if (url && broken !== url) {
    return (
      <img
        className="inbox-avatar"
        style={style}
        src={url}
        alt={t('inbox.avatarAlt', { name: label })}
        referrerPolicy="no-referrer"
        onError={() => setBroken(url)}
        data-testid="contact-avatar"
      />
    );
  }
  // A stable hue per contact, so the same customer keeps the same colour.
  let hash = 0;
  for (const ch of contact.id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      className="inbox-avatar inbox-avatar-initial"
      style={{ ...style, background: `hsl(${hash % 360} 55% 48%)` }}
      aria-hidden="true"
      data-testid="contact-avatar"
    >
      {label.replace(/^@/, '').charAt(0).toUpperCase() || '?'}
    </span>
  );
}
