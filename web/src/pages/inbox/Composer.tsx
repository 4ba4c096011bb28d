import { type KeyboardEvent, useRef, useState } from 'react';
import { Icon } from '../../components/Icon.js';
import { useT } from '../../i18n/context.js';

interface Props {
  busy: 'text' | 'upload' | null;
  /** resolves true when the text was accepted (then the box empties) */
  onSendText(text: string): Promise<boolean>;
  onSendFile(file: File): Promise<boolean>;
}

const maxLength = 1000;

/** The reply box: Enter sends, Shift+Enter starts a new line; the clip uploads a file and sends it. */
export function Composer({ busy, onSendText, onSendFile }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const empty = text.trim() === '';

  const submit = async () => {
    if (empty || busy) return;
    if (await onSendText(text.trim())) setText('');
    input.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Not while an input method is composing a character (Enter confirms it there).
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };
  const onFile = async () => {
    const chosen = file.current?.files?.[0];
    if (file.current) file.current.value = '';
    if (chosen) await onSendFile(chosen);
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="composer"
    >
      <button
        type="button"
        className="btn btn-ghost composer-attach"
        title={t('inbox.composer.attach')}
        aria-label={t('inbox.composer.attach')}
        disabled={busy !== null}
        onClick={() => file.current?.click()}
        data-testid="composer-attach"
      >
        {busy === 'upload' ? '…' : <Icon name="clip" size={18} />}
      </button>
      <input ref={file} type="file" hidden onChange={() => void onFile()} data-testid="composer-file" />
      <textarea
        ref={input}
        className="composer-input"
        rows={2}
        value={text}
        maxLength={maxLength}
        placeholder={t('inbox.composer.placeholder')}
        aria-label={t('inbox.composer.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="composer-input"
      />
      <div className="composer-side">
        {text.length > maxLength - 100 && (
          <span className="muted small">{t('inbox.composer.left', { n: maxLength - text.length })}</span>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          disabled={empty || busy !== null}
          data-testid="composer-send"
        >
          {busy === 'text' ? t('inbox.composer.sending') : t('inbox.composer.send')}
        </button>
      </div>
    </form>
  );
}
