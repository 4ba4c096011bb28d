import { useEffect, useState } from 'react';
import { useT } from '../../i18n/context.js';

interface Props {
  value: string;
  /** saves the notes; resolves false when the save failed (the text stays for another try) */
  onSave(notes: string): Promise<boolean>;
}

/** Free-text notes about the customer, saved when the field loses focus. */
export function NotesField({ value, onSave }: Props) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  // A newer copy from the server replaces the text unless it is being edited.
  useEffect(() => setDraft(value), [value]);

  const save = async () => {
    if (draft === value) return;
    setState('saving');
    setState((await onSave(draft)) ? 'saved' : 'failed');
  };
  return (
    <label className="field contact-notes">
      <span className="contact-section-title">{t('inbox.contact.notes')}</span>
      <textarea
        value={draft}
        rows={4}
        maxLength={10_000}
        placeholder={t('inbox.contact.notesPlaceholder')}
        onChange={(e) => {
          setDraft(e.target.value);
          setState('idle');
        }}
        onBlur={() => void save()}
        data-testid="contact-notes"
      />
      <span className="muted small" aria-live="polite" data-testid="contact-notes-state" data-state={state}>
        {state === 'saving' && t('inbox.contact.saving')}
        {state === 'saved' && t('inbox.contact.saved')}
        {state === 'failed' && <span className="text-bad">{t('inbox.contact.saveFailed')}</span>}
      </span>
    </label>
  );
}
