import { useState } from 'react';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/context.js';
import type { Part } from './message-parts.js';

/** An image that turns into a plain link when it cannot be shown (expired or not an image after all). */
function Picture({ src, alt, className }: { src: string; alt: string; className: string }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  if (failed)
    return (
      <a href={src} target="_blank" rel="noreferrer noopener">
        {t('inbox.part.open')}
      </a>
    );
  return (
    <a href={src} target="_blank" rel="noreferrer noopener" className="msg-media-link">
      <img className={className} src={src} alt={alt} loading="lazy" onError={() => setFailed(true)} />
    </a>
  );
}

export function MessagePart({ part }: { part: Part }) {
  const t = useT();
  switch (part.kind) {
    case 'image':
      return <Picture src={part.src} alt={t('inbox.part.image')} className="msg-image" />;
    case 'video':
      // biome-ignore lint/a11y/useMediaCaption: customers' videos come without captions
      return <video className="msg-video" src={part.src} controls preload="metadata" />;
    case 'audio':
      // biome-ignore lint/a11y/useMediaCaption: voice messages come without captions
      return <audio className="msg-audio" src={part.src} controls preload="metadata" />;
    case 'file':
      return (
        <a className="msg-file" href={part.href} target="_blank" rel="noreferrer noopener" download>
          <Icon name="clip" size={14} />
          {t('inbox.part.file')}
        </a>
      );
    case 'card':
      return (
        <div className="msg-card" data-testid="message-card">
          <span className="msg-card-label">{t(part.label)}</span>
          {part.href && part.media === 'video' && (
            // biome-ignore lint/a11y/useMediaCaption: Instagram media come without captions
            <video className="msg-card-media" src={part.href} controls preload="metadata" />
          )}
          {part.href && part.media === 'image' && (
            <Picture src={part.href} alt={t(part.label)} className="msg-card-media" />
          )}
          {part.href && (
            <a href={part.href} target="_blank" rel="noreferrer noopener" className="small">
              {t('inbox.part.open')}
            </a>
          )}
        </div>
      );
    case 'note':
      return <span className="msg-note">{t(part.label)}</span>;
  }
}
