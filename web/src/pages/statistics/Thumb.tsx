import { useState } from 'react';
import { useT } from '../../i18n/context.js';
import type { PostInsight } from './types.js';

/** a post's picture (a video's cover); a grey tile when Meta's CDN link is missing or has expired */
export function Thumb({ post, size }: { post: PostInsight; size: 'small' | 'large' }) {
  const t = useT();
  const [broken, setBroken] = useState(false);
  const url = post.thumbnailUrl ?? post.mediaUrl;
  const className = `stats-thumb stats-thumb-${size}`;
  if (!url || broken || (post.mediaType === 'VIDEO' && !post.thumbnailUrl))
    return (
      <span className={`${className} stats-thumb-missing`} role="img" aria-label={t('stats.post.noImage')}>
        {t('stats.post.noImage')}
      </span>
    );
  return <img className={className} src={url} alt="" loading="lazy" onError={() => setBroken(true)} />;
}
