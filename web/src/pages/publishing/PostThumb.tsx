import { useState } from 'react';
import { useT } from '../../i18n/context.js';

/** A media picture that degrades to a grey tile when Meta's CDN link has expired or is missing. */
export function PostThumb({ url, alt, className }: { url: string | null; alt: string; className: string }) {
  const t = useT();
  const [broken, setBroken] = useState(false);
  if (!url || broken)
    return (
      <span className={`${className} pub-thumb-missing`} role="img" aria-label={alt}>
        {t('pub.gallery.noImage')}
      </span>
    );
  return <img className={className} src={url} alt={alt} loading="lazy" onError={() => setBroken(true)} />;
}
