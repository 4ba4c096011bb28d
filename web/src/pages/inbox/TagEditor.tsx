import { type KeyboardEvent, useState } from 'react';
import { useT } from '../../i18n/context.js';
import { addTags, removeTag } from './tags.js';

interface Props {
  tags: string[];
  busy: boolean;
  onChange(tags: string[]): void;
}

/** Tags as removable chips; typing a tag and pressing Enter (or a comma) adds it. */
export function TagEditor({ tags, busy, onChange }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const commit = () => {
    const next = addTags(tags, text);
    setText('');
    if (next.length !== tags.length) onChange(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' || e.key === ',') && !e.nativeEvent.isComposing) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };
  return (
    <div className="contact-tags" data-testid="contact-tags">
      <span className="contact-section-title">{t('inbox.contact.tags')}</span>
      <ul className="tag-list">
        {tags.map((tag) => (
          <li key={tag} className="inbox-chip tag-chip" data-testid="contact-tag">
            <span>{tag}</span>
            <button
              type="button"
              className="tag-remove"
              aria-label={t('inbox.contact.removeTag', { tag })}
              disabled={busy}
              onClick={() => onChange(removeTag(tags, tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        value={text}
        maxLength={200}
        placeholder={t('inbox.contact.addTag')}
        aria-label={t('inbox.contact.addTag')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && commit()}
        data-testid="contact-tag-input"
      />
    </div>
  );
}
