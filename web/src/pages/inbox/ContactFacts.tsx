import { useI18n } from '../../i18n/context.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import type { ContactView } from './types.js';

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'inbox.contact.yes' : 'inbox.contact.no');

/** Followers, who follows whom, the IGSID and where the customer came from. */
export function ContactFacts({
  contact: c,
  attribution,
}: {
  contact: ContactView;
  attribution: string | null;
}) {
  const { t, locale } = useI18n();
  const followsUs = yesNo(c.isUserFollowBusiness);
  const weFollow = yesNo(c.isBusinessFollowUser);
  return (
    <dl className="kv contact-facts">
      {c.followerCount !== null && (
        <div className="kv-row">
          <dt>{t('inbox.contact.followers')}</dt>
          <dd>{formatNumber(locale, c.followerCount)}</dd>
        </div>
      )}
      {followsUs && (
        <div className="kv-row">
          <dt>{t('inbox.contact.followsYou')}</dt>
          <dd data-testid="contact-follows-you">{t(followsUs)}</dd>
        </div>
      )}
      {weFollow && (
        <div className="kv-row">
          <dt>{t('inbox.contact.youFollow')}</dt>
          <dd>{t(weFollow)}</dd>
        </div>
      )}
      <div className="kv-row">
        <dt>{t(c.source === 'chatrace' ? 'inbox.contact.chatraceId' : 'inbox.contact.igsid')}</dt>
        <dd className="mono" data-testid="contact-igsid">
          {c.igsid}
        </dd>
      </div>
      <div className="kv-row">
        <dt>{t('inbox.contact.since')}</dt>
        <dd>{formatDateTime(locale, c.createdAt)}</dd>
      </div>
      {attribution && (
        <div className="kv-row">
          <dt>{t('inbox.contact.cameFrom')}</dt>
          <dd data-testid="contact-attribution">{attribution}</dd>
        </div>
      )}
    </dl>
  );
}
