import { useI18n } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { timeOfDay } from './format.js';
import { captionExcerpt } from './gallery.js';
import { statusTone } from './post-status.js';
import type { AutoPostView } from './schedule-types.js';

interface Props {
  post: AutoPostView;
  href: string;
  timeZone: string;
  productName: string | null;
  open: boolean;
}

/** a post in the calendar: its time in the viewer's zone, what it shows, and a dot for its status */
export function PostChip({ post, href, timeZone, productName, open }: Props) {
  const { t, locale } = useI18n();
  const label = productName ?? (captionExcerpt(post.caption, 40) || t(`pub.mediaType.${post.mediaType}`));
  return (
    <Link
      to={href}
      className={`pub-chip pub-chip-${statusTone[post.status]}${open ? ' pub-selected' : ''}`}
      title={`${t(`pub.status.${post.status}`)} · ${label}`}
      data-testid="schedule-chip"
      data-status={post.status}
      data-auto-post-id={post.id}
    >
      <span className="pub-dot" aria-hidden="true" />
      <time dateTime={post.scheduledAt}>{timeOfDay(locale, post.scheduledAt, timeZone)}</time>
      <span className="pub-chip-label">{label}</span>
      <span className="visually-hidden">{t(`pub.status.${post.status}`)}</span>
    </Link>
  );
}
