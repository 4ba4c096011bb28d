import { useT } from '../../i18n/context.js';
import type { MediaItem } from './schedule-types.js';

/** the same URL may come twice in a carousel: the n-th copy of a URL is its key */
function keyed(items: MediaItem[]) {
  const seen = new Map<string, number>();
  return items.map((m) => {
    const n = (seen.get(m.url) ?? 0) + 1;
    seen.set(m.url, n);
    return { ...m, key: `${m.url}#${n}` };
  });
}

/** the pictures and videos a post will publish, in order, as Instagram will show them */
export function MediaPreview({ items, coverUrl }: { items: MediaItem[]; coverUrl?: string | null }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div className="pub-media-preview" data-testid="media-preview">
      {keyed(items).map((m, i) => (
        <figure key={m.key} className="pub-media-item" data-testid="media-preview-item" data-type={m.type}>
          {m.type === 'video' ? (
            <video
              src={m.url}
              poster={coverUrl ?? undefined}
              muted
              preload="metadata"
              controls
              className="pub-media-img"
            />
          ) : (
            <img
              src={m.url}
              alt={t('pub.media.itemAlt', { n: i + 1 })}
              className="pub-media-img"
              loading="lazy"
            />
          )}
          {items.length > 1 && <figcaption className="small muted">{i + 1}</figcaption>}
        </figure>
      ))}
      {coverUrl && items[0]?.type === 'video' && (
        <figure className="pub-media-item" data-testid="media-preview-cover">
          <img src={coverUrl} alt={t('pub.media.cover')} className="pub-media-img" loading="lazy" />
          <figcaption className="small muted">{t('pub.media.cover')}</figcaption>
        </figure>
      )}
    </div>
  );
}
